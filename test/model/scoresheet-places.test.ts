/**
 * A score row's place (its file, the columns of its cells, the decimal-comma flag, its stage) is
 * kept once per combination in the sheet (ScoreSheet.places), not per row. Each kind of file
 * must still give each row the place it was read from: the columns a CSV row's findings point
 * at, none for YAML and JSON rows, the decimal comma of a `;` file, and each file its own.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCompetition } from '../../src/io/competition.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { ScoreRow } from '../../src/model/records.js';
import { ScoreSheet } from '../../src/model/scoresheet.js';
import { scoreCompetition } from '../../src/scoring/score.js';
import { tempFolder } from '../tmp.js';

const ENTRIES = 'id,title,agency,category\nE1,Satu,Dinas A,governance\nE2,Dua,Dinas B,governance\n';

/** Loads the entries and the named score files from a fresh folder, scores, returns the findings about rows. */
function findings(files: Record<string, string>): Diagnostic[] {
  const dir = tempFolder('kipp-places-');
  writeFileSync(join(dir, 'entries.csv'), ENTRIES);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const competition = loadCompetition({
    entries: [join(dir, 'entries.csv')],
    scores: Object.keys(files).map((name) => join(dir, name)),
  });
  const result = scoreCompetition(competition, { asOf: '2026-01-01' });
  return result.diagnostics.filter((d) =>
    ['unknown-entry', 'unknown-criterion', 'score-out-of-range'].includes(d.code),
  );
}

const at = (d: Diagnostic) => [d.code, d.file?.replace(/^.*[/\\]/, ''), d.line, d.column];

