/**
 * A shortlist's tie at its cut-off, as the jury sees it: which entries share the last rank the
 * shortlist took, and how many places are left for them. Used by `kipp agenda` (what to decide)
 * and by applyDecisions (whether a resolve_tie still fits).
 */
import type { EntryResult } from '../model/result.js';
import type { ShortlistRule } from '../model/rubric.js';
import { maxOf } from '../model/arrays.js';

export interface CutoffTie {
  shortlist: string;
  /** Per-category shortlists: the category whose cut-off is tied. */
  category?: string;
  /** The shared rank (category_rank for a per-category shortlist; the stage rank for one drawn on a stage). */
  rank: number;
  /** Places left for the tied entries. */
  free: number;
  tied: EntryResult[];
}

/** The tie at the cut-off of one shortlist (in one category), or null when it has none. */
export function tieAtCut(
  entries: readonly EntryResult[],
  rule: Pick<ShortlistRule, 'name' | 'size' | 'stage'>,
  category?: string,
): CutoffTie | null {
  const inList = entries.filter(
    (e) => e.shortlists.includes(rule.name) && (category === undefined || e.category === category),
  );
  if (inList.length <= rule.size) return null;
  // A list drawn on a stage is cut on that stage's ranks (per category too: within one category,
  // entries share a stage rank exactly when they share a category rank there).
  const { stage } = rule;
  const rankOf = (e: EntryResult) =>
    (stage !== undefined ? e.stages?.[stage]?.rank : category !== undefined ? e.category_rank : e.rank) ?? Infinity;
  const rank = maxOf(inList.map(rankOf));
  const tied = inList.filter((e) => rankOf(e) === rank);
  const free = rule.size - (inList.length - tied.length);
  // A list longer than its size without a shared last rank is a proportional one's quotas, not a tie.
  if (tied.length < 2 || free < 0) return null;
  return { shortlist: rule.name, ...(category !== undefined ? { category } : {}), rank, free, tied };
}

/** Every cut-off tie of the rubric's shortlists, in rubric order (per category in category order). */
export function cutoffTies(
  entries: readonly EntryResult[],
  rules: readonly ShortlistRule[],
  categories: readonly string[],
): CutoffTie[] {
  return rules.flatMap((rule) =>
    (rule.perCategory ? categories.map((k) => tieAtCut(entries, rule, k)) : [tieAtCut(entries, rule)]).filter(
      (t): t is CutoffTie => t !== null,
    ),
  );
}
