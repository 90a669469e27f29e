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

/** The values an entry is ranked on: total, then the tie-break criteria (absent: −∞). */
function standing(item: Rankable, tieBreak: readonly string[]): number[] {
  return [item.total, ...tieBreak.map((c) => item.criteria[c] ?? -Infinity)];
}

function compareStanding(x: readonly number[], y: readonly number[]): number {
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return y[k]! - x[k]!;
  return 0;
}

/** Returns the entries in rank order with their rank and whether they share it. */
export function rankEntries<T extends Rankable>(items: readonly T[], tieBreak: readonly string[]): { item: T; rank: number; tied: boolean }[] {
  // Keys are computed once per entry, not once per comparison (a stress year has 200,000).
  const keyed = items.map((item) => ({ item, key: standing(item, tieBreak) }));
  keyed.sort((a, b) => compareStanding(a.key, b.key) || compareCodePoints(a.item.id, b.item.id));
  const out: { item: T; rank: number; tied: boolean }[] = [];
  for (let i = 0; i < keyed.length; i++) {
    const previous = out[i - 1];
    const rank = previous && compareStanding(keyed[i - 1]!.key, keyed[i]!.key) === 0 ? previous.rank : i + 1;
    if (previous && previous.rank === rank) previous.tied = true;
    out.push({ item: keyed[i]!.item, rank, tied: previous?.rank === rank });
  }
  return out;
}
