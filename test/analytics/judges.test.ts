/**
 * profileJudges on small panels whose expected figures are computed by hand in the test.
 */
import { describe, expect, it } from 'vitest';
import { profileJudges, profileJury } from '../../src/analytics/judges.js';
import { agreementLines } from '../../src/report/analytics/judges.js';
import { loadCompetition } from '../../src/io/competition.js';
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
  return competition(
    rubric(),
    Object.keys(base).map((id) => entry({ id })),
    scoreRows(scores, ['a', 'b']),
  );
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
    const p = profileJudges(
      scoreCompetition(
        competition(rubric(), [entry({ id: 'E1' }), entry({ id: 'E2' })], scoreRows(scores, ['a', 'b'])),
      ),
    );
    expect(p.judges.map((j) => [j.id, j.bias, j.flags])).toEqual([
      ['J1', -0.9, ['harsh']],
      ['J2', 0.9, ['lenient']],
    ]);
  });

  it("agreement is Spearman between a judge's scores and the co-judges' means", () => {
    const p = profileJudges(scoreCompetition(harshPanel()));
    // J5's scores are the others' values − 2: same order → rho 1
    expect(p.judges.find((j) => j.id === 'J5')!.agreement).toBe(1);
  });

  it('co-judge means equal on six decimals tie in the ranks, whatever their last bits (found by an independent re-computation)', () => {
    // J1 gives A and B 2.3 and C 9; the co-judges' means are (1.0 + 1.4)/2 = 1.2, (1.1 + 1.3)/2 =
    // 1.2 (1.2000000000000002 as doubles) and 8. Ranks: J1 [1.5, 1.5, 3], co-judges [1.5, 1.5, 3]:
    // rho = 1. Before, the two 1.2s were ranked 1 and 2: rho = 0.866025.
    const one = rubricFrom('name: t\nscale: { min: 1, max: 10 }\ncriteria: { a: { weight: 100 } }\n');
    const scores = {
      A: { J1: [2.3], J2: [1.0], J3: [1.4] },
      B: { J1: [2.3], J2: [1.1], J3: [1.3] },
      C: { J1: [9], J2: [8], J3: [8] },
    };
    const p = profileJudges(
      scoreCompetition(
        competition(
          one,
          ['A', 'B', 'C'].map((id) => entry({ id })),
          scoreRows(scores, ['a']),
        ),
      ),
    );
    expect(p.judges.find((j) => j.id === 'J1')!.agreement).toBe(1);
  });

  it('a judge with no co-judge on any cell has no bias, agreement or flags', () => {
    const scores = { E1: { J1: [5, 6] }, E2: { J2: [7, 8] } };
    const p = profileJudges(
      scoreCompetition(
        competition(rubric(), [entry({ id: 'E1' }), entry({ id: 'E2' })], scoreRows(scores, ['a', 'b'])),
      ),
    );
    expect(p.judges[0]).toMatchObject({
      id: 'J1',
      scored: 2,
      mean: 5.5,
      bias: null,
      agreement: null,
      flags: [],
      bias_by_criterion: { a: null, b: null },
    });
  });
});

describe('conflicts, coverage and connectivity', () => {
  it("counts a judge's conflicted entries, and coverage counts judges after conflicts", () => {
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
    const p = profileJudges(
      scoreCompetition(
        competition(
          rubric(),
          ids.map((id) => entry({ id })),
          scoreRows(scores, ['a', 'b']),
        ),
      ),
    );
    expect(p.coverage.connected).toBe(false);
    expect(p.coverage.components).toBe(2);
  });
});

