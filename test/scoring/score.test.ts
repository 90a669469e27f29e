/**
 * SPEC section 3 end to end on small panels whose expected figures are computed by hand in the
 * test from the SPEC's formulas.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withEntries } from '../../src/model/result.js';
import { scoreCompetition } from '../../src/scoring/score.js';
import { competition, entry, judge, rubricFrom, scoreRows } from './../helpers.js';

const FIVE = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];

const base = (extra = '') => `
name: Test
scale: { min: 1, max: 10 }
${extra}
`;

/** total = 100 · (Σ w·s / Σ w − lo) / (hi − lo) */
function total(values: number[], weights: number[], lo = 1, hi = 10): number {
  const sw = weights.reduce((a, b) => a + b, 0);
  const s = values.reduce((a, v, i) => a + v * weights[i]!, 0);
  return (100 * (s / sw - lo)) / (hi - lo);
}

describe('totals and weights', () => {
  it('equal weights: the total is the mean rescaled to 0–100', () => {
    const r = rubricFrom(base());
    const result = scoreCompetition(
      competition(r, [entry({ id: 'A' })], scoreRows({ A: { J1: [8, 6, 7, 9, 10] } }, FIVE)),
    );
    // mean 8 → 100·(8−1)/9 = 77.777…
    expect(result.entries[0]!.total).toBe(77.777778);
    expect(result.entries[0]!.criteria).toEqual({
      novelty: 8,
      effectiveness: 6,
      benefit: 7,
      replicability: 9,
      sustainability: 10,
    });
  });

  it('category weights replace the default weights for that category only', () => {
    const r = rubricFrom(
      base(`criteria: { a: { weight: 50 }, b: { weight: 50 } }
category_weights:
  inclusive: { a: 80, b: 20 }`),
    );
    const result = scoreCompetition(
      competition(
        r,
        [entry({ id: 'G', category: 'governance' }), entry({ id: 'I', category: 'inclusive' })],
        scoreRows({ G: { J1: [10, 4] }, I: { J1: [10, 4] } }, ['a', 'b']),
      ),
    );
    const byId = Object.fromEntries(result.entries.map((e) => [e.id, e.total]));
    expect(byId.G).toBeCloseTo(total([10, 4], [50, 50]), 6); // 66.666667
    expect(byId.I).toBeCloseTo(total([10, 4], [80, 20]), 6); // 100·(8.8−1)/9 = 86.666667
    expect(byId.I).toBe(86.666667);
    expect(byId.G).toBe(66.666667);
  });
});

describe('normalization and aggregation inside scoring', () => {
  it('z-score with a judge whose scores are constant', () => {
    const r = rubricFrom(
      base(`criteria: { q: { weight: 100 } }
normalization: zscore`),
    );
    // Judge A scores E1..E3 as 2, 4, 6; judge B gives 5 to all three.
    const rows = scoreRows({ E1: { A: [2], B: [5] }, E2: { A: [4], B: [5] }, E3: { A: [6], B: [5] } }, ['q']);
    const result = scoreCompetition(
      competition(r, [entry({ id: 'E1' }), entry({ id: 'E2' }), entry({ id: 'E3' })], rows),
    );
    // μ_c = (2+4+6+5+5+5)/6 = 4.5; σ_c = sqrt((6.25+0.25+2.25+3·0.25)/6) = sqrt(9.5/6)
    // A: μ=4, σ=sqrt(8/3); x' = 4.5 + σ_c·(x−4)/σ_A. B: σ=0 → x' = 4.5.
    const sc = Math.sqrt(9.5 / 6);
    const sa = Math.sqrt(8 / 3);
    const s = (x: number) => (4.5 + (sc * (x - 4)) / sa + 4.5) / 2;
    const byId = Object.fromEntries(result.entries.map((e) => [e.id, e]));
    for (const [id, x] of [
      ['E1', 2],
      ['E2', 4],
      ['E3', 6],
    ] as const) {
      expect(byId[id]!.criteria.q).toBeCloseTo(s(x), 6);
      expect(byId[id]!.total).toBeCloseTo((100 * (s(x) - 1)) / 9, 6);
    }
    expect(result.entries.map((e) => e.id)).toEqual(['E3', 'E2', 'E1']);
  });

  it('median and trimmed aggregation, odd and even panels', () => {
    const scores = { E: { J1: [2], J2: [9], J3: [7], J4: [4], J5: [8] }, F: { J1: [10], J2: [5], J3: [1], J4: [6] } };
    const run = (aggregation: string) =>
      Object.fromEntries(
        scoreCompetition(
          competition(
            rubricFrom(base(`criteria: { q: { weight: 100 } }\naggregation: ${aggregation}\ntrim: 1`)),
            [entry({ id: 'E' }), entry({ id: 'F' })],
            scoreRows(scores, ['q']),
          ),
        ).entries.map((e) => [e.id, e.criteria.q]),
      );
    expect(run('median')).toEqual({ E: 7, F: 5.5 });
    expect(run('trimmed')).toEqual({ E: 6.333333, F: 5.5 }); // (4+7+8)/3 and (5+6)/2
    expect(run('mean')).toEqual({ E: 6, F: 5.5 });
  });
});

