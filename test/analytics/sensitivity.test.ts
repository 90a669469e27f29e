/**
 * runSensitivity: the laws it must keep (no spread reproduces the scored result; the same seed
 * gives the same output) and the cut-line cases of the issue, on panels stated in the test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { round6Fast, runSensitivity } from '../../src/analytics/sensitivity.js';
import { loadCompetition } from '../../src/io/competition.js';
import { round6 } from '../../src/scoring/round.js';
import { scoreWithDetail } from '../../src/scoring/score.js';
import { competition, entry, rubricFrom, scoreRows } from '../helpers.js';

const CONF = 'fixtures/conformance/panel';
const conformance = () =>
  scoreWithDetail(
    loadCompetition({ entries: [`${CONF}/entries.csv`], scores: [`${CONF}/scores-wide.csv`, `${CONF}/scores-long.csv`], judges: `${CONF}/judges.csv`, rubric: `${CONF}/rubric.yaml` }),
    { asOf: '2026-11-22' },
  );

describe('laws', () => {
  it('with no weight spread and no resampling every run reproduces the scored ranks and shortlists (z-score, trimmed mean, category weights, thresholds, per-category shortlist)', () => {
    const { result, detail } = conformance();
    const out = runSensitivity(result, detail, { runs: 3, weightSpread: 0, resampleJudges: false, seed: 'x' });
    const ranked = result.entries.filter((e) => e.rank !== null);
    expect(out.entries.map((e) => e.id)).toEqual(ranked.map((e) => e.id));
    for (const [i, e] of out.entries.entries()) {
      const scored = ranked[i]!;
      expect([e.rank, e.rank_min, e.rank_max]).toEqual([scored.rank, scored.rank, scored.rank]);
      for (const s of result.rubric.shortlists) expect(e.shortlists[s.name]).toBe(scored.shortlists.includes(s.name) ? 1 : 0);
      expect(e.borderline).toBe(false);
    }
  });

  it('the same seed gives the same output; another seed another', () => {
    const { result, detail } = conformance();
    const run = (seed: string) => JSON.stringify(runSensitivity(result, detail, { runs: 50, weightSpread: 10, resampleJudges: true, seed }));
    expect(run('2026')).toBe(run('2026'));
    expect(run('2026')).not.toBe(run('2027'));
  });

  it('round6Fast equals SPEC 3.7 rounding (round6) on any double, halves included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.integer({ min: -1e9, max: 1e9 }).map((n) => (n + 0.5) / 1e6)), (x) => {
        expect(Object.is(round6Fast(x), round6(x)) || round6Fast(x) === round6(x)).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(round6Fast(0.0000005)).toBe(round6(0.0000005));
    expect(round6Fast(1.0000005)).toBe(1.000001);
  });
});

describe('the cut line', () => {
  // top-3 of 8 entries; two criteria at equal weight.
  const rubric = rubricFrom(`
name: Cut line
scale: { min: 1, max: 10 }
criteria: { a: { weight: 50 }, b: { weight: 50 } }
shortlists: [ { name: top-3, size: 3 } ]
`);
  // TOP far above; T1 and T2 tied at the cut (same total, opposite profiles, so moved weights
  // separate them); M just above them; LOW far below.
  const totals: Record<string, [number, number]> = {
    TOP: [10, 10],
    M: [9, 9],
    T1: [9.5, 7.5],
    T2: [7.5, 9.5],
    X1: [5, 5],
    X2: [4, 4.5],
    X3: [4, 4],
    LOW: [1, 1],
  };
  const scores: Record<string, Record<string, number[]>> = {};
  for (const [id, [a, b]] of Object.entries(totals)) scores[id] = { J1: [a, b], J2: [a, b], J3: [a, b] };
  const { result, detail } = scoreWithDetail(competition(rubric, Object.keys(totals).map((id) => entry({ id })), scoreRows(scores, ['a', 'b'])));

  it('the scored result has T1 and T2 tied at the cut, both taken', () => {
    const byId = Object.fromEntries(result.entries.map((e) => [e.id, e]));
    expect(byId.T1!.rank).toBe(3);
    expect(byId.T2!.rank).toBe(3);
    expect(result.shortlists[0]!.cutoff_tie).toBe(true);
  });

  it('far above: in every run; far below: in none; tied at the cut: in between, borderline', () => {
    const out = runSensitivity(result, detail, { runs: 400, weightSpread: 5, resampleJudges: false, seed: 'kipp' });
    const byId = Object.fromEntries(out.entries.map((e) => [e.id, e]));
    expect(byId.TOP!.shortlists['top-3']).toBe(1);
    expect(byId.M!.shortlists['top-3']).toBe(1);
    expect(byId.LOW!.shortlists['top-3']).toBe(0);
    expect(byId.X1!.shortlists['top-3']).toBe(0);
    for (const id of ['T1', 'T2']) {
      expect(byId[id]!.shortlists['top-3']).toBeGreaterThan(0.05);
      expect(byId[id]!.shortlists['top-3']).toBeLessThan(0.95);
      expect(byId[id]!.borderline).toBe(true);
      expect([byId[id]!.rank_min, byId[id]!.rank_max]).toEqual([3, 4]);
    }
    // exactly one of the two is taken in a run unless the moved weights happen to be equal
    expect(byId.T1!.shortlists['top-3']! + byId.T2!.shortlists['top-3']!).toBeCloseTo(1, 2);
    expect(byId.TOP!).toMatchObject({ rank: 1, rank_min: 1, rank_max: 1, borderline: false });
    expect(byId.LOW!).toMatchObject({ rank: 8, rank_min: 8, rank_max: 8, borderline: false });
  });

  it('resampling judges who all agree changes nothing but the weights', () => {
    const a = runSensitivity(result, detail, { runs: 100, weightSpread: 5, resampleJudges: false, seed: 's' });
    const b = runSensitivity(result, detail, { runs: 100, weightSpread: 5, resampleJudges: true, seed: 's' });
    expect(b.entries.map((e) => [e.id, e.rank_min, e.rank_max])).toEqual(a.entries.map((e) => [e.id, e.rank_min, e.rank_max]).map((x) => x));
  });

  it('resampling a split panel moves an entry whose judges disagree', () => {
    // SPLIT: J1 gives 10, J2 and J3 give 1 → mean 4; bootstrap draws range from all 1s to all 10s.
    const s2 = { ...scores, SPLIT: { J1: [10, 10], J2: [1, 1], J3: [1, 1] } };
    const ids = [...Object.keys(totals), 'SPLIT'];
    const scored = scoreWithDetail(competition(rubric, ids.map((id) => entry({ id })), scoreRows(s2, ['a', 'b'])));
    const out = runSensitivity(scored.result, scored.detail, { runs: 300, weightSpread: 0, resampleJudges: true, seed: 'b' });
    const split = out.entries.find((e) => e.id === 'SPLIT')!;
    // three draws of J1 (probability 1/27) put it at the top; three of J2/J3 (8/27) give it
    // LOW's total 0, and the two share rank 8 (competition ranking)
    expect(split.rank_min).toBe(1);
    expect(split.rank_max).toBe(8);
    expect(split.shortlists['top-3']).toBeGreaterThan(0);
    expect(split.shortlists['top-3']).toBeLessThan(0.5);
  });
});
