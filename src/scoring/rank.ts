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
  const ids: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    ids[i] = item.id;
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
  // Each entry's place in id order, found once: equal standings are then ordered by a number,
  // not by comparing ids (most of a stress year's entries share their total with hundreds of
  // others). Entries files are mostly kept in id order, which the sort sees in one pass.
  const compareIds = codePointComparator(ids);
  const byId = Array.from({ length: n }, (_, i) => i).sort((a, b) => compareIds(ids[a]!, ids[b]!) || a - b);
  const idRank = new Int32Array(n);
  for (let r = 0; r < n; r++) idRank[byId[r]!] = r;
  const compare = (a: number, b: number) => compareKeys(a, b) || idRank[a]! - idRank[b]!;
  const order = sortByTotal(items, n, compare);
  const out: { item: T; rank: number; tied: boolean }[] = new Array(n);
  for (let p = 0; p < n; p++) {
    const previous = out[p - 1];
    const rank = previous && compareKeys(order[p - 1]!, order[p]!) === 0 ? previous.rank : p + 1;
    if (previous && previous.rank === rank) previous.tied = true;
    out[p] = { item: items[order[p]!]!, rank, tied: previous?.rank === rank };
  }
  return out;
}

const INDEX_BITS = 2 ** 21;
const SCALE_LIMIT = 2 ** 30;

/**
 * Entry indices in rank order. Totals on the 0–100 scale, times 10⁶, are integers below 2³⁰:
 * packed with the index into one number each, they sort as a Float64Array without a comparator
 * (native, several times faster than 200,000 entries through a comparator). Entries whose
 * scaled totals are equal (ties, and totals a rounding hair apart) are then put in order by the
 * full comparison. Any total outside that range, or more than 2²¹ entries, sorts by the
 * comparison alone.
 */
function sortByTotal(items: readonly Rankable[], n: number, compare: (a: number, b: number) => number): number[] {
  const order: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n >= INDEX_BITS) return order.sort(compare);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const scaled = Math.round(items[i]!.total * 1e6);
    if (!(scaled >= 0 && scaled < SCALE_LIMIT)) return order.sort(compare);
    packed[i] = (SCALE_LIMIT - 1 - scaled) * INDEX_BITS + i; // higher total first
  }
  packed.sort();
  for (let p = 0; p < n; ) {
    const group = Math.floor(packed[p]! / INDEX_BITS);
    let q = p;
    for (; q < n && Math.floor(packed[q]! / INDEX_BITS) === group; q++) order[q] = packed[q]! - group * INDEX_BITS;
    if (q - p > 1) {
      const run = order.slice(p, q).sort(compare);
      for (let k = 0; k < run.length; k++) order[p + k] = run[k]!;
    }
    p = q;
  }
  return order;
}
