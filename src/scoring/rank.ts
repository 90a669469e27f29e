/**
 * SPEC 3.9 — competition ranking (1, 2, 2, 4) by total, then each tie-break criterion, all on
 * the rounded values; entries equal on all of them share a rank and are listed by id.
 */
import { compareCodePoints } from '../model/names.js';

export interface Rankable {
  id: string;
  total: number;
  criteria: Record<string, number>;
}

/** Orders by total and tie-break criteria (descending), then id (code-point order). */
export function compareForRank(tieBreak: readonly string[]) {
  return (a: Rankable, b: Rankable): number => {
    if (a.total !== b.total) return b.total - a.total;
    for (const c of tieBreak) {
      const x = a.criteria[c] ?? -Infinity;
      const y = b.criteria[c] ?? -Infinity;
      if (x !== y) return y - x;
    }
    return compareCodePoints(a.id, b.id);
  };
}

function sameStanding(a: Rankable, b: Rankable, tieBreak: readonly string[]): boolean {
  return a.total === b.total && tieBreak.every((c) => a.criteria[c] === b.criteria[c]);
}

export interface RankedPosition {
  rank: number;
  tied: boolean;
}

/** Returns the entries in rank order with their rank and whether they share it. */
export function rankEntries<T extends Rankable>(items: readonly T[], tieBreak: readonly string[]): { item: T; rank: number; tied: boolean }[] {
  const sorted = [...items].sort(compareForRank(tieBreak));
  const out: { item: T; rank: number; tied: boolean }[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const item = sorted[i]!;
    const previous = out[i - 1];
    const rank = previous && sameStanding(previous.item, item, tieBreak) ? previous.rank : i + 1;
    if (previous && previous.rank === rank) previous.tied = true;
    out.push({ item, rank, tied: previous?.rank === rank });
  }
  return out;
}
