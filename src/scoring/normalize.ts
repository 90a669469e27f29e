/**
 * SPEC 3.3 — normalization over all remaining records (also those of entries that will turn out
 * incomplete or ineligible). Sums run over sorted values so that the order of rows in the files
 * never changes a result, not even in the last bit.
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

/** x' per record, in input order. */
export function normalize(records: readonly NormalizeInput[], method: 'none' | 'zscore'): number[] {
  if (method === 'none') return records.map((r) => r.value);
  const byJudge = groupValues(records, (r) => `${r.judge}\u0000${r.criterion}`);
  const byCriterion = groupValues(records, (r) => r.criterion);
  const judgeStats = new Map([...byJudge].map(([k, v]) => [k, stats(v)]));
  const criterionStats = new Map([...byCriterion].map(([k, v]) => [k, stats(v)]));
  return records.map((r) => {
    const c = criterionStats.get(r.criterion)!;
    const j = judgeStats.get(`${r.judge}\u0000${r.criterion}`)!;
    return j.sigma === 0 ? c.mu : c.mu + (c.sigma * (r.value - j.mu)) / j.sigma;
  });
}

function groupValues<T extends NormalizeInput>(records: readonly T[], key: (r: T) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const r of records) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(r.value);
    else groups.set(k, [r.value]);
  }
  return groups;
}

function stats(values: number[]): { mu: number; sigma: number } {
  const mu = mean(values);
  return { mu, sigma: populationStd(values, mu) };
}
