/**
 * profileJudges on small panels whose expected figures are computed by hand in the test.
 */
import { describe, expect, it } from 'vitest';
import { profileJudges } from '../../src/analytics/judges.js';
import { scoreCompetition } from '../../src/scoring/score.js';
import { competition, entry, judge, rubricFrom, scoreRows } from '../helpers.js';

const rubric = (extra = '') =>
  rubricFrom(`
name: Test
scale: { min: 1, max: 10 }
criteria: { a: { weight: 50 }, b: { weight: 50 } }
${extra}
`);

/** Four judges agree; J5 gives 2 points less on everything. */
function harshPanel() {
  const base: Record<string, [number, number]> = { E1: [8, 7], E2: [6, 6], E3: [9, 8], E4: [5, 7] };
  const scores: Record<string, Record<string, (number | null)[]>> = {};
  for (const [id, [a, b]] of Object.entries(base)) {
    scores[id] = { J1: [a, b], J2: [a, b], J3: [a, b], J4: [a, b], J5: [a - 2, b - 2] };
  }
  return competition(rubric(), Object.keys(base).map((id) => entry({ id })), scoreRows(scores, ['a', 'b']));
}

describe('bias and flags', () => {
  it('a judge 2 points harsh is flagged harsh; the others, +0.5 each, are not flagged', () => {
    const p = profileJudges(scoreCompetition(harshPanel()));
    const byId = Object.fromEntries(p.judges.map((j) => [j.id, j]));
    // J5: x − mean(others) = (v − 2) − v = −2 on every record; span 9 → cut −0.9
    expect(byId.J5!.bias).toBe(-2);
    expect(byId.J5!.flags).toEqual(['harsh']);
    expect(byId.J5!.bias_by_criterion).toEqual({ a: -2, b: -2 });
    // J1: v − (3v + v − 2)/4 = 0.5
    expect(byId.J1!.bias).toBe(0.5);
    expect(byId.J1!.flags).toEqual([]);
    expect(byId.J1!.scored).toBe(8);
    // J5's mean: E1..E4 a,b = 8,7,6,6,9,8,5,7 → mean 7 → minus 2 = 5
    expect(byId.J5!.mean).toBe(5);
    expect(p.thresholds).toEqual({ harsh: 0.9, lenient: 0.9, disagreement: 3.6 });
  });

  it('lenient at +10% of the span, and the edge counts (bias exactly 0.9 on a 1–10 scale)', () => {
    // two judges only: J2 = J1 + 0.9 → J2 bias +0.9 (lenient), J1 −0.9 (harsh)
    const scores = { E1: { J1: [5, 5], J2: [5.9, 5.9] }, E2: { J1: [7, 3], J2: [7.9, 3.9] } };
    const p = profileJudges(scoreCompetition(competition(rubric(), [entry({ id: 'E1' }), entry({ id: 'E2' })], scoreRows(scores, ['a', 'b']))));
    expect(p.judges.map((j) => [j.id, j.bias, j.flags])).toEqual([
      ['J1', -0.9, ['harsh']],
      ['J2', 0.9, ['lenient']],
    ]);
  });

  it('agreement is Spearman between a judge\'s scores and the co-judges\' means', () => {
    const p = profileJudges(scoreCompetition(harshPanel()));
    // J5's scores are the others' values − 2: same order → rho 1
    expect(p.judges.find((j) => j.id === 'J5')!.agreement).toBe(1);
  });

  it('a judge with no co-judge on any cell has no bias, agreement or flags', () => {
    const scores = { E1: { J1: [5, 6] }, E2: { J2: [7, 8] } };
    const p = profileJudges(scoreCompetition(competition(rubric(), [entry({ id: 'E1' }), entry({ id: 'E2' })], scoreRows(scores, ['a', 'b']))));
    expect(p.judges[0]).toMatchObject({ id: 'J1', scored: 2, mean: 5.5, bias: null, agreement: null, flags: [], bias_by_criterion: { a: null, b: null } });
  });
});

