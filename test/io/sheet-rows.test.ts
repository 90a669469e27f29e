/**
 * Issue #16, items 1–4: every score row that cannot be read exactly is an error at its own
 * line, the same in one reader and in the two-part (two-thread) read. Each case is the one the
 * issue reproduced; the fuzzers (reader-fuzz.test.ts) cover the classes.
 */
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/io/rubric.js';
import { readInTwoParts } from '../../src/io/sheet-thread.js';
import { readScoreSheets, type ReadSheets } from '../../src/io/sheets.js';

const rubric = loadRubric(null).rubric;
const FILE = 'nilai.csv';

function read(text: string): ReadSheets {
  return readScoreSheets([{ path: FILE, stage: undefined }], rubric, { bytes: Buffer.from(text) });
}

/** [line, entry, judge, criterion, score text, comment] per row read. */
function rows(r: ReadSheets): (string | number)[][] {
  return [...r.sheet].map((row) => [
    row.source.line,
    row.entryId,
    row.judgeId,
    row.criterionRaw,
    row.text,
    row.comment ?? '',
  ]);
}

function errors(r: ReadSheets): [string, number | undefined, number | undefined][] {
  return r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.line, d.column]);
}

/** The file read in two parts at every line break: each must equal one reader's result. */
function expectSameInTwoParts(text: string): void {
  const bytes = Buffer.from(text);
  const one = read(text);
  for (let cut = 1; cut <= bytes.length; cut++) {
    if (bytes[cut - 1] !== 0x0a && !(bytes[cut - 1] === 0x0d && bytes[cut] !== 0x0a)) continue;
    const two = readInTwoParts({ path: FILE, stage: undefined }, bytes, cut, rubric, undefined);
    expect({ cut, rows: rows(two), diagnostics: two.diagnostics }).toEqual({
      cut,
      rows: rows(one),
      diagnostics: one.diagnostics,
    });
  }
}

describe('#16.1 short rows', () => {
  it("#16.1: a short row is an error at its own line and never takes the row above's criterion and score, in both readers", () => {
    const text = 'entry_id,judge_id,criterion,score\nE1,J1,novelty,9\nE2,J1\nE3,J1,benefit,7\n';
    const r = read(text);
    expect(rows(r)).toEqual([
      [2, 'E1', 'J1', 'novelty', '9', ''],
      [4, 'E3', 'J1', 'benefit', '7', ''],
    ]);
    expect(errors(r)).toEqual([['parse-error', 3, 3]]);
    expect(r.diagnostics[0]!.message).toContain('"criterion", "score"');
    expectSameInTwoParts(text);
  });

  it('#16.1: a short first row is an error at its line, not a crash', () => {
    const text = 'entry_id,judge_id,criterion,score\nE2,J1\nE1,J1,novelty,9\n';
    const r = read(text);
    expect(rows(r)).toEqual([[3, 'E1', 'J1', 'novelty', '9', '']]);
    expect(errors(r)).toEqual([['parse-error', 2, 3]]);
    expectSameInTwoParts(text);
  });

  it('#16.1: a wide row missing its last cells is an error (an empty cell, written, is "not scored")', () => {
    const text =
      'entry_id;judge_id;novelty;effectiveness;benefit;replicability;sustainability\nE1;J1;8;7\nE2;J1;8;7;;;\n';
    const r = read(text);
    expect(errors(r)).toEqual([['parse-error', 2, 5]]);
    expect(rows(r)).toEqual([
      [3, 'E2', 'J1', 'novelty', '8', ''],
      [3, 'E2', 'J1', 'effectiveness', '7', ''],
    ]);
  });

  it('#16.1: trailing empty header cells are padding: a row need not fill them', () => {
    const r = read('entry_id;judge_id;criterion;score;;\nE1;J1;novelty;8,5\n');
    expect(errors(r)).toEqual([]);
    expect(rows(r)).toEqual([[2, 'E1', 'J1', 'novelty', '8,5', '']]);
  });
});

describe('#16.2 values under an unnamed header cell', () => {
  it("#16.2: LibreOffice's split of 6,5 (an empty last header name) is an error at the row, naming the decimal comma and the fix", () => {
    const text = 'Kode Inovasi;Juri;Kriteria;Nilai;\nX-01;J1;Kebaruan;6;5\nX-02;J1;Kebaruan;7;\n';
    const r = read(text);
    expect(errors(r)).toEqual([['parse-error', 2, 5]]);
    const message = r.diagnostics[0]!.message;
    expect(message).toContain('"6" and "5" look like the score 6,5');
    expect(message).toContain('decimal comma');
    expect(message).toContain('LibreOffice');
    expect(message).toContain('6.5');
    // The row is not read; the next one, with nothing under the empty header, is.
    expect(rows(r)).toEqual([[3, 'X-02', 'J1', 'Kebaruan', '7', '']]);
    expectSameInTwoParts(text);
  });

  it('#16.2: an error at every row with such a value, also under an empty header in the middle', () => {
    const text = 'entry_id;;judge_id;criterion;score\nE1;x;J1;novelty;8\nE2;;J1;novelty;7\nE3;y;J1;novelty;6\n';
    const r = read(text);
    expect(errors(r)).toEqual([
      ['parse-error', 2, 2],
      ['parse-error', 4, 2],
    ]);
    expect(rows(r)).toEqual([[3, 'E2', 'J1', 'novelty', '7', '']]);
    expectSameInTwoParts(text);
  });

  it("#16.2: a value past the header's width is an error that names the cut score", () => {
    const r = read('entry_id,judge_id,criterion,score\nE1,J1,novelty,8,5\n');
    expect(errors(r)).toEqual([['parse-error', 2, 5]]);
    expect(r.diagnostics[0]!.message).toContain('"8" and "5" look like the score 8,5');
    expect(rows(r)).toEqual([]);
  });
});

