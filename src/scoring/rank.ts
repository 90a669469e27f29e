/**
 * SPEC 3.9 — competition ranking (1, 2, 2, 4) by total, then each tie-break criterion, all on
 * the rounded values; entries equal on all of them share a rank and are listed by id.
 */
import { codePointComparator } from '../model/names.js';

export interface Rankable {
  id: string;
  total: number;
  criteria: Record<string, number>;
}

/** True when two entries are equal on the total and every tie-break criterion (absent: −∞). */
export function sameStanding(a: Rankable, b: Rankable, tieBreak: readonly string[]): boolean {
  if (a.total !== b.total) return false;
  for (const c of tieBreak) if ((a.criteria[c] ?? -Infinity) !== (b.criteria[c] ?? -Infinity)) return false;
  return true;
}

/** Returns the entries in rank order with their rank and whether they share it. */
export function rankEntries<T extends Rankable>(items: readonly T[], tieBreak: readonly string[]): { item: T; rank: number; tied: boolean }[] {
  // The values ranked on, in one flat array (K per entry), read once per entry: a stress year
  // sorts 200,000 entries, some 3.5 million comparisons.
  const n = items.length;
  const K = tieBreak.length + 1;
  const keys = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    keys[i * K] = item.total;
    for (let k = 1; k < K; k++) keys[i * K + k] = item.criteria[tieBreak[k - 1]!] ?? -Infinity;
  }
  const compareKeys = (a: number, b: number): number => {
    for (let k = 0; k < K; k++) {
      const x = keys[a * K + k]!;
      const y = keys[b * K + k]!;
      if (x !== y) return y - x;
    }
    return 0;
  };
  const order: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const compareIds = codePointComparator(items.map((item) => item.id));
  order.sort((a, b) => compareKeys(a, b) || compareIds(items[a]!.id, items[b]!.id));
  const out: { item: T; rank: number; tied: boolean }[] = new Array(n);
  for (let p = 0; p < n; p++) {
    const previous = out[p - 1];
    const rank = previous && compareKeys(order[p - 1]!, order[p]!) === 0 ? previous.rank : p + 1;
    if (previous && previous.rank === rank) previous.tied = true;
    out[p] = { item: items[order[p]!]!, rank, tied: previous?.rank === rank };
  }
  return out;
}