describe('panel agreement', () => {
  it("ICC(1) on each judge's own total, by hand", () => {
    // One criterion, weight 100: a judge's total is 100·(x − 1)/9. ICC is invariant under that
    // affine map, so compute it on x: groups {4, 6} {8, 8, 5}.
    const r = rubricFrom('name: T\nscale: { min: 1, max: 10 }\ncriteria: { q: { weight: 100 } }');
    const scores = { E1: { J1: [4], J2: [6] }, E2: { J1: [8], J2: [8], J3: [5] } };
    const p = profileJudges(
      scoreCompetition(competition(r, [entry({ id: 'E1' }), entry({ id: 'E2' })], scoreRows(scores, ['q']))),
    );
    // N 5, n 2, grand 6.2; means 5, 7; SSB = 2·1.44 + 3·0.64 = 4.8; SSW = 2 + 6 = 8
    // MSB 4.8, MSW 8/3, k0 = (5 − 13/5)/1 = 2.4 → ICC = (4.8 − 8/3) / (4.8 + 1.4·8/3)
    expect(p.agreement.icc).toBeCloseTo((4.8 - 8 / 3) / (4.8 + (1.4 * 8) / 3), 6);
    expect(p.agreement.icc_form).toBe('ICC(1)');
    expect(p.agreement.icc_entries).toBe(2);
    // no two entries share their set of judges: no complete block
    expect(p.agreement.kendall_w).toBeNull();
  });

  it("Kendall's W over a complete block: every judge scored every entry", () => {
    const r = rubricFrom('name: T\nscale: { min: 1, max: 10 }\ncriteria: { q: { weight: 100 } }');
    // three judges, four entries, rater 3 ties E2 and E3 → W = 510/522 (see stats.test.ts)
    const scores = {
      E1: { J1: [1], J2: [2], J3: [3] },
      E2: { J1: [2], J2: [4], J3: [5] },
      E3: { J1: [3], J2: [6], J3: [5] },
      E4: { J1: [4], J2: [8], J3: [9] },
    };
    const p = profileJudges(
      scoreCompetition(
        competition(
          r,
          ['E1', 'E2', 'E3', 'E4'].map((id) => entry({ id })),
          scoreRows(scores, ['q']),
        ),
      ),
    );
    expect(p.agreement.kendall_w).toBeCloseTo(510 / 522, 6);
    expect(p.agreement.kendall_w_blocks).toBe(1);
    expect(p.agreement.kendall_w_entries).toBe(4);
  });

  it('a block where every judge gives its entries one total has no W (0/0): left out, and the text says why W is undefined', () => {
    const r = rubricFrom('name: T\nscale: { min: 1, max: 10 }\ncriteria: { q: { weight: 100 } }');
    // {J1, J2} on A and B: each judge ties A and B. {J3, J4} on C and D: the same order, W = 1.
    const scores = {
      A: { J1: [5], J2: [7] },
      B: { J1: [5], J2: [7] },
      C: { J3: [4], J4: [6] },
      D: { J3: [8], J4: [9] },
    };
    const year = (s: typeof scores) =>
      profileJudges(
        scoreCompetition(
          competition(
            r,
            Object.keys(s).map((id) => entry({ id })),
            scoreRows(s, ['q']),
          ),
        ),
      );
    const mixed = year(scores);
    expect(mixed.agreement.kendall_w).toBe(1);
    expect(mixed.agreement.kendall_w_blocks).toBe(1);
    expect(mixed.agreement.kendall_w_coverage.entries).toBe(2);
    const tied = year({ ...scores, C: { J3: [4], J4: [6] }, D: { J3: [4], J4: [6] } });
    expect(tied.agreement.kendall_w).toBeNull();
    const line = agreementLines(tied, 'en').find((l) => l.includes("Kendall's W"))!;
    expect(line).toMatch(/not defined .*each judge gave them one total/);
  });
});

describe('disagreements', () => {
  it('lists entry–criterion pairs whose spread is at least 40% of the span, largest first', () => {
    // span 9 → cut 3.6
    const scores = {
      E1: { J1: [2, 5], J2: [9, 8] },
      E2: { J1: [5, 3], J2: [8.6, 7] },
      E3: { J1: [5, 5], J2: [8.5, 6] },
    };
    const p = profileJudges(
      scoreCompetition(
        competition(
          rubric(),
          ['E1', 'E2', 'E3'].map((id) => entry({ id })),
          scoreRows(scores, ['a', 'b']),
        ),
      ),
    );
    expect(p.disagreements).toEqual([
      { entry_id: 'E1', criterion: 'a', spread: 7 },
      { entry_id: 'E2', criterion: 'b', spread: 4 },
      { entry_id: 'E2', criterion: 'a', spread: 3.6 },
    ]);
  });
});

