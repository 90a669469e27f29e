/**
 * #22: a CSV score sheet's texts are numbered by the file's own reader, without looking each
 * up in the sheet (ScoreSheet.newCode). Two spellings the reader trims to one id (" E1" and
 * "E1") then give that id two codes. The checks must still see one entry and one judge: a
 * judge counted twice, an entry's scores split, or a repeated score missed across spellings would
 * be a wrong number. Only the sheet's first file is numbered so: later files (a folder of
 * sheets) look their texts up, so that the files share their ids' codes. Each expectation below
 * is worked out by hand from the rows.
 */
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScoreSheets } from '../../src/io/sheets.js';
import { checkEntries } from '../../src/validate/entries.js';
import { checkScores } from '../../src/validate/scores.js';
import { competition, entry, rubricFrom } from '../helpers.js';
import { tempFolder } from '../tmp.js';

const rubric = rubricFrom(`
name: T
scale: { min: 1, max: 10 }
min_judges: 2
criteria:
  a: { weight: 50 }
  b: { weight: 50 }
`);

function check(text: string) {
  const { sheet } = readScoreSheets([{ path: 's.csv', stage: undefined }], rubric, { bytes: Buffer.from(text) });
  const entries = [entry({ id: 'E1' }, 2), entry({ id: 'E2' }, 3)];
  const { checked } = checkEntries(entries, rubric, '2026-01-01');
  return { sheet, scores: checkScores(competition(rubric, entries, sheet as never), checked) };
}

describe('#22: one text, two codes', () => {
  it('an id and a judge written with and without spaces are one entry and one judge', () => {
    const { sheet, scores } = check(
      [
        'entry_id,judge_id,criterion,score',
        'E1,J1,a,8',
        ' E1,J1 ,b,6', // the same entry and judge, spelled with spaces
        'E1 ,J2,a,4',
        'E1,  J2,b,2',
        'E2,J1,a,5',
      ].join('\n'),
    );
    // The reader numbered " E1", "E1 " and "E1" apart: the checks must not.
    const codesOfE1 = new Set([0, 1, 2, 3].map((i) => sheet.entryCodes[i]));
    expect([0, 1, 2, 3].map((i) => sheet.entryId(i))).toEqual(['E1', 'E1', 'E1', 'E1']);
    expect(codesOfE1.size).toBeGreaterThan(1);
    expect(scores.judges).toEqual(['J1', 'J2']);
    // E1: two judges on both criteria; E2: one judge (too few).
    expect(scores.judgeCounts).toEqual([2, 1]);
    expect([...scores.tooFewJudges.keys()]).toEqual([1]);
    const e1 = scores.records().filter((r) => r.entry === 0);
    expect(e1.map((r) => [r.judge, r.criterion, r.value])).toEqual([
      ['J1', 'a', 8],
      ['J1', 'b', 6],
      ['J2', 'a', 4],
      ['J2', 'b', 2],
    ]);
  });

  it('a score repeated under another spelling of the id is a repeated score', () => {
    const { scores } = check(['entry_id,judge_id,criterion,score', 'E1,J1,a,8', ' E1 ,J1,a,9', 'E1,J2,a,4'].join('\n'));
    const repeated = scores.diagnostics.filter((d) => d.code === 'duplicate-score');
    expect(repeated.map((d) => d.line)).toEqual([2, 3]);
    expect(repeated[0]!.message).toContain('judge "J1"');
    // Neither copy is used: only J2's score of a remains.
    expect(scores.records().map((r) => [r.judge, r.criterion, r.value])).toEqual([['J2', 'a', 4]]);
  });

  it('the files of a folder share their ids: the first is numbered by its reader, the others look its texts up', () => {
    const dir = tempFolder('kipp-codes-');
    const files = ['a.csv', 'b.csv', 'c.csv'].map((name, k) => {
      const path = join(dir, name);
      // "quoted" cells are not numbered by the CSV reader: they are looked up by text in every file.
      writeFileSync(
        path,
        `entry_id,judge_id,criterion,score\nE1,J${k + 1},a,${k + 5}\n"E2",J${k + 1},b,7\nE2,J${k + 1},a,6\n`,
      );
      return { path, stage: undefined };
    });
    const { sheet } = readScoreSheets(files, rubric);
    expect(sheet.length).toBe(9);
    const rowsOf = (id: string, from: number, to: number) =>
      [...Array(sheet.length).keys()].filter((i) => i >= from && i < to && sheet.entryId(i) === id);
    const codesOf = (id: string, from: number, to: number) =>
      new Set(rowsOf(id, from, to).map((i) => sheet.entryCodes[i]));
    // E1: one code in all three files.
    expect(codesOf('E1', 0, 9).size).toBe(1);
    expect(sheet.strings.filter((t) => t === 'E1')).toHaveLength(1);
    // E2, quoted (looked up) and not (numbered by the first file's reader): two codes in the
    // first file, and the later files reuse them: no third.
    expect(codesOf('E2', 0, 3).size).toBe(2);
    expect([...codesOf('E2', 3, 9)].every((c) => codesOf('E2', 0, 3).has(c))).toBe(true);
    expect(sheet.strings.filter((t) => t === 'E2')).toHaveLength(2);
    expect([...Array(sheet.length).keys()].map((i) => sheet.judgeId(i))).toEqual([
      'J1',
      'J1',
      'J1',
      'J2',
      'J2',
      'J2',
      'J3',
      'J3',
      'J3',
    ]);
  });
});
