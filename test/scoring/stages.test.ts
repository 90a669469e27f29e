/**
 * Stages (rubric `stages:`): each stage scored on its own by SPEC 3 steps 1–7, final total the
 * weighted mean of the stage totals, `stage:NAME` under a pass mark. Expected figures are worked
 * out by hand in the comments: one criterion `q` (weight 100) on a 0–10 scale, so a total is
 * 10 × the mean score.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRubric } from '../../src/io/rubric.js';
import type { ScoreRow } from '../../src/model/records.js';
import type { EntryResult } from '../../src/model/result.js';
import { scoreCompetition } from '../../src/scoring/score.js';
import { validateCompetition } from '../../src/validate/competition.js';
import { competition, entry, rubricFrom, scoreRows } from '../helpers.js';

const RUBRIC = `
name: Dua tahap
scale: { min: 0, max: 10 }
criteria: { q: { weight: 100 } }
stages:
  - { name: desk, weight: 70, pass: 60, label: { id: Penilaian proposal, en: Desk evaluation }, aliases: [proposal] }
  - { name: presentation, weight: 30, min_judges: 2, aliases: [presentasi] }
shortlists:
  - { name: top-3, size: 3 }
  - { name: finalists, size: 4, stage: desk }
`;

/** Rows of one stage: entry → judge → score on q. */
function stageRows(stage: string, scores: Record<string, Record<string, number>>): ScoreRow[] {
  const byJudge = Object.fromEntries(
    Object.entries(scores).map(([e, js]) => [e, Object.fromEntries(Object.entries(js).map(([j, v]) => [j, [v]]))]),
  );
  return scoreRows(byJudge, ['q']).map((r) => ({ ...r, stage }));
}

const DESK = {
  A: { E1: 8, E2: 9 }, // 8.5 → 85
  B: { E1: 7, E2: 7 }, // 70
  C: { E1: 5, E2: 6 }, // 55: under the pass mark 60, not taken to the presentation
  D: { E1: 9, E2: 9 }, // 90: passes, but has no presentation score (yet)
  E: { E1: 6, E2: 6 }, // 60: exactly the pass mark passes (total ≥ pass)
  F: { E1: 5, E2: 5 }, // 50: under the mark, yet presented
  G: { E1: 7, E2: 8 }, // 75
};
const PRESENTATION = {
  A: { P1: 7, P2: 8 }, // 75
  B: { P1: 10, P2: 9 }, // 95
  E: { P1: 6, P2: 7 }, // 65
  F: { P1: 10, P2: 10 }, // 100
  G: { P1: 9 }, // one judge; the presentation stage needs two
};

function run() {
  const r = rubricFrom(RUBRIC);
  const entries = Object.keys(DESK).map((id, i) => entry({ id }, i + 2));
  const rows = [...stageRows('proposal', DESK), ...stageRows('presentasi', PRESENTATION)];
  return scoreCompetition(competition(r, entries, rows));
}

const byId = (entries: EntryResult[]) => Object.fromEntries(entries.map((e) => [e.id, e]));