describe('ranking (SPEC 3.9)', () => {
  const r = rubricFrom(
    base(`criteria: { a: { weight: 50 }, b: { weight: 50 } }
tie_break: [b]
shortlists:
  - { name: top-2, size: 2 }
  - { name: top-3, size: 3 }`),
  );

  it('a three-way tie shares a rank, is listed by id, and the next rank skips (1, 2, 2, 2, 5)', () => {
    const rows = scoreRows(
      { W: { J: [10, 10] }, Z: { J: [8, 7] }, X: { J: [8, 7] }, Y: { J: [8, 7] }, V: { J: [5, 5] } },
      ['a', 'b'],
    );
    const result = scoreCompetition(
      competition(
        r,
        ['W', 'Z', 'X', 'Y', 'V'].map((id) => entry({ id })),
        rows,
      ),
    );
    expect(result.entries.map((e) => [e.id, e.rank, e.tied])).toEqual([
      ['W', 1, false],
      ['X', 2, true],
      ['Y', 2, true],
      ['Z', 2, true],
      ['V', 5, false],
    ]);
  });

  it('a tie-break criterion separates equal totals', () => {
    // P: a=9,b=7; Q: a=7,b=9 → same total 8; Q wins on b.
    const result = scoreCompetition(
      competition(
        r,
        [entry({ id: 'P' }), entry({ id: 'Q' })],
        scoreRows({ P: { J: [9, 7] }, Q: { J: [7, 9] } }, ['a', 'b']),
      ),
    );
    expect(result.entries.map((e) => [e.id, e.rank, e.tied])).toEqual([
      ['Q', 1, false],
      ['P', 2, false],
    ]);
  });

  it('a tie straddling a cut-off takes every tied entry and reports cutoff_tie', () => {
    // W first; X, Y, Z tied second: top-2 takes W and the three (4 entries), top-3 takes 4 too.
    const rows = scoreRows(
      { W: { J: [10, 10] }, Z: { J: [8, 7] }, X: { J: [8, 7] }, Y: { J: [8, 7] }, V: { J: [5, 5] } },
      ['a', 'b'],
    );
    const result = scoreCompetition(
      competition(
        r,
        ['W', 'Z', 'X', 'Y', 'V'].map((id) => entry({ id })),
        rows,
      ),
    );
    expect(result.shortlists).toEqual([
      { name: 'top-2', size: 2, taken: 4, cutoff_tie: true },
      { name: 'top-3', size: 3, taken: 4, cutoff_tie: true },
    ]);
    expect(result.entries.find((e) => e.id === 'V')!.shortlists).toEqual([]);
    expect(result.diagnostics.filter((d) => d.code === 'cutoff-tie')).toHaveLength(2);
  });

  it('no cutoff_tie when the tie ends exactly at the cut line', () => {
    const rows = scoreRows({ W: { J: [10, 10] }, X: { J: [8, 7] }, V: { J: [5, 5] } }, ['a', 'b']);
    const result = scoreCompetition(
      competition(
        r,
        ['W', 'X', 'V'].map((id) => entry({ id })),
        rows,
      ),
    );
    expect(result.shortlists[0]).toEqual({ name: 'top-2', size: 2, taken: 2, cutoff_tie: false });
  });
});

