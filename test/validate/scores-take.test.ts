/**
 * #22: with `takeSheet` (kipp score, export and validate), step 1 makes its records in the score
 * sheet's own code columns instead of new ones. Whatever the rows hold (unknown entries, judges
 * and criteria, text that is no number, scores off the scale, repeated scores, conflicts of
 * interest, shared entry ids, any order), the checks must find exactly what they find on a sheet
 * they leave alone; the taken sheet must still place every row, and refuse to give its texts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoreRow } from '../../src/model/records.js';
import { ScoreSheet } from '../../src/model/scoresheet.js';
import { checkEntries } from '../../src/validate/entries.js';
import { checkScores, type CheckedScores } from '../../src/validate/scores.js';
import { competition, entry, judge, rubricFrom } from '../helpers.js';

const rubric = rubricFrom('name: T\nscale: { min: 1, max: 10 }\nmin_judges: 2\n');
const CRITERIA = rubric.criteria.map((c) => c.id);
// E9 is in no entries file; E2 is listed twice (a shared id carries no scores).
const ENTRY_IDS = ['E1', 'E2', 'E3', 'E4', 'E9'];
const ENTRIES = [
  entry({ id: 'E1', agency: 'Dinas A' }, 2),
  entry({ id: 'E2' }, 3),
  entry({ id: 'E2' }, 4),
  entry({ id: 'E3', agency: 'Dinas B' }, 5),
  entry({ id: 'E4' }, 6),
];
// Jx is in no judges file; J1 and J2 belong to agencies of entries (a conflict of interest).
const JUDGE_IDS = ['J1', 'J2', 'J3', 'Jb', 'Jx'];
const JUDGES = [judge('J1', 'Dinas A'), judge('J2', 'Dinas B'), judge('J3', 'Dinas C'), judge('Jb', 'Dinas D')];
const TEXTS = ['1', '7', '7.5', '10', '0', '11', '-1', '', 'tujuh', '6,5', ' 8 '];

const row = fc.record({
  e: fc.constantFrom(...ENTRY_IDS),
  j: fc.constantFrom(...JUDGE_IDS),
  c: fc.constantFrom(...CRITERIA, 'novelty?'),
  text: fc.constantFrom(...TEXTS),
  file: fc.constantFrom('a.csv', 'b.csv'),
  column: fc.nat({ max: 3 }),
  comma: fc.boolean(),
});

function sheetOf(rows: (typeof row extends fc.Arbitrary<infer T> ? T : never)[]): ScoreSheet {
  return ScoreSheet.from(
    rows.map((r, i): ScoreRow => ({
      entryId: r.e,
      judgeId: r.j,
      criterionRaw: r.c,
      text: r.text,
      decimalComma: r.comma,
      source: { file: r.file, line: i + 2 },
      ...(r.column > 0 ? { column: r.column, fieldColumns: { judge_id: r.column + 1 } } : {}),
    })),
  );
}

/** Everything checkScores found, as plain data (columns cut to their counts). */
function found(s: CheckedScores) {
  const cut = (c: CheckedScores['kept']) => ({
    count: c.count,
    entry: [...c.entry.subarray(0, c.count)],
    judge: [...c.judge.subarray(0, c.count)],
    criterion: [...c.criterion.subarray(0, c.count)],
    value: [...c.value.subarray(0, c.count)],
    row: [...c.row.subarray(0, c.count)],
  });
  return {
    judges: s.judges,
    kept: cut(s.kept),
    excluded: cut(s.excluded),
    records: s.records(),
    conflicts: s.conflicts(),
    tooFewJudges: [...s.tooFewJudges],
    judgeCounts: s.judgeCounts,
    entryRank: [...s.entryRank],
    diagnostics: s.diagnostics,
  };
}

describe('#22: checkScores taking the score sheet', () => {
  it('finds exactly what it finds on a sheet it leaves alone, for any rows in any order', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.boolean(), (rows, withJudges) => {
        const judges = withJudges ? JUDGES : null;
        const { checked } = checkEntries(ENTRIES, rubric, '2026-01-01');
        const left = sheetOf(rows);
        const taken = sheetOf(rows);
        const expected = found(checkScores(competition(rubric, ENTRIES, left as never, judges), checked));
        const got = found(
          checkScores(competition(rubric, ENTRIES, taken as never, judges), checked, { takeSheet: true }),
        );
        expect(got).toEqual(expected);
        // The sheet left alone still reads back what was written.
        rows.forEach((r, i) => expect(left.entryId(i)).toBe(r.e));
        // The taken sheet still places every row where the one left alone does.
        for (let i = 0; i < rows.length; i++) {
          expect(taken.file(i)).toBe(left.file(i));
          expect(taken.line(i)).toBe(left.line(i));
          expect(taken.columnOf(i)).toBe(left.columnOf(i));
          expect(taken.judgeColumnOf(i)).toBe(left.judgeColumnOf(i));
          expect(taken.decimalCommaOf(i)).toBe(left.decimalCommaOf(i));
        }
      }),
      { numRuns: 400 },
    );
  });

  it("refuses to give a taken sheet's texts: an error, never an empty or wrong id", () => {
    const sheet = sheetOf([{ e: 'E1', j: 'J1', c: CRITERIA[0]!, text: '7', file: 'a.csv', column: 0, comma: false }]);
    const { checked } = checkEntries(ENTRIES, rubric, '2026-01-01');
    checkScores(competition(rubric, ENTRIES, sheet as never), checked, { takeSheet: true });
    for (const read of [
      () => sheet.entryId(0),
      () => sheet.judgeId(0),
      () => sheet.criterion(0),
      () => sheet.text(0),
      () => sheet.at(0),
      () => [...sheet],
      () => sheet.toParts(),
      () => sheet.code('E1'),
      () => new ScoreSheet().appendSheet(sheet),
      () => sheet.addScore(0, 0, 0, 0, 3, undefined),
    ])
      expect(read).toThrow(/handed over/);
    expect(sheet.file(0)).toBe('a.csv');
    expect(sheet.line(0)).toBe(2);
  });
});