describe('a two-stage competition', () => {
  const result = run();
  const e = byId(result.entries);

  it('final total = 0.7 · desk + 0.3 · presentation, ranked on it', () => {
    expect(e.A!.total).toBe(82); // 0.7·85 + 0.3·75 = 59.5 + 22.5
    expect(e.B!.total).toBe(77.5); // 49 + 28.5
    expect(e.F!.total).toBe(65); // 35 + 30
    expect(e.E!.total).toBe(61.5); // 42 + 19.5
    expect(result.entries.filter((x) => x.rank !== null).map((x) => [x.id, x.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['F', 3],
      ['E', 4],
    ]);
    // The final s_c are the weighted means too: 0.7·8.5 + 0.3·7.5.
    expect(e.A!.criteria).toEqual({ q: 8.2 });
  });

  it('every stage has its own total and rank', () => {
    expect(e.A!.stages).toEqual({ desk: { total: 85, rank: 2 }, presentation: { total: 75, rank: 3 } });
    // Desk: D 90, A 85, G 75, B 70, E 60, C 55, F 50.
    expect(Object.fromEntries(Object.entries(e).map(([id, x]) => [id, x.stages!.desk!.rank]))).toEqual({
      D: 1,
      A: 2,
      G: 3,
      B: 4,
      E: 5,
      C: 6,
      F: 7,
    });
    // Presentation: F 100, B 95, A 75, E 65 (G has too few judges there).
    expect(e.F!.stages!.presentation).toEqual({ total: 100, rank: 1 });
    expect(e.G!.stages!.presentation).toEqual({ total: null, rank: null });
  });

  it('under the desk mark without a presentation: reported, not ranked, not an error', () => {
    expect(e.C).toMatchObject({
      rank: null,
      total: null,
      passed: false,
      reasons: ['stage:desk'],
      flags: [],
      criteria: { q: 5.5 },
    });
    expect(e.C!.stages).toEqual({ desk: { total: 55, rank: 6 }, presentation: { total: null, rank: null } });
    expect(result.diagnostics.filter((d) => d.entry_id === 'C')).toEqual([]);
  });

  it('under the desk mark but presented: ranked, does not pass', () => {
    expect(e.F).toMatchObject({ rank: 3, passed: false, reasons: ['stage:desk'] });
  });

  it('exactly at the pass mark passes', () => {
    expect(e.E).toMatchObject({ passed: true, reasons: [] });
  });

  it('passed the desk but no presentation score: incomplete, missing-stage, no error', () => {
    expect(e.D).toMatchObject({
      rank: null,
      total: null,
      passed: false,
      reasons: ['missing-stage:presentation'],
      flags: ['incomplete'],
    });
    expect(result.diagnostics.filter((d) => d.entry_id === 'D')).toEqual([]);
  });

  it('too few judges in a stage is the usual error, in that stage', () => {
    expect(e.G).toMatchObject({ rank: null, reasons: ['too-few-judges'], flags: ['incomplete'] });
    expect(result.diagnostics.map((d) => [d.code, d.entry_id])).toEqual([['too-few-judges', 'G']]);
    expect(result.diagnostics[0]!.message).toMatch(/^stage presentation: /);
  });

  it('judges counts the distinct judges of every stage', () => {
    expect(e.A!.judges).toBe(4);
    expect(e.C!.judges).toBe(2);
  });

  it("shortlists: final ranks by default, a stage's ranks and pass mark with stage:", () => {
    // Passing, final order: A, B, E (F failed the desk).
    expect(result.entries.filter((x) => x.shortlists.includes('top-3')).map((x) => x.id)).toEqual(['A', 'B', 'E']);
    // Passing the desk mark, desk order: D, A, G, B (E is fifth).
    expect(
      Object.values(e)
        .filter((x) => x.shortlists.includes('finalists'))
        .map((x) => x.id)
        .sort(),
    ).toEqual(['A', 'B', 'D', 'G']);
    expect(result.shortlists).toEqual([
      { name: 'top-3', size: 3, taken: 3, cutoff_tie: false },
      { name: 'finalists', size: 4, taken: 4, cutoff_tie: false },
    ]);
  });

  it('records carry their stage', () => {
    const stages = new Set(result.scoredRecords().map((r) => r.stage));
    expect([...stages].sort()).toEqual(['desk', 'presentation']);
  });
});

describe('the order of rows', () => {
  it('shuffling the rows of both stages never changes a result', () => {
    const r = rubricFrom(`${RUBRIC}\nnormalization: zscore\n`);
    const entries = Object.keys(DESK).map((id, i) => entry({ id }, i + 2));
    const rows = [...stageRows('desk', DESK), ...stageRows('presentation', PRESENTATION)];
    const view = (rs: ScoreRow[]) =>
      scoreCompetition(competition(r, entries, rs)).entries.map(({ entry: _, ...rest }) => rest);
    const expected = view(rows);
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), (shuffled) => {
        expect(view(shuffled)).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });
});

describe('normalization within the stage', () => {
  it('z-score: the desk totals are those of the desk rows scored alone', () => {
    const staged = rubricFrom(`${RUBRIC}\nnormalization: zscore\n`);
    const single = rubricFrom(`
name: Desk alone
scale: { min: 0, max: 10 }
criteria: { q: { weight: 100 } }
normalization: zscore
`);
    const entries = Object.keys(DESK).map((id, i) => entry({ id }, i + 2));
    // Presentation scores far above the desk's: pooled, they would move every desk x'.
    const rows = [...stageRows('desk', DESK), ...stageRows('presentation', PRESENTATION)];
    const both = byId(scoreCompetition(competition(staged, entries, rows)).entries);
    const alone = byId(
      scoreCompetition(
        competition(
          single,
          entries,
          stageRows('desk', DESK).map(({ stage: _, ...r }) => r),
        ),
      ).entries,
    );
    for (const id of Object.keys(DESK)) {
      expect(both[id]!.stages!.desk).toEqual({ total: alone[id]!.total, rank: alone[id]!.rank });
    }
    // And by hand for A: judge E1 scores 8,7,5,9,6,5,7 (μ 47/7), E2 9,7,6,9,6,5,8 (μ 50/7).
    const e1 = [8, 7, 5, 9, 6, 5, 7];
    const e2 = [9, 7, 6, 9, 6, 5, 8];
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const sd = (v: number[]) => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2)));
    const all = [...e1, ...e2];
    const x = (v: number[], raw: number) => mean(all) + (sd(all) * (raw - mean(v))) / sd(v);
    expect(both.A!.stages!.desk!.total).toBeCloseTo(10 * ((x(e1, 8) + x(e2, 9)) / 2), 5);
  });
});