describe('thresholds, per-category and group shortlists', () => {
  it('failing entries keep their rank and are skipped by shortlists; per_category uses category ranks', () => {
    const r = rubricFrom(
      base(`criteria: { a: { weight: 50 }, b: { weight: 50 } }
thresholds: { total: 50, criteria: { b: 4 } }
shortlists:
  - { name: best-1, size: 1, per_category: true }`),
    );
    const entries = [
      entry({ id: 'G1', category: 'governance' }),
      entry({ id: 'G2', category: 'governance' }),
      entry({ id: 'I1', category: 'inklusif' }), // an alias of inclusive
      entry({ id: 'I2', category: '4' }), // inclusive by number
      entry({ id: 'T1', category: 'transparency' }),
    ];
    const rows = scoreRows(
      { G1: { J: [10, 3] }, G2: { J: [8, 8] }, I1: { J: [6, 6] }, I2: { J: [9, 9] }, T1: { J: [3, 3] } },
      ['a', 'b'],
    );
    const result = scoreCompetition(competition(r, entries, rows));
    const byId = Object.fromEntries(result.entries.map((e) => [e.id, e]));
    // G1: a=10,b=3 → total 100·(6.5−1)/9 = 61.111111 passes total but fails b ≥ 4
    expect(byId.G1).toMatchObject({ total: 61.111111, passed: false, reasons: ['b'], rank: 3, category_rank: 2 });
    // T1: total 22.222222 fails total, and b = 3 < 4
    expect(byId.T1).toMatchObject({ passed: false, reasons: ['total', 'b'], category_rank: 1 });
    expect(byId.I2).toMatchObject({ category: 'inclusive', rank: 1, category_rank: 1, shortlists: ['best-1'] });
    expect(byId.G2!.shortlists).toEqual(['best-1']);
    expect(byId.I1!.shortlists).toEqual([]);
    expect(result.shortlists[0]).toEqual({ name: 'best-1', size: 1, taken: 2, cutoff_tie: false });
  });

  it('a group shortlist takes only entries of that group', () => {
    const r = rubricFrom(
      base(`criteria: { a: { weight: 100 } }
groups: { general: { aliases: [umum] }, replication: { aliases: [replikasi] } }
shortlists:
  - { name: top-1-general, size: 1, group: general }`),
    );
    const entries = [entry({ id: 'R', group: 'replikasi' }), entry({ id: 'U', group: 'umum' })];
    const result = scoreCompetition(competition(r, entries, scoreRows({ R: { J: [9] }, U: { J: [7] } }, ['a'])));
    expect(result.entries.map((e) => [e.id, e.group, e.shortlists])).toEqual([
      ['R', 'replication', []],
      ['U', 'general', ['top-1-general']],
    ]);
  });
});

describe('completeness and eligibility (SPEC 3.5)', () => {
  it('too few judges: not ranked, flagged incomplete, criteria still shown', () => {
    const r = rubricFrom(base(`criteria: { a: { weight: 50 }, b: { weight: 50 } }\nmin_judges: 2`));
    const rows = scoreRows({ A: { J1: [8, 8], J2: [6, 6] }, B: { J1: [9, 9], J2: [9, null] } }, ['a', 'b']);
    const result = scoreCompetition(competition(r, [entry({ id: 'A' }), entry({ id: 'B' })], rows));
    expect(result.entries.map((e) => e.id)).toEqual(['A', 'B']);
    expect(result.entries[1]).toMatchObject({
      rank: null,
      category_rank: null,
      total: null,
      passed: false,
      tied: false,
      flags: ['incomplete'],
      reasons: ['too-few-judges'],
      criteria: { a: 9, b: 9 },
      judges: 2,
    });
    expect(result.diagnostics.find((d) => d.code === 'too-few-judges')?.entry_id).toBe('B');
  });

  it('ineligible entries: age rule with month-end clamping, unknown category, duplicate ids', () => {
    const r = rubricFrom(base(`criteria: { a: { weight: 100 } }\neligibility: { min_implementation_months: 12 }`));
    const entries = [
      entry({ id: 'OK', implemented_since: '2024-02-29' }), // + 12 months = 2025-02-28 ≤ as-of
      entry({ id: 'NEW', implemented_since: '2024-03-01' }), // + 12 months = 2025-03-01 > as-of
      entry({ id: 'CAT', implemented_since: '2020-01-01', category: 'sports' }),
      entry({ id: 'DUP', implemented_since: '2020-01-01' }, 5),
      entry({ id: 'DUP', implemented_since: '2020-01-01', title: 'Other' }, 6),
    ];
    const rows = scoreRows({ OK: { J: [7] }, NEW: { J: [9] }, CAT: { J: [9] }, DUP: { J: [9] } }, ['a']);
    const result = scoreCompetition(competition(r, entries, rows), { asOf: '2025-02-28' });
    const byId = (id: string) => result.entries.filter((e) => e.id === id);
    expect(byId('OK')[0]).toMatchObject({ rank: 1, passed: true });
    expect(byId('NEW')[0]).toMatchObject({
      rank: null,
      flags: ['ineligible'],
      reasons: ['implementation-too-recent'],
      criteria: { a: 9 },
    });
    expect(byId('CAT')[0]).toMatchObject({
      rank: null,
      category: 'sports',
      category_rank: null,
      reasons: ['unknown-category'],
    });
    // Both DUP entries are ineligible, and the DUP scores are dropped (the id names several entries).
    expect(byId('DUP').map((e) => [e.flags, e.reasons])).toEqual([
      [['ineligible'], ['duplicate-id']],
      [['ineligible'], ['duplicate-id']],
    ]);
    expect(result.entries.map((e) => e.id)).toEqual(['OK', 'CAT', 'DUP', 'DUP', 'NEW']);
  });
});

