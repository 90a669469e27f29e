/**
 * SPEC 3.3 — normalization over all remaining records (also those of entries that will turn out
 * incomplete or ineligible), and the small sums and means used by aggregation.
 */
export interface NormalizeInput {
  judge: string;
  criterion: string;
  value: number;
}

/** Exact-order sum: ascending values, so the result does not depend on input order. */
export function stableSum(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i]!;
  return sum;
}

export function mean(values: readonly number[]): number {
  return stableSum(values) / values.length;
}

/** Population standard deviation (divides by n). */
export function populationStd(values: readonly number[], mu = mean(values)): number {
  return Math.sqrt(stableSum(values.map((v) => (v - mu) * (v - mu))) / values.length);
}

/**
 * x' per record of columnar data: `judge[i]` in [0, judges), `criterion[i]` in [0, criteria).
 * Sums are taken in the order of the records; callers pass them in canonical order (entry id,
 * judge id, criterion) so that the result does not depend on the order of rows in the files.
 */
export function normalizeColumns(
  count: number,
  judge: Int32Array,
  criterion: Int32Array,
  value: Float64Array,
  judges: number,
  criteria: number,
  method: 'none' | 'zscore',
): Float64Array {
  // A view, not a copy: nothing writes to the result (a stress year's copy would be 40 MB).
  if (method === 'none') return value.subarray(0, count);
  const groups = judges * criteria;
  const n = new Float64Array(groups);
  const sum = new Float64Array(groups);
  const cn = new Float64Array(criteria);
  const csum = new Float64Array(criteria);
  for (let i = 0; i < count; i++) {
    const g = judge[i]! * criteria + criterion[i]!;
    n[g]!++;
    sum[g]! += value[i]!;
    cn[criterion[i]!]!++;
    csum[criterion[i]!]! += value[i]!;
  }
  const mu = sum.map((s, g) => s / n[g]!);
  const cmu = csum.map((s, c) => s / cn[c]!);
  const sq = new Float64Array(groups);
  const csq = new Float64Array(criteria);
  for (let i = 0; i < count; i++) {
    const g = judge[i]! * criteria + criterion[i]!;
    const d = value[i]! - mu[g]!;
    sq[g]! += d * d;
    const e = value[i]! - cmu[criterion[i]!]!;
    csq[criterion[i]!]! += e * e;
  }
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const c = criterion[i]!;
    const g = judge[i]! * criteria + c;
    const sigma = Math.sqrt(sq[g]! / n[g]!);
    const csigma = Math.sqrt(csq[c]! / cn[c]!);
    out[i] = sigma === 0 ? cmu[c]! : cmu[c]! + (csigma * (value[i]! - mu[g]!)) / sigma;
  }
  return out;
}

/** x' per record, in input order (sums in the order given). */
export function normalize(records: readonly NormalizeInput[], method: 'none' | 'zscore'): number[] {
  if (method === 'none') return records.map((r) => r.value);
  const judges = new Map<string, number>();
  const criteria = new Map<string, number>();
  const slot = (m: Map<string, number>, k: string) => m.get(k) ?? (m.set(k, m.size), m.size - 1);
  const j = Int32Array.from(records, (r) => slot(judges, r.judge));
  const c = Int32Array.from(records, (r) => slot(criteria, r.criterion));
  return [...normalizeColumns(records.length, j, c, Float64Array.from(records, (r) => r.value), judges.size, criteria.size, method)];
}
