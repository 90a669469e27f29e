/**
 * zscore normalization (docs/reference/scoring.md step 3) for a judge who gave one score
 * throughout: σ_jc = 0, so x' = μ_c. In floating point three 6.4s have the mean
 * 6.400000000000001 and a σ of about 1e-15, and dividing by it scaled the judge's rounding noise
 * up to the panel's spread (x' = 4.23 instead of 6.03): totals 10 points low, ranks swapped.
 * Found by an independent re-computation of the analytics (the judge's `sd: 0` in explain).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize } from '../../src/scoring/normalize.js';
import { kippIn } from '../cli/run.js';
import { tempFolder } from '../tmp.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const rec = (entry: string, judge: string, value: number) => ({ entry, judge, criterion: 'novelty', value });

describe('zscore: a judge with one score throughout', () => {
  it('gets μ_c for every record, computed by hand', () => {
    const records = [
      rec('A', 'J1', 6.4),
      rec('B', 'J1', 6.4),
      rec('C', 'J1', 6.4),
      rec('A', 'J2', 3),
      rec('B', 'J2', 9),
      rec('C', 'J2', 5),
    ];
    const out = normalize(records, 'zscore');
    // μ_c = (3 × 6.4 + 3 + 9 + 5) / 6 = 36.2 / 6.
    const muC = 36.2 / 6;
    for (let i = 0; i < 3; i++) expect(out[i]).toBeCloseTo(muC, 12);
    // J2: μ = 17/3; by hand, Σ(x − μ)² = 64/9 + 100/9 + 4/9 = 168/9, σ = √(168/9 / 3).
    const muJ = 17 / 3;
    const sigmaJ = Math.sqrt(168 / 9 / 3);
    // σ_c: Σ(x − μ_c)² over the six records.
    const sigmaC = Math.sqrt([6.4, 6.4, 6.4, 3, 9, 5].map((x) => (x - muC) ** 2).reduce((a, b) => a + b, 0) / 6);
    [3, 9, 5].forEach((x, k) => expect(out[3 + k]).toBeCloseTo(muC + (sigmaC * (x - muJ)) / sigmaJ, 12));
  });

  it("any constant judge, whatever the score and however many entries: x' = μ_c exactly as the other records give it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 100 }).map((n) => n / 10),
        fc.integer({ min: 2, max: 12 }),
        fc.array(
          fc.integer({ min: 10, max: 100 }).map((n) => n / 10),
          { minLength: 2, maxLength: 12 },
        ),
        (constant, n, others) => {
          const records = [
            ...Array.from({ length: n }, (_, i) => rec(`E${i}`, 'J1', constant)),
            ...others.map((x, i) => rec(`E${i}`, 'J2', x)),
          ];
          const out = normalize(records, 'zscore');
          const all = [...Array.from({ length: n }, () => constant), ...others];
          const muC = all.reduce((a, b) => a + b, 0) / all.length;
          for (let i = 0; i < n; i++) expect(Math.abs(out[i]! - muC)).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it('end to end: the totals of the year that found it (computed apart from kipp)', async () => {
    const dir = tempFolder('kipp-zscore-');
    writeFileSync(
      join(dir, 'entries.csv'),
      'id,title,agency,category\nA,Alpha,Dinas A,governance\nB,Beta,Dinas B,governance\nC,Gamma,Dinas C,governance\n',
    );
    writeFileSync(
      join(dir, 'scores.csv'),
      'entry_id,judge_id,criterion,score\nA,J1,novelty,6.4\nB,J1,novelty,6.4\nC,J1,novelty,6.4\nA,J2,novelty,3\nB,J2,novelty,9\nC,J2,novelty,5\n',
    );
    writeFileSync(
      join(dir, 'rubric.yaml'),
      'name: edge\nversion: 1\nscale: { min: 1, max: 10 }\ncriteria:\n  novelty: { weight: 100 }\nnormalization: zscore\n',
    );
    const r = await kippIn(['score', 'entries.csv', '-s', 'scores.csv', '-r', 'rubric.yaml', '--format', 'json'], {
      cwd: dir,
    });
    expect(r.status).toBe(0);
    const totals = Object.fromEntries(
      (JSON.parse(r.stdout) as { entries: { id: string; total: number }[] }).entries.map((e) => [e.id, e.total]),
    );
    // From the independent re-computation (Python, exact σ_J1 = 0): kipp gave 35.217745,
    // 59.29187 and 43.242453 before.
    expect(totals.A).toBeCloseTo(45.226315, 6);
    expect(totals.B).toBeCloseTo(69.30044, 6);
    expect(totals.C).toBeCloseTo(53.251023, 6);
  });
});
