/**
 * `--category` and `--top`: which entries a report shows. They narrow the view and never change
 * ranks (the ranking is over every entry). Shared by `kipp score` and `kipp verify`.
 * `--top N` never splits a tie: entries sharing the N-th entry's rank are shown too, and the
 * selection says so (as docs/reference/scoring.md step 10 does for a shortlist's cut-off).
 */
import { KippError } from '../model/diagnostic.js';
import { withEntries, type ScoreResult, type Selection } from '../model/result.js';
import { vocabulary } from '../model/vocabulary.js';

/**
 * The run of equal ranks that the `limit`-th item of a ranked list belongs to, when it goes on
 * past `limit` (a cut after `limit` items would split it): items [start, end) share `rank`.
 * Null when the cut falls between two ranks, or the list is not longer than `limit`.
 */
export function tieAcross<T>(
  list: readonly T[],
  limit: number,
  rankOf: (item: T) => number | null,
): { start: number; end: number; rank: number } | null {
  if (limit < 1 || list.length <= limit) return null;
  const rank = rankOf(list[limit - 1]!);
  if (rank === null || rankOf(list[limit]!) !== rank) return null;
  let start = limit - 1;
  while (start > 0 && rankOf(list[start - 1]!) === rank) start--;
  let end = limit + 1;
  while (end < list.length && rankOf(list[end]!) === rank) end++;
  return { start, end, rank };
}

export function selectEntries(result: ScoreResult, category: string | undefined, top: number | undefined): ScoreResult {
  let entries = result.entries;
  let categoryId: string | null = null;
  if (category !== undefined) {
    const id = vocabulary(result.rubric).category(category);
    if (id === undefined)
      throw new KippError(
        'usage',
        `--category ${category}: not a category of the rubric (${result.rubric.categories.map((c) => c.id).join(', ')})`,
      );
    categoryId = id;
    entries = entries.filter((e) => e.categoryKnown && e.category === id);
  }
  const of = entries.length;
  const ofRanked = entries.filter((e) => e.rank !== null).length;
  const ofPassed = entries.filter((e) => e.passed).length;
  let tie: Selection['tie'] = null;
  const beyond = new Map<string, Set<string>>();
  if (top !== undefined) {
    const across = tieAcross(entries, top, (e) => e.rank);
    if (across !== null) tie = { rank: across.rank, entries: across.end - across.start, places: top - across.start };
    const end = across?.end ?? top;
    for (let i = end; i < entries.length; i++) {
      const e = entries[i]!;
      for (const name of e.shortlists) {
        const categories = beyond.get(name) ?? new Set<string>();
        if (categories.size === 0) beyond.set(name, categories);
        categories.add(e.category);
      }
    }
    entries = entries.slice(0, end);
  }
  return withEntries(result, entries, {
    category: categoryId,
    top: top ?? null,
    shown: entries.length,
    of,
    ofRanked,
    ofPassed,
    tie,
    beyond,
  });
}
