/**
 * SPEC 3.10 — shortlists: passing entries in rank order until `size` are taken; further entries
 * sharing the last one's rank are taken too, and only then is `cutoff_tie` reported.
 */
import type { ShortlistRule } from '../model/rubric.js';

export interface Candidate {
  id: string;
  category: string | null;
  group: string | null;
  rank: number;
  categoryRank: number | null;
}

export interface ShortlistOutcome {
  taken: string[];
  cutoffTie: boolean;
}

/**
 * `candidates` are the passing ranked entries in rank order. `categories` gives the rubric's
 * category order for per-category shortlists.
 */
export function drawShortlist(rule: ShortlistRule, candidates: readonly Candidate[], categories: readonly string[]): ShortlistOutcome {
  const pool = rule.group !== undefined ? candidates.filter((c) => c.group === rule.group) : candidates;
  if (!rule.perCategory) return take(pool, rule.size, (c) => c.rank);
  const taken: string[] = [];
  let cutoffTie = false;
  for (const category of categories) {
    const inCategory = pool.filter((c) => c.category === category).sort((a, b) => a.categoryRank! - b.categoryRank! || a.rank - b.rank);
    const outcome = take(inCategory, rule.size, (c) => c.categoryRank!);
    taken.push(...outcome.taken);
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