describe('records (SPEC 3.1–3.2)', () => {
  const r = rubricFrom(base(`criteria: { a: { weight: 100 } }`));
  it('a repeated record keeps no copy; bad values are dropped with their code', () => {
    const rows = scoreRows({ A: { J1: [8], J2: [6] } }, ['a']);
    rows.push({ ...rows[0]!, text: '9', source: { file: 'scores.csv', line: 9 } });
    rows.push({
      entryId: 'A',
      judgeId: 'J3',
      criterionRaw: 'a',
      text: '8,5',
      decimalComma: false,
      source: { file: 'scores.csv', line: 10 },
    });
    rows.push({
      entryId: 'A',
      judgeId: 'J4',
      criterionRaw: 'a',
      text: '11',
      decimalComma: false,
      source: { file: 'scores.csv', line: 11 },
    });
    rows.push({
      entryId: 'A',
      judgeId: 'J5',
      criterionRaw: 'zz',
      text: '5',
      decimalComma: false,
      source: { file: 'scores.csv', line: 12 },
    });
    rows.push({
      entryId: 'NOPE',
      judgeId: 'J5',
      criterionRaw: 'a',
      text: '5',
      decimalComma: false,
      source: { file: 'scores.csv', line: 13 },
    });
    const result = scoreCompetition(competition(r, [entry({ id: 'A' })], rows));
    expect(result.entries[0]!.criteria.a).toBe(6); // only J2 remains
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['duplicate-score', 2],
      ['duplicate-score', 9],
      ['score-not-a-number', 10],
      ['score-out-of-range', 11],
      ['unknown-criterion', 12],
      ['unknown-entry', 13],
    ]);
  });

  it("a judge from the entry's agency is excluded with a warning", () => {
    const rows = scoreRows({ A: { J1: [8], J2: [4] } }, ['a']);
    const judges = [judge('J1', 'Universitas X'), judge('J2', '  dinas   KESEHATAN kota ')];
    const result = scoreCompetition(competition(r, [entry({ id: 'A', agency: 'Dinas Kesehatan Kota' })], rows, judges));
    expect(result.entries[0]!.criteria.a).toBe(8);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['conflict-of-interest']);
    expect(result.scoredRecords().find((x) => x.judge === 'J2')?.excluded).toBe('conflict');
  });

  it('#21: the per-score records are a method, built on the first call and the same array after; a copy of the result (withEntries, JSON) does not build them', () => {
    const rows = scoreRows({ A: { J1: [8], J2: [4] } }, ['a']);
    const result = scoreCompetition(competition(r, [entry({ id: 'A' })], rows));
    // Neither a spread nor JSON sees a field holding the records: they are not one.
    expect(Object.keys(JSON.parse(JSON.stringify(result)) as object)).not.toContain('scoredRecords');
    expect(Object.getOwnPropertyDescriptor(result, 'records')).toBeUndefined();
    const first = result.scoredRecords();
    expect(first.map((x) => [x.judge, x.raw])).toEqual([
      ['J1', 8],
      ['J2', 4],
    ]);
    expect(result.scoredRecords()).toBe(first);
    expect(withEntries(result, []).scoredRecords()).toBe(first);
  });
});

