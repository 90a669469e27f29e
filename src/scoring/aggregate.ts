/**
 * SPEC 3.4 — aggregation of one entry's normalized scores on one criterion.
 */
import { mean } from './normalize.js';

export type Aggregation = 'mean' | 'median' | 'trimmed';

export interface Aggregated {
  value: number;
  /** Indices (into the input) dropped by the trimmed mean. */
  trimmed: number[];
}

/**
 * `values[i]` belongs to `keys[i]` (the judge id), used only to decide which of several equal
 * values counts as trimmed, so that explanations are deterministic.
 */
export function aggregate(values: readonly number[], method: Aggregation, trim: number, keys?: readonly string[]): Aggregated {
  const n = values.length;
  if (method === 'mean') return { value: mean(values), trimmed: [] };
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || cmp(keys?.[a] ?? '', keys?.[b] ?? '') || a - b);
  if (method === 'median') {
    const mid = Math.floor(n / 2);
    const value = n % 2 === 1 ? values[order[mid]!]! : (values[order[mid - 1]!]! + values[order[mid]!]!) / 2;
    return { value, trimmed: [] };
  }
  if (n <= 2 * trim) return { value: mean(values), trimmed: [] };
  const kept = order.slice(trim, n - trim);
  return { value: mean(kept.map((i) => values[i]!)), trimmed: [...order.slice(0, trim), ...order.slice(n - trim)] };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