describe('#17.13 ICC(1) and ICC(1,k) by hand (one-way ANOVA)', () => {
  const r = rubricFrom('name: T\nscale: { min: 1, max: 10 }\ncriteria: { q: { weight: 100 } }');
  it('#17.13 a balanced panel: ICC(1) = (MSB − MSW)/(MSB + (k − 1)MSW), ICC(1,k) = (MSB − MSW)/MSB', () => {
    // One criterion: a judge's own total is an affine map of x, which leaves both ICCs unchanged.
    // E1 {1, 3}, E2 {4, 6}, E3 {8, 8}: means 2, 5, 8, grand 5
    // SSB = 2·(9 + 0 + 9) = 36, MSB = 36/2 = 18; SSW = 2 + 2 + 0 = 4, MSW = 4/3; k = 2
    const scores = { E1: { J1: [1], J2: [3] }, E2: { J1: [4], J2: [6] }, E3: { J1: [8], J2: [8] } };
    const p = profileJudges(
      scoreCompetition(
        competition(
          r,
          ['E1', 'E2', 'E3'].map((id) => entry({ id })),
          scoreRows(scores, ['q']),
        ),
      ),
    );
    const msb = 18;
    const msw = 4 / 3;
    expect(p.agreement.icc).toBeCloseTo((msb - msw) / (msb + msw), 6); // 50/58
    expect(p.agreement.icc_k).toBeCloseTo((msb - msw) / msb, 6); // 50/54
    expect(p.agreement).toMatchObject({
      icc_form: 'ICC(1)',
      icc_k_form: 'ICC(1,k)',
      icc_k_judges: 2,
      icc_k_mean: 'harmonic',
    });
  });

  it('#17.13 an unbalanced panel: ICC(1,k) steps ICC(1) up to the harmonic mean of the judges per entry', () => {
    // E1 {4, 6}, E2 {8, 8, 5}: ICC(1) as in "ICC(1) on each judge's own total" above
    const scores = { E1: { J1: [4], J2: [6] }, E2: { J1: [8], J2: [8], J3: [5] } };
    const p = profileJudges(
      scoreCompetition(competition(r, [entry({ id: 'E1' }), entry({ id: 'E2' })], scoreRows(scores, ['q']))),
    );
    const icc = (4.8 - 8 / 3) / (4.8 + (1.4 * 8) / 3);
    const k = 2 / (1 / 2 + 1 / 3); // 2.4
    expect(p.agreement.icc_k_judges).toBeCloseTo(k, 6);
    expect(p.agreement.icc_k).toBeCloseTo((k * icc) / (1 + (k - 1) * icc), 6);
  });

  it("#17.13 Kendall's W by hand on a complete block, with its coverage of the panel", () => {
    // J1..J3 score E1..E3 (no ties): ranks J1 1 2 3, J2 1 3 2, J3 2 1 3 → R = 4, 6, 8, mean 6
    // S = 4 + 0 + 4 = 8 → W = 12·8 / (3²·(3³ − 3)) = 96/216
    // E4 (J1, J2 only) and E5 (J4 alone) are scored but belong to no complete block.
    const scores = {
      E1: { J1: [1], J2: [1], J3: [2] },
      E2: { J1: [2], J2: [3], J3: [1] },
      E3: { J1: [3], J2: [2], J3: [3] },
      E4: { J1: [5], J2: [6] },
      E5: { J4: [7] },
    };
    const p = profileJudges(
      scoreCompetition(
        competition(
          r,
          ['E1', 'E2', 'E3', 'E4', 'E5'].map((id) => entry({ id })),
          scoreRows(scores, ['q']),
        ),
      ),
    );
    expect(p.agreement.kendall_w).toBeCloseTo(96 / 216, 6);
    expect(p.agreement.kendall_w_coverage).toEqual({ entries: 3, entries_scored: 5, judges: 3, judges_scoring: 4 });
  });
});

describe('#17.1 judges are profiled within a stage', () => {
  const S = 'fixtures/stages-panel';
  const staged = () =>
    scoreCompetition(
      loadCompetition({
        entries: [`${S}/entries.csv`],
        scores: [`desk=${S}/scores-desk.csv`, `presentation=${S}/scores-presentation.csv`],
        judges: `${S}/judges.csv`,
        rubric: 'rubrics/kipp-2025.yaml',
      }),
      { asOf: '2025-06-30' },
    );

  it('#17.1 one panel per stage, a judge of two stages profiled in each, and profileJudges names its stage', () => {
    const result = staged();
    const jury = profileJury(result);
    if (!('stages' in jury)) throw new Error('expected one panel per stage');
    expect(jury.stages.map((p) => p.stage)).toEqual(['desk', 'presentation']);
    const [desk, presentation] = jury.stages;
    expect(desk!.judges.map((j) => j.id)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6']);
    expect(presentation!.judges.map((j) => j.id)).toEqual(['E2', 'P1', 'P2', 'P3']);
    // E2 sits in both: 11 desk entries and 12 finalists, 5 criteria each
    expect(desk!.judges.find((j) => j.id === 'E2')!.scored).toBe(55);
    expect(presentation!.judges.find((j) => j.id === 'E2')!.scored).toBe(60);
    expect(presentation!.coverage).toMatchObject({ entries: 12, min_judges: 4, max_judges: 4 });
    const { stage, ...figures } = presentation!;
    expect(stage).toBe('presentation');
    expect(profileJudges(result, 'presentation')).toEqual(figures);
    expect(() => profileJudges(result)).toThrow(/stages \(desk, presentation\)/);
    expect(() => profileJudges(result, 'final')).toThrow(/not a stage/);
  });

  it('#17.1 an unstaged rubric keeps one panel in the shape of SPEC 7', () => {
    const p = profileJury(scoreCompetition(harshPanel()));
    expect(Object.keys(p)).toEqual(['judges', 'agreement', 'coverage', 'thresholds', 'disagreements']);
  });
});
