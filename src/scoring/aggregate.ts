/**
 * docs/reference/scoring.md step 4 — aggregation of one entry's normalized scores on one criterion.
 */

export type Aggregation = 'mean' | 'median' | 'trimmed';

export interface Aggregated {
  value: number;
  /** Indices (into the input) dropped by the trimmed mean. */
  trimmed: number[];
}

/**
 * `values[i]` belongs to `keys[i]` (the judge id), used only to decide which of several equal
 * values counts as trimmed; without keys, equal values are taken in the order given (judge-id
 * order in scoring), so that explanations are deterministic.
 */
export function aggregate(
  values: readonly number[],
  method: Aggregation,
  trim: number,
  keys?: readonly string[],
): Aggregated {
  const n = values.length;
  if (method === 'mean') return { value: sumInOrder(values) / n, trimmed: [] };
  const order = values
    .map((_, i) => i)
    .sort((a, b) => values[a]! - values[b]! || cmp(keys?.[a] ?? '', keys?.[b] ?? '') || a - b);
  if (method === 'median') {
    const mid = Math.floor(n / 2);
    const value = n % 2 === 1 ? values[order[mid]!]! : (values[order[mid - 1]!]! + values[order[mid]!]!) / 2;
    return { value, trimmed: [] };
  }
  if (n <= 2 * trim) return { value: sumInOrder(values) / n, trimmed: [] };
  const kept = order.slice(trim, n - trim);
  return {
    value: sumInOrder(kept.map((i) => values[i]!)) / kept.length,
    trimmed: [...order.slice(0, trim), ...order.slice(n - trim)],
  };
}

/**
 * Values are summed in the order given. Scoring passes an entry's values in judge-id order (and
 * a trimmed mean's in ascending order), so a result never depends on the order of rows in files.
 */
function sumInOrder(values: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
