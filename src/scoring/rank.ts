/**
 * docs/reference/scoring.md step 9 — competition ranking (1, 2, 2, 4) by total, then each tie-break criterion, all on
 * the rounded values; entries equal on all of them share a rank and are listed by id.
 *
 * The ranking works on columns: K keys per entry in one Float64Array (the total, then each
 * tie-break criterion, −∞ where the entry has none) and each entry's place in id order. Scoring
 * fills them straight from its own columns and makes the result objects afterwards, in rank
 * order; rankEntries fills them from objects.
 */
import { idOrder } from '../model/names.js';

export interface Rankable {
  id: string;
  total: number;
  criteria: Record<string, number>;
}

/** Positions in rank order: the entry at each position, its rank, and whether it shares it (1). */
export interface Ranking {
  order: Int32Array;
  rank: Int32Array;
  tied: Uint8Array;
}

/** The keys of `items` (K per item) and their places in id order (code points; equal ids by index). */
export function rankKeys(
  items: readonly Rankable[],
  tieBreak: readonly string[],
): { K: number; keys: Float64Array; idRank: Int32Array } {
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
  return { K, keys, idRank: idOrder(ids) };
}

/** True when entries a and b are equal on every key (the total and each tie-break criterion). */
function sameKeys(keys: Float64Array, K: number, a: number, b: number): boolean {
  for (let k = 0; k < K; k++) if (keys[a * K + k] !== keys[b * K + k]) return false;
  return true;
}

/**
 * Ranks n entries by their keys, higher first, equal standings by idRank (distinct numbers, the
 * entries' places in id order): the order is total, as no two entries compare equal.
 */
export function rankByKeys(n: number, K: number, keys: Float64Array, idRank: Int32Array): Ranking {
  const compareKeys = (a: number, b: number): number => {
    for (let k = 0; k < K; k++) {
      const x = keys[a * K + k]!;
      const y = keys[b * K + k]!;
      if (x !== y) return y - x;
    }
    return 0;
  };
  // Equal standings are ordered by a number, not by comparing ids: most of a stress year's
  // entries share their total with hundreds of others.
  const compare = (a: number, b: number) => compareKeys(a, b) || idRank[a]! - idRank[b]!;
  const order = sortByTotal(n, K, keys, compare);
  const rank = new Int32Array(n);
  const tied = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    rank[p] = p > 0 && sameKeys(keys, K, order[p - 1]!, order[p]!) ? rank[p - 1]! : p + 1;
    if (p > 0 && rank[p] === rank[p - 1]) tied[p - 1] = tied[p] = 1;
  }
  return { order, rank, tied };
}

/**
 * Per position of `order`, the entry's rank within its category (0: no category): its place
 * among the category's entries, shared with the one before it when their standings are equal.
 */
export function categoryRanks(
  order: Int32Array,
  K: number,
  keys: Float64Array,
  categoryOf: (entry: number) => string | undefined,
): Int32Array {
  const ranks = new Int32Array(order.length);
  const last = new Map<string, { entry: number; rank: number; count: number }>();
  for (let p = 0; p < order.length; p++) {
    const entry = order[p]!;
    const category = categoryOf(entry);
    if (category === undefined) continue;
    const before = last.get(category);
    const count = (before?.count ?? 0) + 1;
    const rank = before !== undefined && sameKeys(keys, K, before.entry, entry) ? before.rank : count;
    ranks[p] = rank;
    if (before === undefined) last.set(category, { entry, rank, count });
    else {
      before.entry = entry;
      before.rank = rank;
      before.count = count;
    }
  }
  return ranks;
}

/** Returns the entries in rank order with their rank and whether they share it. */
export function rankEntries<T extends Rankable>(
  items: readonly T[],
  tieBreak: readonly string[],
): { item: T; rank: number; tied: boolean }[] {
  const { K, keys, idRank } = rankKeys(items, tieBreak);
  const { order, rank, tied } = rankByKeys(items.length, K, keys, idRank);
  return Array.from(order, (i, p) => ({ item: items[i]!, rank: rank[p]!, tied: tied[p] === 1 }));
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
function sortByTotal(n: number, K: number, keys: Float64Array, compare: (a: number, b: number) => number): Int32Array {
  const byComparison = () => Int32Array.from(Array.from({ length: n }, (_, i) => i).sort(compare));
  if (n >= INDEX_BITS) return byComparison();
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const scaled = Math.round(keys[i * K]! * 1e6);
    if (!(scaled >= 0 && scaled < SCALE_LIMIT)) return byComparison();
    packed[i] = (SCALE_LIMIT - 1 - scaled) * INDEX_BITS + i; // higher total first
  }
  packed.sort();
  const order = new Int32Array(n);
  for (let p = 0; p < n;) {
    const group = Math.floor(packed[p]! / INDEX_BITS);
    let q = p;
    for (; q < n && Math.floor(packed[q]! / INDEX_BITS) === group; q++) order[q] = packed[q]! - group * INDEX_BITS;
    if (q - p > 1) order.subarray(p, q).sort(compare);
    p = q;
  }
  return order;
}