describe('#16.3 8,5 in a comma-separated sheet that still fits its header', () => {
  it('#16.3: under kipp init\'s header (comment last) K1,J1,8,5,7,9,6,8 is an error, not 8/5/7/9/6 with comment "8"', () => {
    const text =
      'kode_inovasi,juri,kebaruan,efektivitas,bermanfaat,replikasi,berkelanjutan,komentar\nK1,J1,8,5,7,9,6,8\nK2,J1,8,7,9,6,8,bagus\n';
    const r = read(text);
    expect(errors(r)).toEqual([['parse-error', 2, 8]]);
    expect(r.diagnostics[0]!.field).toBe('comment');
    expect(r.diagnostics[0]!.message).toContain('decimal comma');
    expect(rows(r).map((x) => x[4])).toEqual(['8', '7', '9', '6', '8']);
    expectSameInTwoParts(text);
  });

  it('#16.3: a long sheet with a comment column: E1,J1,novelty,8,5 is an error, not 8 with comment "5"', () => {
    const r = read('entry_id,judge_id,criterion,score,comment\nE1,J1,novelty,8,5\nE1,J2,novelty,8,\n');
    expect(errors(r)).toEqual([['parse-error', 2, 5]]);
    expect(rows(r)).toEqual([[3, 'E1', 'J2', 'novelty', '8', '']]);
  });

  it('#16.3: a split before an empty last cell makes the row longer than the header, even by an empty cell: an error', () => {
    // 8,5 / 7 / 7 / 7 / (sustainability left empty) written as 8,5,7,7,7, → one cell too many.
    const r = read('entry_id,judge_id,novelty,effectiveness,benefit,replicability,sustainability\nE1,J1,8,5,7,7,7,\n');
    expect(errors(r)).toEqual([['parse-error', 2, 8]]);
    expect(rows(r)).toEqual([]);
  });

  it('#16.3: no false alarm on real comments, in a semicolon sheet, or on a column kipp does not know', () => {
    const comma = read(
      'entry_id,judge_id,criterion,score,comment\nE1,J1,novelty,8,5 tahun berjalan\nE1,J2,novelty,8,"baik, 5"\nE1,J3,novelty,8,\n',
    );
    expect(errors(comma)).toEqual([]);
    expect(rows(comma).map((x) => x[5])).toEqual(['5 tahun berjalan', 'baik, 5', '']);
    // In a semicolon sheet 8,5 is a decimal comma, never a cut: a comment "5" is a comment.
    const semi = read('entry_id;judge_id;criterion;score;comment\nE1;J1;novelty;8,5;5\n');
    expect(errors(semi)).toEqual([]);
    expect(rows(semi)).toEqual([[2, 'E1', 'J1', 'novelty', '8,5', '5']]);
    // A judge's own total column after the scores holds a number on every row: not checked.
    const total = read(
      'entry_id,judge_id,novelty,effectiveness,benefit,replicability,sustainability,jumlah\nE1,J1,8,7,9,6,8,38\n',
    );
    expect(errors(total)).toEqual([]);
    expect(rows(total)).toHaveLength(5);
  });

  it('#16.3: a comment that is only a number, right after a score, is refused in a comma-separated sheet (the one false alarm kept)', () => {
    const r = read('entry_id,judge_id,criterion,score,comment\nE1,J1,novelty,8,12\n');
    expect(errors(r)).toEqual([['parse-error', 2, 5]]);
    expect(r.diagnostics[0]!.message).toContain('add a word');
  });
});

describe('#16.4 the two-part read', () => {
  it('#16.4: a cut before the end of the header (debris rows above it) loses no row: the first part reads on to the end', () => {
    const debris = ',,,\n'.repeat(150);
    const text = `${debris}entry_id,judge_id,criterion,score\nE1,J1,novelty,7\nE2,J1,novelty,8\nE3,J1,novelty,9\n`;
    const bytes = Buffer.from(text);
    const middle = bytes.indexOf('\n', Math.floor(bytes.length / 2)) + 1;
    expect(middle).toBeLessThan(debris.length); // the cut the workers make is in the debris
    const two = readInTwoParts({ path: FILE, stage: undefined }, bytes, middle, rubric, undefined);
    expect(rows(two)).toEqual([
      [152, 'E1', 'J1', 'novelty', '7', ''],
      [153, 'E2', 'J1', 'novelty', '8', ''],
      [154, 'E3', 'J1', 'novelty', '9', ''],
    ]);
    expectSameInTwoParts(text);
  });

  it('#16.4: a header that spans the cut (a cut inside a quoted header cell) reads every row once', () => {
    const text = `entry_id,judge_id,criterion,score,"comment${'\n'.repeat(50)}"\nE1,J1,novelty,7,\nE2,J1,novelty,8,\n`;
    const r = read(text);
    expect(rows(r).map((x) => x[0])).toEqual([52, 53]);
    expectSameInTwoParts(text);
  });
});