describe('laws', () => {
  const r = rubricFrom(
    base(`criteria: { a: { weight: 30 }, b: { weight: 70 } }
normalization: zscore
aggregation: trimmed
tie_break: [a]
shortlists: [ { name: top-3, size: 3 } ]`),
  );
  const ids = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'];
  const judges = ['J1', 'J2', 'J3', 'J4'];
  const panel = fc.array(fc.array(fc.integer({ min: 2, max: 20 }), { minLength: 8, maxLength: 8 }), {
    minLength: 6,
    maxLength: 6,
  });
  const rowsOf = (scores: number[][]) =>
    scoreRows(
      Object.fromEntries(
        ids.map((id, i) => [
          id,
          Object.fromEntries(judges.map((j, k) => [j, [scores[i]![2 * k]! / 2, scores[i]![2 * k + 1]! / 2]])),
        ]),
      ),
      ['a', 'b'],
    );
  const strip = (result: ReturnType<typeof scoreCompetition>) =>
    JSON.stringify([result.entries.map(({ entry: _e, ...rest }) => rest), result.shortlists]);

  it('shuffling score rows never changes the report', () => {
    fc.assert(
      fc.property(panel, fc.integer(), (scores, seed) => {
        const rows = rowsOf(scores);
        const shuffled = [...rows].sort(
          (x, y) => ((x.source.line * 7919 + seed) % 101) - ((y.source.line * 7919 + seed) % 101),
        );
        const es = ids.map((id) => entry({ id }));
        expect(strip(scoreCompetition(competition(r, es, shuffled)))).toBe(
          strip(scoreCompetition(competition(r, es, rows))),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("ranks, category ranks, ties and order agree with a plain sort of the report's own totals and tie-break values", () => {
    // Entries in several categories, some without a score (unranked), ids out of order; coarse
    // scores make many ties. The expected order is recomputed here from each entry's total,
    // criterion a (the tie-break) and id, then the ranks 1, 2, 2, 4 overall and per category.
    const cats = ['governance', 'transparency', 'collaboration'];
    const ids8 = ['E7', 'E10', 'E2', 'E1', 'E9', 'E3', 'E8', 'E4'];
    const coarse = fc.array(fc.array(fc.constantFrom(8, 12, 16), { minLength: 8, maxLength: 8 }), {
      minLength: 8,
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        coarse,
        fc.array(fc.nat(2), { minLength: 8, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (scores, catOf, dropped) => {
          const es = ids8.map((id, i) => entry({ id, category: cats[catOf[i]!]! }));
          const rows = scoreRows(
            Object.fromEntries(
              ids8
                .filter((_, i) => !dropped[i])
                .map((id) => [
                  id,
                  Object.fromEntries(
                    judges.map((j, k) => [
                      j,
                      [scores[ids8.indexOf(id)]![2 * k]! / 2, scores[ids8.indexOf(id)]![2 * k + 1]! / 2],
                    ]),
                  ),
                ]),
            ),
            ['a', 'b'],
          );
          const result = scoreCompetition(competition(r, es, rows));
          const ranked = result.entries.filter((e) => e.total !== null);
          const standing = (e: (typeof ranked)[0]) => [e.total!, e.criteria.a ?? -Infinity];
          const cmpStanding = (x: (typeof ranked)[0], y: (typeof ranked)[0]) => {
            const [a, b] = [standing(x), standing(y)];
            for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! > b[k]! ? -1 : 1;
            return 0;
          };
          const byCodePoint = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
          const expected = [...ranked].sort((x, y) => cmpStanding(x, y) || byCodePoint(x.id, y.id));
          expect(ranked.map((e) => e.id)).toEqual(expected.map((e) => e.id));
          expected.forEach((e) => {
            const first = expected.findIndex((o) => cmpStanding(o, e) === 0);
            expect(e.rank).toBe(first + 1);
            expect(e.tied).toBe(expected.filter((o) => cmpStanding(o, e) === 0).length > 1);
            const inCategory = expected.filter((o) => o.category === e.category);
            expect(e.category_rank).toBe(inCategory.findIndex((o) => cmpStanding(o, e) === 0) + 1);
          });
          // The unranked follow, by id, with no rank.
          const unranked = result.entries.slice(ranked.length);
          expect(unranked.map((e) => e.id)).toEqual(unranked.map((e) => e.id).sort(byCodePoint));
          for (const e of unranked)
            expect([e.rank, e.category_rank, e.tied, e.total]).toEqual([null, null, false, null]);
          expect(unranked.length).toBe(dropped.filter(Boolean).length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('multiplying every weight by the same factor never changes the report', () => {
    fc.assert(
      fc.property(panel, fc.constantFrom(2, 3, 0.5), (scores, k) => {
        // A rubric file must sum to 100, so the scaled rubric is built in memory.
        const scaled = { ...r, criteria: r.criteria.map((c) => ({ ...c, weight: c.weight * k })) };
        const es = ids.map((id) => entry({ id }));
        expect(strip(scoreCompetition(competition(scaled, es, rowsOf(scores))))).toBe(
          strip(scoreCompetition(competition(r, es, rowsOf(scores)))),
        );
      }),
      { numRuns: 40 },
    );
  });
});
