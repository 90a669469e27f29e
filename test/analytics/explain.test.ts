/**
 * explainEntry on small panels whose derivation is worked out by hand in the test.
 */
import { describe, expect, it } from 'vitest';
import { explainEntry } from '../../src/analytics/explain.js';
import { scoreCompetition } from '../../src/scoring/score.js';
import { competition, entry, judge, rubricFrom, scoreRows } from '../helpers.js';

const rubric = rubricFrom(`
name: Explain
scale: { min: 1, max: 10 }
criteria: { a: { weight: 50 }, b: { weight: 50 } }
category_weights:
  inclusive: { a: 80, b: 20 }
aggregation: trimmed
trim: 1
tie_break: [b]
thresholds: { total: 50, criteria: { a: 6 } }
shortlists: [ { name: top-2, size: 2 } ]
`);

// P and Q tie on the total (a+b equal) but Q has the higher b; R is below; S fails a's threshold.
const scores = {
  P: { J1: [8, 6], J2: [8, 6], J3: [8, 6], J4: [1, 1] },
  Q: { J1: [6, 8], J2: [6, 8], J3: [6, 8], J4: [10, 10] },
  R: { J1: [7, 6], J2: [7, 6], J3: [7, 6] },
  S: { J1: [5, 10], J2: [5, 10], J3: [5, 10] },
  I: { J1: [9, 1], J2: [9, 1], J3: [9, 1], J5: [2, 2] },
};
const entries = [
  entry({ id: 'P' }),
  entry({ id: 'Q' }),
  entry({ id: 'R' }),
  entry({ id: 'S' }),
  entry({ id: 'I', category: 'inclusive', agency: 'Kota Makassar' }),
];
const result = scoreCompetition(
  competition(
    rubric,
    entries,
    scoreRows(scores, ['a', 'b']),
    ['J1', 'J2', 'J3', 'J4'].map((j) => judge(j, `Universitas ${j}`)).concat(judge('J5', 'Kota Makassar')),
  ),
);

describe('explainEntry', () => {
  it('marks the trimmed highest and lowest scores and aggregates the rest', () => {
    const x = explainEntry(result, 'P')!;
    // a: 8, 8, 8, 1 → drop 1 (lowest) and one 8 (highest): mean(8, 8) = 8
    expect(x.criteria.a!.scores.map((s) => [s.judge, s.excluded])).toEqual([
      ['J1', null],
      ['J2', null],
      ['J3', 'trimmed'],
      ['J4', 'trimmed'],
    ]);
    expect(x.criteria.a!.value).toBe(8);
    expect(x.criteria.b!.value).toBe(6);
    // total = 100·((50·8 + 50·6)/100 − 1)/9 = 66.666667
    expect(x.total).toBe(66.666667);
    expect(x.weights).toEqual({ a: 50, b: 50 });
    expect(x.weights_from).toBe('rubric');
  });

  it('names what separated an entry from its neighbours: the tie-break criterion, the total', () => {
    const q = explainEntry(result, 'Q')!;
    const p = explainEntry(result, 'P')!;
    // Q: a 6, b 8 → same total as P; Q's b (8) beats P's (6)
    expect(q.total).toBe(p.total);
    // S (72.222222: it fails a threshold but keeps its rank) and I (71.111111) come first
    expect(q.rank).toBe(3);
    expect(p.rank).toBe(4);
    expect(q.tie_break.order).toEqual(['total', 'b']);
    expect(q.tie_break.above).toMatchObject({ id: 'I', rank: 2, decided_by: 'total' });
    expect(explainEntry(result, 'S')!.tie_break.above).toBeNull();
    expect(q.tie_break.below).toMatchObject({ id: 'P', decided_by: 'b' });
    expect(p.tie_break.above).toMatchObject({ id: 'Q', decided_by: 'b' });
    expect(p.tie_break.below).toMatchObject({ id: 'R', decided_by: 'total' });
  });

  it('category weights, a conflict exclusion, thresholds met and missed, shortlists', () => {
    const i = explainEntry(result, 'I')!;
    expect(i.weights).toEqual({ a: 80, b: 20 });
    expect(i.weights_from).toBe('category');
    expect(i.criteria.a!.scores.find((s) => s.judge === 'J5')).toEqual({
      judge: 'J5',
      raw: 2,
      normalized: null,
      excluded: 'conflict',
    });
    // J5 excluded leaves three scores (9, 9, 9): more than 2·trim, so one is dropped each side: 9
    // total = 100·((80·9 + 20·1)/100 − 1)/9 = 71.111111
    expect(i.total).toBe(71.111111);
    expect(i.thresholds.total).toEqual({ min: 50, value: 71.111111, met: true });
    const s = explainEntry(result, 'S')!;
    expect(s.thresholds.criteria.a).toEqual({ min: 6, value: 5, met: false });
    expect(s.passed).toBe(false);
    expect(explainEntry(result, 'Q')!.shortlists).toEqual([
      { name: 'top-2', size: 2, included: true, cutoff_tie: false, cut_ties: [], at_tied_cut: false },
    ]);
    expect(explainEntry(result, 'P')!.shortlists[0]!.included).toBe(false);
  });

  it('returns null for an id that is not there', () => {
    expect(explainEntry(result, 'NOPE')).toBeNull();
  });
});