describe('conflicts, coverage and connectivity', () => {
  it('counts a judge\'s conflicted entries, and coverage counts judges after conflicts', () => {
    const c = competition(
      rubric(),
      [entry({ id: 'E1', agency: 'Kota Surabaya' }), entry({ id: 'E2', agency: 'Kabupaten Banyuwangi' })],
      scoreRows({ E1: { J1: [5, 5], J2: [6, 6], J3: [7, 7] }, E2: { J1: [5, 5], J2: [6, 6], J3: [7, 7] } }, ['a', 'b']),
      [judge('J1', 'Kota Surabaya'), judge('J2', 'Universitas Airlangga'), judge('J3', 'Universitas Indonesia')],
    );
    const p = profileJudges(scoreCompetition(c));
    expect(p.judges.map((j) => [j.id, j.conflicts, j.scored])).toEqual([
      ['J1', 1, 2],
      ['J2', 0, 4],
      ['J3', 0, 4],
    ]);
    expect(p.coverage).toEqual({ entries: 2, min_judges: 2, max_judges: 3, connected: true, components: 1 });
  });

  it('two sub-panels that share no entry are reported as disconnected', () => {
    const scores = {
      E1: { J1: [5, 6], J2: [6, 6] },
      E2: { J1: [7, 7], J2: [8, 6] },
      E3: { J3: [4, 5], J4: [5, 5] },
      E4: { J3: [9, 9], J4: [8, 9] },
    };
    const ids = Object.keys(scores);
    const p = profileJudges(scoreCompetition(competition(rubric(), ids.map((id) => entry({ id })), scoreRows(scores, ['a', 'b']))));
    expect(p.coverage.connected).toBe(false);
    expect(p.coverage.components).toBe(2);
  });
});

describe('panel agreement', () => {
  it('ICC(1) on each judge\'s own total, by hand', () => {
    // One criterion, weight 100: a judge's total is 100·(x − 1)/9. ICC is invariant under that
    // affine map, so compute it on x: groups {4, 6} {8, 8, 5}.
    const r = rubricFrom('name: T\nscale: { min: 1, max: 10 }\ncriteria: { q: { weight: 100 } }');
    const scores = { E1: { J1: [4], J2: [6] }, E2: { J1: [8], J2: [8], J3: [5] } };
    const p = profileJudges(scoreCompetition(competition(r, [entry({ id: 'E1' }), entry({ id: 'E2' })], scoreRows(scores, ['q']))));
    // N 5, n 2, grand 6.2; means 5, 7; SSB = 2·1.44 + 3·0.64 = 4.8; SSW = 2 + 6 = 8
    // MSB 4.8, MSW 8/3, k0 = (5 − 13/5)/1 = 2.4 → ICC = (4.8 − 8/3) / (4.8 + 1.4·8/3)
    expect(p.agreement.icc).toBeCloseTo((4.8 - 8 / 3) / (4.8 + (1.4 * 8) / 3), 6);
    expect(p.agreement.icc_form).toBe('ICC(1)');
    expect(p.agreement.icc_entries).toBe(2);
    // no two entries share their set of judges: no complete block
    expect(p.agreement.kendall_w).toBeNull();
  });

  it('Kendall\'s W over a complete block: every judge scored every entry', () => {
    const r = rubricFrom('name: T\nscale: { min: 1, max: 10 }\ncriteria: { q: { weight: 100 } }');
    // three judges, four entries, rater 3 ties E2 and E3 → W = 510/522 (see stats.test.ts)
    const scores = { E1: { J1: [1], J2: [2], J3: [3] }, E2: { J1: [2], J2: [4], J3: [5] }, E3: { J1: [3], J2: [6], J3: [5] }, E4: { J1: [4], J2: [8], J3: [9] } };
    const p = profileJudges(scoreCompetition(competition(r, ['E1', 'E2', 'E3', 'E4'].map((id) => entry({ id })), scoreRows(scores, ['q']))));
    expect(p.agreement.kendall_w).toBeCloseTo(510 / 522, 6);
    expect(p.agreement.kendall_w_blocks).toBe(1);
    expect(p.agreement.kendall_w_entries).toBe(4);
  });
});

describe('disagreements', () => {
  it('lists entry–criterion pairs whose spread is at least 40% of the span, largest first', () => {
    // span 9 → cut 3.6
    const scores = { E1: { J1: [2, 5], J2: [9, 8] }, E2: { J1: [5, 3], J2: [8.6, 7] }, E3: { J1: [5, 5], J2: [8.5, 6] } };
    const p = profileJudges(scoreCompetition(competition(rubric(), ['E1', 'E2', 'E3'].map((id) => entry({ id })), scoreRows(scores, ['a', 'b']))));
    expect(p.disagreements).toEqual([
      { entry_id: 'E1', criterion: 'a', spread: 7 },
      { entry_id: 'E2', criterion: 'b', spread: 4 },
      { entry_id: 'E2', criterion: 'a', spread: 3.6 },
    ]);
  });
});
