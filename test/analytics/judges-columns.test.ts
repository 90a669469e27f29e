/**
 * #22: the panel profile of `kipp judges` reads a result's records by column
 * (ScoreResult.recordTable, the checked columns themselves) instead of one object per score. A
 * result without the columns (a staged one, or any other ScoreResult) is profiled from
 * scoredRecords(), its ids numbered as they come. Both must give the same profile, figure for
 * figure: generated score sheets with repeated scores, conflicts of interest, judges who skip
 * criteria, two entries sharing an id, categories with their own weights, every aggregation
 * and normalization. Sheets are short (empty ones included) or long enough that a cell often has
 * three judges and the trimmed mean drops some. `kipp explain` reads one entry's records from
 * the same columns: its explanations must not change either.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainEntry } from '../../src/analytics/explain.js';
import { hasScoreRecords, profileJudges, profileJury } from '../../src/analytics/judges.js';
import type { ScoreRow } from '../../src/model/records.js';
import type { RecordTable, ScoredRecord, ScoreResult } from '../../src/model/result.js';
import { scoreCompetition } from '../../src/scoring/score.js';
import { competition, entry, judge, rubricFrom } from '../helpers.js';

const RUBRICS = [
  'aggregation: mean',
  'aggregation: median',
  'aggregation: trimmed\ntrim: 1',
  // the judges' fitted severities are part of the profile (src/analytics/severity.ts)
  'normalization: severity',
  // explain shows each judge's mean and deviation per criterion
  'normalization: zscore',
].map((aggregation) => rubricFrom(`name: T\nscale: { min: 1, max: 10 }\n${aggregation}\n`));
const ENTRIES = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E6'];
const JUDGES = ['J1', 'J2', 'J3', 'J4', 'Jx'];

/** The same result without its columns: the profile reads scoredRecords() instead. */
function objectsOnly(result: ScoreResult): ScoreResult {
  const rest: ScoreResult = { ...result };
  delete rest.recordTable;
  return rest;
}

/** The records a table holds, as scoredRecords() writes them (kept, then conflicts). */
function recordsFrom(t: RecordTable, criteria: readonly string[], stage?: string): ScoredRecord[] {
  const at = (k: 'kept' | 'conflicts', i: number) => ({
    entryId: t.entryIds[t[k].entry[i]!]!,
    judge: t.judgeIds[t[k].judge[i]!]!,
    criterion: criteria[t[k].criterion[i]!]!,
    raw: t[k].raw[i]!,
  });
  return [
    ...Array.from({ length: t.kept.count }, (_, i) => ({
      ...at('kept', i),
      normalized: t.kept.normalized[i]!,
      excluded: t.kept.trimmed[i] === 1 ? ('trimmed' as const) : null,
      ...(stage !== undefined ? { stage } : {}),
    })),
    ...Array.from({ length: t.conflicts.count }, (_, i) => ({
      ...at('conflicts', i),
      normalized: null,
      excluded: 'conflict' as const,
      ...(stage !== undefined ? { stage } : {}),
    })),
  ];
}

