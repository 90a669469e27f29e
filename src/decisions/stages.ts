/**
 * Removals (disqualify, withdraw) under a rubric with stages. A removed entry leaves
 * every stage's ranking as well as the final one: its stage totals stay (facts of the scores),
 * its stage ranks become null, and in each stage the entries below it move up — the places close
 * up. Shortlists drawn on a stage's ranks (`stage:` in the rubric) are drawn again from those
 * closed-up ranks, so ties at their cut-off that appear or vanish are derived again, exactly as
 * for the final ranking.
 *
 * The closed-up ranks are derived from the stage ranks themselves, not by scoring the stage
 * again: a stage's competition ranking orders entries by its keys (total, tie-break criteria),
 * and entries that share a rank are equal on all of them, so without the removed entries an
 * entry's rank is 1 + the number of remaining entries ranked strictly above it (within its
 * category for the category rank). No stage figure is recomputed, so none can differ.
 */
import { compareCodePoints } from '../model/names.js';
import type { EntryResult } from '../model/result.js';
import type { Rubric } from '../model/rubric.js';
import { candidateOf } from '../scoring/score.js';
import type { Candidate } from '../scoring/shortlist.js';

/** 1 + how many of `ranks` are strictly below `rank` (ranks sorted ascending). */
function closedUp(sorted: readonly number[], rank: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < rank) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/**
 * Closes up every stage's ranks of `entries` (copies, changed in place) without the `removed`
 * ids, and returns each stage's shortlist candidates (the entries ranked in the stage that pass
 * its mark, in the new rank order) for rankAndShortlist.
 */
export function closeUpStages(
  rubric: Rubric,
  entries: EntryResult[],
  removed: ReadonlySet<string>,
): Map<string, Candidate[]> {
  const proportional = rubric.shortlists.some((rule) => rule.minPer !== undefined);
  const candidates = new Map<string, Candidate[]>();
  for (const stage of rubric.stages) {
    const rankOf = (e: EntryResult) => e.stages?.[stage.name]?.rank ?? null;
    const kept = entries.filter((e) => rankOf(e) !== null && !removed.has(e.id));
    const all = kept.map((e) => rankOf(e)!).sort((a, b) => a - b);
    const byCategory = new Map<string, number[]>();
    for (const e of kept)
      if (e.categoryKnown)
        (byCategory.get(e.category) ?? byCategory.set(e.category, []).get(e.category)!).push(rankOf(e)!);
    for (const list of byCategory.values()) list.sort((a, b) => a - b);

    const pool: Candidate[] = [];
    for (const e of entries) {
      const outcome = e.stages?.[stage.name];
      if (outcome === undefined) continue;
      const old = outcome.rank;
      if (old === null) continue;
      if (removed.has(e.id)) {
        e.stages = { ...e.stages, [stage.name]: { total: outcome.total, rank: null } };
        continue;
      }
      const rank = closedUp(all, old);
      e.stages = { ...e.stages, [stage.name]: { total: outcome.total, rank } };
      if (stage.pass !== undefined && (outcome.total === null || outcome.total < stage.pass)) continue;
      const categoryRank = e.categoryKnown ? closedUp(byCategory.get(e.category)!, old) : null;
      pool.push({ ...candidateOf(e, proportional), rank, categoryRank });
    }
    pool.sort((a, b) => a.rank - b.rank || compareCodePoints(a.id, b.id));
    candidates.set(stage.name, pool);
  }
  return candidates;
}
