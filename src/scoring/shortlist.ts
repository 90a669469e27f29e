/**
 * docs/reference/scoring.md step 10 — shortlists: passing entries in rank order until `size` are taken; further entries
 * sharing the last one's rank are taken too, and only then is `cutoff_tie` reported.
 * Proportional shortlists (`min_per`) first take the best entries of every value of the named
 * fields up to the minimum, then fill the remaining places by rank.
 */
import { compareCodePoints } from '../model/names.js';
import type { MinPerField, ShortlistRule } from '../model/rubric.js';
import { pushAll } from '../model/arrays.js';

export interface Candidate {
  id: string;
  category: string | null;
  group: string | null;
  rank: number;
  categoryRank: number | null;
  /** The resolved agency type, and the region folded for comparison (for `min_per`). */
  agencyType?: string | null;
  region?: string | null;
}

export interface ShortlistOutcome {
  taken: string[];
  cutoffTie: boolean;
  /** Proportional shortlists: entries taken by a quota that rank alone would not have taken. */
  byQuota?: string[];
  /**
   * Proportional shortlists: the places the `min_per` minimums took (entries tied with a
   * quota's last one not counted: that is a cut-off tie). Above `size`, the quotas alone need
   * more places than the shortlist has (`shortlist-over-size`).
   */
  quotaPlaces?: number;
}

/** The value order of each `min_per` field: the rubric's order for categories and groups. */
export interface ValueOrder {
  categories: readonly string[];
  groups: readonly string[];
}

function valueOf(c: Candidate, field: MinPerField): string | null {
  switch (field) {
    case 'category':
      return c.category;
    case 'group':
      return c.group;
    case 'agency_type':
      return c.agencyType ?? null;
    case 'region':
      return c.region ?? null;
  }
}

/**
 * `ordered` are the pool's candidates in rank order. For each field (in the rubric's order) and
 * each of its values (rubric order for categories and groups, sorted otherwise), the best
 * candidates of that value not yet taken are taken until the shortlist holds `min` of that
 * value; a candidate tied (same rank) with the last one a quota took is taken too. The
 * remaining places then go by rank, with the cut-off tie rule.
 */
export function drawProportional(
  rule: ShortlistRule,
  ordered: readonly Candidate[],
  order: ValueOrder,
): ShortlistOutcome {
  const minPer = rule.minPer ?? {};
  const taken = new Set<Candidate>();
  let cutoffTie = false;
  let quotaPlaces = 0;
  for (const field of Object.keys(minPer) as MinPerField[]) {
    const min = minPer[field]!;
    const known = field === 'category' ? order.categories : field === 'group' ? order.groups : [];
    const present = [...new Set(ordered.map((c) => valueOf(c, field)).filter((v): v is string => v !== null))];
    const values =
      field === 'category' || field === 'group'
        ? known.filter((v) => present.includes(v))
        : present.sort(compareCodePoints);
    for (const value of values) {
      const ofValue = ordered.filter((c) => valueOf(c, field) === value);
      let have = ofValue.filter((c) => taken.has(c)).length;
      let last: Candidate | undefined;
      for (const c of ofValue) {
        if (taken.has(c)) continue;
        if (have < min) {
          taken.add(c);
          have++;
          quotaPlaces++;
          last = c;
        } else if (last !== undefined && c.rank === last.rank) {
          taken.add(c);
          cutoffTie = true;
        } else break;
      }
    }
  }
  const byRank = take(ordered, rule.size, (c) => c.rank);
  const byRankIds = new Set(byRank.taken);
  const byQuota = ordered.filter((c) => taken.has(c) && !byRankIds.has(c.id)).map((c) => c.id);
  const rest = ordered.filter((c) => !taken.has(c));
  const remaining = rule.size - taken.size;
  if (remaining > 0) {
    const fill = take(rest, remaining, (c) => c.rank);
    const fillIds = new Set(fill.taken);
    for (const c of rest) if (fillIds.has(c.id)) taken.add(c);
    cutoffTie ||= fill.cutoffTie;
  }
  return { taken: ordered.filter((c) => taken.has(c)).map((c) => c.id), cutoffTie, byQuota, quotaPlaces };
}

/**
 * `candidates` are the passing ranked entries in rank order. `categories` gives the rubric's
 * category order for per-category shortlists.
 */
export function drawShortlist(
  rule: ShortlistRule,
  candidates: readonly Candidate[],
  categories: readonly string[],
  groups: readonly string[] = [],
): ShortlistOutcome {
  const pool = rule.group !== undefined ? candidates.filter((c) => c.group === rule.group) : candidates;
  if (rule.minPer !== undefined) return drawProportional(rule, pool, { categories, groups });
  if (!rule.perCategory) return take(pool, rule.size, (c) => c.rank);
  const taken: string[] = [];
  let cutoffTie = false;
  for (const category of categories) {
    const inCategory = pool
      .filter((c) => c.category === category)
      .sort((a, b) => a.categoryRank! - b.categoryRank! || a.rank - b.rank);
    const outcome = take(inCategory, rule.size, (c) => c.categoryRank!);
    pushAll(taken, outcome.taken);
    cutoffTie ||= outcome.cutoffTie;
  }
  return { taken, cutoffTie };
}

function take(ordered: readonly Candidate[], size: number, rankOf: (c: Candidate) => number): ShortlistOutcome {
  const taken = ordered.slice(0, size);
  let cutoffTie = false;
  const last = taken[taken.length - 1];
  if (last !== undefined && taken.length === size) {
    for (let i = size; i < ordered.length && rankOf(ordered[i]!) === rankOf(last); i++) {
      taken.push(ordered[i]!);
      cutoffTie = true;
    }
  }
  return { taken: taken.map((c) => c.id), cutoffTie };
}