describe('profileJudges: columns and objects agree', () => {
  it('gives the same profile from the checked columns as from the record objects', () => {
    const row = fc.tuple(
      fc.constantFrom(...ENTRIES),
      fc.constantFrom(...JUDGES),
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 2, max: 20 }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.array(row, { maxLength: 20 }), fc.array(row, { minLength: 60, maxLength: 160 })),
        fc.integer({ min: 0, max: RUBRICS.length - 1 }),
        (rows, r) => {
          const rubric = RUBRICS[r]!;
          const criteria = rubric.criteria.map((c) => c.id);
          const categories = rubric.categories.map((c) => c.id);
          const sheet: ScoreRow[] = rows.map(([e, j, c, v], i) => ({
            entryId: e,
            judgeId: j,
            criterionRaw: criteria[c]!,
            text: String(v / 2),
            decimalComma: false,
            source: { file: 's.csv', line: i + 2 },
          }));
          const c = competition(
            rubric,
            ENTRIES.map((id, i) =>
              entry({ id, agency: `Instansi ${id}`, category: categories[i % categories.length] }, i + 2),
            ),
            sheet,
            // Jx belongs to E2's agency: its scores for E2 are set aside (conflict of interest).
            JUDGES.map((id) => judge(id, id === 'Jx' ? 'Instansi E2' : `Dinas ${id}`)),
          );
          const result = scoreCompetition(c);
          expect('recordTable' in result).toBe(true);
          expect(profileJudges(result)).toEqual(profileJudges(objectsOnly(result)));
          // the table is scoredRecords(), field for field; explain reads it for one entry
          expect(recordsFrom(result.recordTable!()!, criteria)).toEqual(result.scoredRecords());
          for (const id of new Set(ENTRIES))
            expect(explainEntry(result, id)).toEqual(explainEntry(objectsOnly(result), id));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a staged result: each stage profiled from its own columns as from the record objects', () => {
    const staged = rubricFrom(`name: S
scale: { min: 1, max: 10 }
normalization: severity
stages:
  - { name: desk, weight: 70 }
  - { name: presentation, weight: 30, min_judges: 2 }
`);
    const criteria = staged.criteria.map((c) => c.id);
    const row = fc.tuple(
      fc.constantFrom(...ENTRIES),
      fc.constantFrom(...JUDGES),
      fc.integer({ min: 0, max: criteria.length - 1 }),
      fc.integer({ min: 2, max: 20 }),
      fc.constantFrom('desk', 'presentation'),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.array(row, { maxLength: 20 }), fc.array(row, { minLength: 60, maxLength: 200 })),
        (rows) => {
          const sheet: ScoreRow[] = rows.map(([e, j, c, v, stage], i) => ({
            entryId: e,
            judgeId: j,
            criterionRaw: criteria[c]!,
            text: String(v / 2),
            decimalComma: false,
            stage,
            source: { file: 's.csv', line: i + 2 },
          }));
          const c = competition(
            staged,
            ENTRIES.map((id, i) => entry({ id, agency: `Instansi ${id}` }, i + 2)),
            sheet,
            JUDGES.map((id) => judge(id, id === 'Jx' ? 'Instansi E2' : `Dinas ${id}`)),
          );
          const result = scoreCompetition(c);
          expect(result.recordTable?.('desk')).toBeDefined();
          expect(result.recordTable?.()).toBeUndefined();
          expect(profileJury(result)).toEqual(profileJury(objectsOnly(result)));
          expect(hasScoreRecords(result)).toBe(result.scoredRecords().length > 0);
          expect(staged.stages.flatMap((s) => recordsFrom(result.recordTable!(s.name)!, criteria, s.name))).toEqual(
            result.scoredRecords(),
          );
          for (const id of new Set(ENTRIES))
            expect(explainEntry(result, id)).toEqual(explainEntry(objectsOnly(result), id));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the columns are scoredRecords() in its order (kept, then conflicts)', () => {
    const rubric = RUBRICS[0]!;
    const sheet: ScoreRow[] = [
      ['E2', 'Jx', 'novelty', '7'],
      ['E1', 'J2', 'novelty', '8'],
      ['E1', 'J1', 'benefit', '6'],
      ['E2', 'J1', 'novelty', '5'],
    ].map(([e, j, k, v], i) => ({
      entryId: e!,
      judgeId: j!,
      criterionRaw: k!,
      text: v!,
      decimalComma: false,
      source: { file: 's.csv', line: i + 2 },
    }));
    const c = competition(
      rubric,
      ['E1', 'E2'].map((id, i) => entry({ id, agency: `Instansi ${id}` }, i + 2)),
      sheet,
      ['J1', 'J2', 'Jx'].map((id) => judge(id, id === 'Jx' ? 'Instansi E2' : `Dinas ${id}`)),
    );
    const result = scoreCompetition(c);
    const t = result.recordTable!()!;
    const fromColumns = [
      ...Array.from({ length: t.kept.count }, (_, i) => [
        t.entryIds[t.kept.entry[i]!],
        t.judgeIds[t.kept.judge[i]!],
        rubric.criteria[t.kept.criterion[i]!]!.id,
        t.kept.raw[i],
        'kept',
      ]),
      ...Array.from({ length: t.conflicts.count }, (_, i) => [
        t.entryIds[t.conflicts.entry[i]!],
        t.judgeIds[t.conflicts.judge[i]!],
        'conflict',
      ]),
    ];
    expect(fromColumns).toEqual([
      ['E1', 'J1', 'benefit', 6, 'kept'],
      ['E1', 'J2', 'novelty', 8, 'kept'],
      ['E2', 'J1', 'novelty', 5, 'kept'],
      ['E2', 'Jx', 'conflict'],
    ]);
    expect(
      result.scoredRecords().map((s) => [s.entryId, s.judge, s.excluded === 'conflict' ? 'conflict' : s.criterion]),
    ).toEqual([
      ['E1', 'J1', 'benefit'],
      ['E1', 'J2', 'novelty'],
      ['E2', 'J1', 'novelty'],
      ['E2', 'Jx', 'conflict'],
    ]);
  });
});