describe('score rows keep the place they were read from', () => {
  it('a long CSV row: the columns of its entry id, criterion and score', () => {
    const csv = 'judge_id,entry_id,score,criterion\nJ1,E9,7,novelty\nJ1,E1,7,noveltee\nJ1,E1,70,novelty\n';
    expect(findings({ 'nilai.csv': csv }).map(at)).toEqual([
      ['unknown-entry', 'nilai.csv', 2, 2],
      ['unknown-criterion', 'nilai.csv', 3, 4],
      ['score-out-of-range', 'nilai.csv', 4, 3],
    ]);
  });

  it('a YAML or JSON row: its line, and no column', () => {
    const yaml =
      '- {entry_id: E9, judge_id: J1, criterion: novelty, score: 7}\n' +
      '- {entry_id: E1, judge_id: J1, criterion: noveltee, score: 7}\n' +
      '- {entry_id: E1, judge_id: J1, criterion: novelty, score: 70}\n';
    const json = `[\n${[
      { entry_id: 'E9', judge_id: 'J1', criterion: 'novelty', score: 7 },
      { entry_id: 'E1', judge_id: 'J1', criterion: 'noveltee', score: 7 },
      { entry_id: 'E1', judge_id: 'J1', criterion: 'novelty', score: 70 },
    ]
      .map((r) => JSON.stringify(r))
      .join(',\n')}\n]\n`;
    const found = findings({ 'nilai.yaml': yaml, 'nilai.json': json }).map(at);
    expect(found).toEqual([
      ['unknown-entry', 'nilai.json', 2, undefined],
      ['unknown-criterion', 'nilai.json', 3, undefined],
      ['score-out-of-range', 'nilai.json', 4, undefined],
      ['unknown-entry', 'nilai.yaml', 1, undefined],
      ['unknown-criterion', 'nilai.yaml', 2, undefined],
      ['score-out-of-range', 'nilai.yaml', 3, undefined],
    ]);
  });

  it('a long CSV sheet of 1,000 rows has one place', () => {
    const dir = tempFolder('kipp-places-');
    writeFileSync(join(dir, 'entries.csv'), ENTRIES);
    const rows = Array.from({ length: 1000 }, (_, k) => `E${(k % 2) + 1},J${k >> 1},novelty,7`);
    writeFileSync(join(dir, 'nilai.csv'), `entry_id,judge_id,criterion,score\n${rows.join('\n')}\n`);
    const sheet = loadCompetition({ entries: [join(dir, 'entries.csv')], scores: [join(dir, 'nilai.csv')] })
      .scores as ScoreSheet;
    expect(sheet.length).toBe(1000);
    expect(sheet.places).toEqual([0, 4, 1, 2, 3, 0, 0]);
    expect(sheet.columnOf(999)).toBe(4);
  });

  it("a wide row: each score its own column; a `;` file's decimal comma, a `,` file's none", () => {
    const semicolon = 'entry_id;judge_id;novelty;benefit\nE1;J1;6,5;70\n';
    const comma = 'entry_id,judge_id,novelty,benefit\nE2,J2,"6,5",7\n';
    const dir = tempFolder('kipp-places-');
    writeFileSync(join(dir, 'entries.csv'), ENTRIES);
    writeFileSync(join(dir, 'a.csv'), semicolon);
    writeFileSync(join(dir, 'b.csv'), comma);
    const competition = loadCompetition({
      entries: [join(dir, 'entries.csv')],
      scores: [join(dir, 'a.csv'), join(dir, 'b.csv')],
    });
    const sheet = competition.scores as ScoreSheet;
    const rows = Array.from({ length: sheet.length }, (_, i) => [
      sheet.file(i).replace(/^.*[/\\]/, ''),
      sheet.criterion(i),
      sheet.columnOf(i),
      sheet.decimalCommaOf(i),
    ]);
    expect(rows).toEqual([
      ['a.csv', 'novelty', 3, true],
      ['a.csv', 'benefit', 4, true],
      ['b.csv', 'novelty', 3, false],
      ['b.csv', 'benefit', 4, false],
    ]);
    const result = scoreCompetition(competition, { asOf: '2026-01-01' });
    const numbers = result.diagnostics.filter(
      (d) => d.code === 'score-not-a-number' || d.code === 'score-out-of-range',
    );
    expect(numbers.map(at)).toEqual([
      ['score-out-of-range', 'a.csv', 2, 4],
      ['score-not-a-number', 'b.csv', 2, 3],
    ]);
  });

  it("long CSV files one after another: each file's rows at its own place (place 0 is never written, the others are)", () => {
    // The first file's rows are at place 0, which the sheet does not write; the second's and
    // third's must be written, or they would read as the first file's (its name, its columns,
    // its decimal comma: "6,5" read in a `,` file is no number).
    const a = 'entry_id,judge_id,criterion,score\nE1,J1,novelty,7\nE9,J1,novelty,7\n';
    const b = 'judge_id;entry_id;criterion;score\nJ2;E1;novelty;6,5\nJ2;E8;novelty;7\n';
    const c = 'entry_id,judge_id,criterion,score\nE2,J3,novelty,7\nE7,J3,novelty,7\n';
    const dir = tempFolder('kipp-places-');
    writeFileSync(join(dir, 'entries.csv'), ENTRIES);
    for (const [name, text] of Object.entries({ 'a.csv': a, 'b.csv': b, 'c.csv': c }))
      writeFileSync(join(dir, name), text);
    const competition = loadCompetition({
      entries: [join(dir, 'entries.csv')],
      scores: ['a.csv', 'b.csv', 'c.csv'].map((name) => join(dir, name)),
    });
    const sheet = competition.scores as ScoreSheet;
    expect(
      Array.from({ length: sheet.length }, (_, i) => [
        sheet.file(i).replace(/^.*[/\\]/, ''),
        sheet.entryColumnOf(i),
        sheet.decimalCommaOf(i),
      ]),
    ).toEqual([
      ['a.csv', 1, false],
      ['a.csv', 1, false],
      ['b.csv', 2, true],
      ['b.csv', 2, true],
      ['c.csv', 1, false],
      ['c.csv', 1, false],
    ]);
    const result = scoreCompetition(competition, { asOf: '2026-01-01' });
    expect(result.diagnostics.filter((d) => d.code === 'unknown-entry').map(at)).toEqual([
      ['unknown-entry', 'a.csv', 3, 1],
      ['unknown-entry', 'b.csv', 3, 2],
      ['unknown-entry', 'c.csv', 3, 1],
    ]);
    expect(result.diagnostics.filter((d) => d.code === 'score-not-a-number')).toEqual([]);
  });

  it('a folder of 65,537 sheets: a finding in the last names the last (file numbers are not cut to 16 bits)', () => {
    // Until 2026-12-03 a row's file was a 16-bit number: the 65,537th file's findings named the first.
    const dir = tempFolder('kipp-places-');
    writeFileSync(join(dir, 'entries.csv'), ENTRIES);
    const competition = loadCompetition({ entries: [join(dir, 'entries.csv')] });
    const sheet = new ScoreSheet();
    const add = (entry: string, k: number, criterion: string, column: number) =>
      sheet.add(entry, `J${k}`, criterion, '7', false, sheet.fileId(`s${k}.csv`), 2, column, 1, 2, 0);
    for (let k = 0; k < 65_536; k++) add('E1', k, 'novelty', 3);
    // The last file: one wide row of an unknown entry (two scores, one finding); then a row of
    // another unknown entry at the same line of the next file (its own finding).
    add('E404', 65_536, 'novelty', 3);
    add('E404', 65_536, 'benefit', 4);
    add('E405', 65_537, 'novelty', 3);
    expect(sheet.file(65_536)).toBe('s65536.csv');
    expect(sheet.fileIndexOf(65_538)).toBe(65_537);
    const result = scoreCompetition({ ...competition, scores: sheet, hasScoreSheets: true }, { asOf: '2026-01-01' });
    expect(result.diagnostics.filter((d) => d.code === 'unknown-entry').map(at)).toEqual([
      ['unknown-entry', 's65536.csv', 2, 1],
      ['unknown-entry', 's65537.csv', 2, 1],
    ]);
  });

  it('a sheet joined from two parts (appendSheet), or posted between threads (toParts), holds the rows one sheet holds', () => {
    // Each part numbers its own texts, files, stages and places: the join must map all four.
    const text = fc.constantFrom('E1', 'E2', 'J1', 'J2', 'novelty', 'benefit', '7', '6,5', '');
    const row = fc.record({
      entryId: text,
      judgeId: text,
      criterionRaw: text,
      text,
      decimalComma: fc.boolean(),
      file: fc.constantFrom('a.csv', 'b.csv', 'c.yaml'),
      line: fc.integer({ min: 1, max: 1000 }),
      column: fc.integer({ min: 0, max: 70_000 }),
      entry: fc.integer({ min: 0, max: 5 }),
      judge: fc.integer({ min: 0, max: 5 }),
      criterion: fc.integer({ min: 0, max: 5 }),
      comment: fc.option(fc.constantFrom('ok', 'cek lagi'), { nil: undefined }),
      stage: fc.constantFrom('', 'desk', 'tahap 2'),
    });
    const toRow = (r: typeof row extends fc.Arbitrary<infer T> ? T : never): ScoreRow => {
      const out: ScoreRow = {
        entryId: r.entryId,
        judgeId: r.judgeId,
        criterionRaw: r.criterionRaw,
        text: r.text,
        decimalComma: r.decimalComma,
        source: { file: r.file, line: r.line },
      };
      if (r.column) out.column = r.column;
      const fields: NonNullable<ScoreRow['fieldColumns']> = {};
      if (r.entry) fields.entry_id = r.entry;
      if (r.judge) fields.judge_id = r.judge;
      if (r.criterion) fields.criterion = r.criterion;
      if (Object.keys(fields).length > 0) out.fieldColumns = fields;
      if (r.comment !== undefined) out.comment = r.comment;
      if (r.stage !== '') out.stage = r.stage;
      return out;
    };
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.nat(), (generated, at) => {
        const rows = generated.map(toRow);
        const cut = rows.length === 0 ? 0 : at % (rows.length + 1);
        const first = ScoreSheet.from(rows.slice(0, cut));
        first.appendSheet(ScoreSheet.fromParts(ScoreSheet.from(rows.slice(cut)).toParts()));
        expect([...first]).toEqual(rows);
        expect([...ScoreSheet.fromParts(first.toParts())]).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});