describe('stage rows', () => {
  it('a stage is named by its name, label, alias or number', () => {
    const r = rubricFrom(RUBRIC);
    const rows = [
      ...stageRows('1', { A: { E1: 8 } }),
      ...stageRows('Penilaian proposal', { A: { E2: 9 } }),
      ...stageRows('Presentation', { A: { P1: 7 } }),
      ...stageRows('2', { A: { P2: 8 } }),
    ];
    const result = scoreCompetition(competition(r, [entry({ id: 'A' })], rows));
    expect(result.entries[0]!.stages).toEqual({ desk: { total: 85, rank: 1 }, presentation: { total: 75, rank: 1 } });
    expect(result.entries[0]!.total).toBe(82);
  });

  it('validate: a row without a stage, or with an unknown one, is reported and dropped', () => {
    const r = rubricFrom(RUBRIC);
    const rows = [
      ...stageRows('desk', { A: { E1: 8 } }),
      ...stageRows('', { A: { E2: 9 } }),
      ...stageRows('final', { A: { E3: 9 } }),
    ].map((row, i) => ({
      ...row,
      source: { file: 'scores.csv', line: i + 2 },
    }));
    const found = validateCompetition(competition(r, [entry({ id: 'A' })], rows));
    expect(found.map((d) => [d.code, d.field, d.line])).toEqual([
      ['missing-field', 'stage', 3],
      ['unknown-stage', 'stage', 4],
    ]);
    const result = scoreCompetition(competition(r, [entry({ id: 'A' })], rows));
    expect(result.entries[0]!.stages!.desk).toEqual({ total: 80, rank: 1 });
  });

  it('a judge may score the same criterion in two stages: no duplicate-score', () => {
    const r = rubricFrom(RUBRIC);
    const rows = [...stageRows('desk', { A: { J1: 8, J2: 8 } }), ...stageRows('presentation', { A: { J1: 6, J2: 6 } })];
    const result = scoreCompetition(competition(r, [entry({ id: 'A' })], rows));
    expect(result.diagnostics).toEqual([]);
    expect(result.entries[0]!.total).toBe(74); // 0.7·80 + 0.3·60
  });

  it('an ineligible entry is ineligible in every stage', () => {
    const r = rubricFrom(RUBRIC);
    const result = scoreCompetition(
      competition(r, [entry({ id: 'A', category: 'sports' })], stageRows('desk', { A: { E1: 8 } })),
    );
    expect(result.entries[0]).toMatchObject({ rank: null, flags: ['ineligible'], reasons: ['unknown-category'] });
    expect(result.entries[0]!.stages).toEqual({
      desk: { total: null, rank: null },
      presentation: { total: null, rank: null },
    });
  });
});

describe('stages in the rubric', () => {
  const problems = (yaml: string) => parseRubric(yaml, 'r.yaml').diagnostics.map((d) => [d.code, d.field]);
  it('stage weights must sum to 100', () => {
    expect(
      problems(
        'name: x\nscale: { min: 1, max: 10 }\nstages: [{ name: desk, weight: 70 }, { name: presentation, weight: 20 }]\n',
      ),
    ).toEqual([['invalid-rubric', 'stages']]);
  });
  it('stage names are unique and usable in --scores NAME=FILE', () => {
    expect(
      problems(
        'name: x\nscale: { min: 1, max: 10 }\nstages: [{ name: desk, weight: 50 }, { name: desk, weight: 50 }]\n',
      ),
    ).toContainEqual(['invalid-rubric', 'stages.1.name']);
    expect(problems('name: x\nscale: { min: 1, max: 10 }\nstages: [{ name: desk eval, weight: 100 }]\n')).toEqual([
      ['invalid-rubric', 'stages.0.name'],
    ]);
  });
  it('a pass mark is on the 0–100 total', () => {
    expect(problems('name: x\nscale: { min: 1, max: 10 }\nstages: [{ name: desk, weight: 100, pass: 850 }]\n')).toEqual(
      [['invalid-rubric', 'stages.0.pass']],
    );
  });
  it('a shortlist names a stage that exists', () => {
    expect(problems('name: x\nscale: { min: 1, max: 10 }\nshortlists: [{ name: t, size: 5, stage: desk }]\n')).toEqual([
      ['invalid-rubric', 'shortlists.0.stage'],
    ]);
  });
});
