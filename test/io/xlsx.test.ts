/**
 * Issue 18, reading side: Excel workbooks as entries, judges and score sheets (items 1–5 of the
 * task). Every workbook is built here with exceljs, cell by cell, so each expectation is what
 * the test wrote, not what the reader returned.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCompetition, loadCompetitionAsync } from '../../src/io/competition.js';
import { expandInput } from '../../src/io/files.js';
import { parseScore } from '../../src/io/number.js';
import { splitSheet } from '../../src/io/xlsx.js';
import { cellOf } from '../../src/model/diagnostic.js';
import type { Competition } from '../../src/model/records.js';
import { tempFolder } from '../tmp.js';

let dir: string;
const at = (name: string) => join(dir, name);

type Cell = ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string };

/** Writes a workbook: sheets in order, each rows of cells (undefined: an empty cell). */
async function workbook(
  name: string,
  sheets: { name: string; rows: Cell[][]; state?: 'visible' | 'hidden' | 'veryHidden'; merge?: string }[],
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.state ? { state: s.state } : {});
    s.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === undefined) return;
        const target = ws.getCell(r + 1, c + 1);
        if (cell !== null && typeof cell === 'object' && 'numFmt' in cell) {
          target.value = cell.value;
          target.numFmt = cell.numFmt;
        } else target.value = cell;
      }),
    );
    if (s.merge) ws.mergeCells(s.merge);
  }
  const path = at(name);
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
  return path;
}

const ENTRIES_HEADER = ['id', 'title', 'agency', 'category', 'implemented_since'];
const CRITERIA = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];

/** Every score of a competition as [entry, judge, criterion, value, line, column]. */
function scores(c: Competition): [string, string, string, number | undefined, number, number | undefined][] {
  return [...c.scores].map((r) => [
    r.entryId,
    r.judgeId,
    r.criterionRaw,
    parseScore(r.text, r.decimalComma),
    r.source.line,
    r.column,
  ]);
}
const found = (c: Competition) => c.diagnostics.map((d) => [d.code, d.file, d.sheet, d.line, d.column]);

let entries: string;
beforeAll(async () => {
  dir = tempFolder('kipp-xlsx-');
  entries = await workbook('entries.xlsx', [
    {
      name: 'Daftar',
      rows: [
        ['Daftar Inovasi KIPP 2026'],
        [],
        ENTRIES_HEADER,
        [{ value: 8123, numFmt: '00000' }, 'Sapa Warga', 'Dinas A', 1, new Date(Date.UTC(2015, 0, 2))],
        [
          'K-2',
          { richText: [{ text: 'Lapor ' }, { font: { bold: true }, text: 'Cepat' }] },
          'Dinas B',
          2,
          '2015-01-01',
        ],
        [],
        [],
      ],
    },
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('#18.1: a workbook is an input wherever a CSV file is', () => {
  it('#18.1: entries from a workbook: header past a title row and a blank row, ids as text with their zeros, dates as ISO, rich text as plain text', async () => {
    const c = await loadCompetitionAsync({ entries: [entries] });
    expect(found(c)).toEqual([]);
    expect(
      c.entries.map((e) => [e.id, e.title, e.agency, e.categoryRaw, e.implementedSinceRaw, e.source.line]),
    ).toEqual([
      ['08123', 'Sapa Warga', 'Dinas A', '1', '2015-01-02', 4],
      ['K-2', 'Lapor Cepat', 'Dinas B', '2', '2015-01-01', 5],
    ]);
    expect(c.inputs.map((i) => [i.path, i.kind, i.sheet])).toEqual([[entries, 'entries', 'Daftar']]);
  });

  it('#18.1: a workbook named .csv is known by its bytes and read as a workbook, never decoded as text', async () => {
    const disguised = at('entries-saved-as.csv');
    writeFileSync(
      disguised,
      new Uint8Array(
        await (async () => {
          const b = new ExcelJS.Workbook();
          b.addWorksheet('S').addRows([ENTRIES_HEADER, ['K-9', 'Judul', 'Dinas', 1, '2015-01-01']]);
          return b.xlsx.writeBuffer();
        })(),
      ),
    );
    const c = await loadCompetitionAsync({ entries: [disguised] });
    expect(found(c)).toEqual([]);
    expect(c.entries.map((e) => e.id)).toEqual(['K-9']);
  });

  it('#18.1: the synchronous loadCompetition refuses a workbook with the way to read it (never decodes it)', () => {
    const c = loadCompetition({ entries: [entries] });
    expect(c.diagnostics.map((d) => d.code)).toEqual(['unsupported-format']);
    expect(c.diagnostics[0]!.message).toMatch(/loadCompetitionAsync/);
    expect(c.entries).toEqual([]);
  });

  it('#18.1: judges and a long score sheet from workbooks', async () => {
    const judges = await workbook('juri.xlsx', [
      {
        name: 'Juri',
        rows: [
          ['id', 'name'],
          [7, 'Budi'],
          ['J2', 'Sari'],
        ],
      },
    ]);
    const long = await workbook('long.xlsx', [
      {
        name: 'Nilai',
        rows: [
          ['entry_id', 'judge_id', 'criterion', 'score'],
          ['K-2', 7, 'novelty', 8.5],
          ['K-2', 'J2', 'novelty', { value: '8,5', numFmt: '@' }],
        ],
      },
    ]);
    const c = await loadCompetitionAsync({ entries: [entries], judges: judges, scores: [long] });
    expect(found(c)).toEqual([]);
    expect(c.judges!.map((j) => [j.id, j.name])).toEqual([
      ['7', 'Budi'],
      ['J2', 'Sari'],
    ]);
    expect(scores(c)).toEqual([
      ['K-2', '7', 'novelty', 8.5, 2, 4],
      ['K-2', 'J2', 'novelty', 8.5, 3, 4],
    ]);
  });
});

describe('#18.2: which sheet', () => {
  let book: string;
  beforeAll(async () => {
    book = await workbook('sheets.xlsx', [
      {
        name: 'kipp',
        state: 'veryHidden',
        rows: [
          ['entry_id', 'judge_id', 'novelty'],
          ['K-2', 'X', 1],
        ],
      },
      {
        name: 'Petunjuk',
        state: 'hidden',
        rows: [
          ['entry_id', 'judge_id', 'novelty'],
          ['K-2', 'Y', 2],
        ],
      },
      {
        name: 'Nilai',
        rows: [
          ['Lembar penilaian juri J05'],
          ['entry_id', 'judge_id', ...CRITERIA, 'comment'],
          ['K-2', 'J05', 8, 7.5, 9, 6, 7, 'baik'],
        ],
      },
      {
        name: 'Nilai ulang',
        rows: [
          ['entry_id', 'judge_id', 'novelty'],
          ['K-2', 'J06', 4],
        ],
      },
    ]);
  });

  it('#18.2: the first visible sheet by default: hidden and very hidden sheets are never read', async () => {
    const c = await loadCompetitionAsync({ entries: [entries], scores: [book] });
    expect(found(c)).toEqual([]);
    expect(scores(c)).toEqual(CRITERIA.map((k, i) => ['K-2', 'J05', k, [8, 7.5, 9, 6, 7][i], 3, i + 3]));
    expect(c.inputs.find((i) => i.kind === 'scores')!.sheet).toBe('Nilai');
  });

  it('#18.2: FILE.xlsx#Sheet name reads that sheet (a name with a space)', async () => {
    const c = await loadCompetitionAsync({ entries: [entries], scores: [`${book}#Nilai ulang`] });
    expect(found(c)).toEqual([]);
    expect(scores(c)).toEqual([['K-2', 'J06', 'novelty', 4, 2, 3]]);
    expect(c.inputs.map((i) => [i.path, i.sheet])).toContainEqual([book, 'Nilai ulang']);
  });

  it('#18.2: splitSheet: the path is the first prefix that is a file; a sheet name may hold a #', () => {
    const files = new Set(['a.xlsx', 'dir/b#c.xlsx']);
    const exists = (p: string) => files.has(p);
    expect(splitSheet('a.xlsx#Nilai #2', exists)).toEqual({ path: 'a.xlsx', sheet: 'Nilai #2' });
    expect(splitSheet('dir/b#c.xlsx', exists)).toEqual({ path: 'dir/b#c.xlsx', sheet: undefined });
    expect(splitSheet('dir/b#c.xlsx#S', exists)).toEqual({ path: 'dir/b#c.xlsx', sheet: 'S' });
    expect(splitSheet('missing.xlsx#S', exists)).toEqual({ path: 'missing.xlsx#S', sheet: undefined });
    expect(splitSheet('a.xlsx#', exists)).toEqual({ path: 'a.xlsx#', sheet: undefined });
  });

  it('#18.2: a sheet name that is not there is sheet-not-found, naming the visible sheets', async () => {
    const c = await loadCompetitionAsync({ entries: [entries], scores: [`${book}#Nilia`] });
    expect(found(c)).toEqual([['sheet-not-found', book, undefined, undefined, undefined]]);
    expect(c.diagnostics[0]!.message).toMatch(/no sheet named "Nilia": its sheets are "Nilai", "Nilai ulang"/);
    expect(c.scores.length).toBe(0);
  });

  it('#18.2: no row holding the header names is an error that says what was looked for (strict: no guessing)', async () => {
    const bad = await workbook('noheader.xlsx', [
      { name: 'Nilai', rows: [['Lembar penilaian'], ['kode', 'juri?', 'nilai'], ['K-2', 'J1', 8]] },
    ]);
    const c = await loadCompetitionAsync({ entries: [entries], scores: [bad] });
    expect(found(c)).toEqual([['missing-field', bad, 'Nilai', 1, undefined]]);
    expect(c.diagnostics[0]!.message).toMatch(
      /no row of sheet "Nilai" holds the header names "entry_id" and "judge_id"/,
    );
    expect(c.scores.length).toBe(0);
  });
});

describe('#18.3: cells', () => {
  it('#18.3: error values, a formula with no stored result and a formula result with hidden decimals are errors at their cell; the row is not read', async () => {
    const book = await workbook('cells.xlsx', [
      {
        name: 'Nilai',
        rows: [
          ['entry_id', 'judge_id', ...CRITERIA],
          ['K-2', 'J1', 8, { error: '#N/A' }, 8, 8, 8],
          ['K-2', 'J2', 8, 8, { formula: 'B1*2' }, 8, 8],
          ['K-2', 'J3', 8, 8, 8, { value: { formula: '25/3', result: 25 / 3 }, numFmt: '0.00' }, 8],
          ['K-2', 'J4', 8, 8, 8, 8, 8.333333333333334],
          [
            'K-2',
            'J5',
            { formula: '17/2', result: 8.5 },
            '8.5',
            { value: '8,5', numFmt: '@' },
            8.25,
            { value: 0.85, numFmt: '0%' },
          ],
          ['K-2', 'J6', 1, 2, 3, 4, 5],
        ],
      },
    ]);
    const c = await loadCompetitionAsync({ entries: [entries], scores: [book] });
    expect(found(c)).toEqual([
      ['cell-error', book, 'Nilai', 2, 4],
      ['formula-without-value', book, 'Nilai', 3, 5],
      ['hidden-decimals', book, 'Nilai', 4, 6],
      ['hidden-decimals', book, 'Nilai', 5, 7],
      ['cell-error', book, 'Nilai', 6, 7],
    ]);
    expect(c.diagnostics.map(cellOf)).toEqual(['D2', 'E3', 'F4', 'G5', 'G6']);
    expect(c.diagnostics[1]!.message).toMatch(
      /open and save it in Excel\/LibreOffice|open and save it in Excel or LibreOffice/,
    );
    // Only J6's row is read: every other row has a cell no rule reads.
    expect(scores(c).map((s) => [s[1], s[3]])).toEqual(CRITERIA.map((_, i) => ['J6', i + 1]));
  });

  it('#18.3: an id stored as a number of more than 15 digits (what a spreadsheet keeps) is long-number-id at its cell, a warning; the cell is still read', async () => {
    const book = await workbook('long-ids.xlsx', [
      {
        name: 'Nilai',
        rows: [
          ['entry_id', 'judge_id', 'criterion', 'score'],
          // 16 digits as Excel stores what was typed: the last one became a zero.
          [3201234567890120, 'J1', 'novelty', 8],
          // 15 digits, as a number: kept exactly by every spreadsheet.
          [320123456789012, 'J1', 'novelty', 8],
          // The same 16 digits typed as text: as written.
          ['3201234567890123', 'J1', 'novelty', 8],
          // A judge id of 17 digits, as a number (stored as the nearest double, …568); a short number id.
          ['K-2', 12345678901234568, 'novelty', 8],
          ['K-2', 7, 'benefit', 8],
        ],
      },
    ]);
    const c = await loadCompetitionAsync({ entries: [entries], scores: [book] });
    expect(found(c)).toEqual([
      ['long-number-id', book, 'Nilai', 2, 1],
      ['long-number-id', book, 'Nilai', 5, 2],
    ]);
    expect(c.diagnostics.map(cellOf)).toEqual(['A2', 'B5']);
    expect(c.diagnostics.map((d) => [d.severity, d.field])).toEqual([
      ['warning', 'entry_id'],
      ['warning', 'judge_id'],
    ]);
    expect(c.diagnostics[0]!.message).toMatch(
      /3201234567890120 as a number of 16 digits: .* Format the column as Text/,
    );
    // Every row is read, each id as stored (12345678901234567 is stored as the nearest double).
    expect(scores(c).map((s) => [s[0], s[1]])).toEqual([
      ['3201234567890120', 'J1'],
      ['320123456789012', 'J1'],
      ['3201234567890123', 'J1'],
      ['K-2', '12345678901234568'],
      ['K-2', '7'],
    ]);
  });

  it('#18.3: a text cell holding a number is read by the CSV rules: 8,5 and 8.5 are 8.5; 1.250 is ambiguous; a formula result with the decimals shown is read', async () => {
    const book = await workbook('text-numbers.xlsx', [
      {
        name: 'Nilai',
        rows: [
          ['entry_id', 'judge_id', 'criterion', 'score'],
          ['K-2', 'J1', 'novelty', { value: '8,5', numFmt: '@' }],
          ['K-2', 'J1', 'benefit', '8.5'],
          ['K-2', 'J1', 'effectiveness', { formula: '17/2', result: 8.5 }],
          ['K-2', 'J1', 'replicability', 1.125],
          ['K-2', 'J2', 'novelty', '1.250'],
        ],
      },
    ]);
    const c = await loadCompetitionAsync({ entries: [entries], scores: [book] });
    expect(found(c)).toEqual([]);
    expect(scores(c).map((s) => [s[1], s[2], s[3]])).toEqual([
      ['J1', 'novelty', 8.5],
      ['J1', 'benefit', 8.5],
      ['J1', 'effectiveness', 8.5],
      // A number cell 1.125 is a number: never the thousands of "1.125" typed as text.
      ['J1', 'replicability', 1.125],
      // Typed as text, "1.250" may be 1250 or 1.25: not a number (score-not-a-number when validated).
      ['J2', 'novelty', undefined],
    ]);
  });

  it('#18.3: a formula whose stored result is an error value is an error at its cell (exceljs drops the error, so it is formula-without-value); TRUE/FALSE and a date with a time are read as text', async () => {
    const book = await workbook('formula-error.xlsx', [
      {
        name: 'Nilai',
        rows: [
          ['entry_id', 'judge_id', 'criterion', 'score', 'comment'],
          [
            'K-2',
            'J1',
            'novelty',
            { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue,
            'x',
          ],
          ['K-2', 'J1', 'benefit', 7, true],
          ['K-2', 'J1', 'effectiveness', 6, new Date(Date.UTC(2026, 2, 1, 9, 30))],
        ],
      },
    ]);
    const c = await loadCompetitionAsync({ entries: [entries], scores: [book] });
    expect(found(c)).toEqual([['formula-without-value', book, 'Nilai', 2, 4]]);
    expect(c.diagnostics[0]!.message).toMatch(
      /^holds a formula \(=1\/0\) with no stored value, or with an error value as its result/,
    );
    expect([...c.scores].map((r) => [r.criterionRaw, r.comment])).toEqual([
      ['benefit', 'TRUE'],
      ['effectiveness', '2026-03-01T09:30:00'],
    ]);
  });

  it('#18.3: a merged cell holds its value at the top-left cell; the others are empty (a merged title above the header is a title)', async () => {
    const book = await workbook('merged.xlsx', [
      {
        name: 'Nilai',
        merge: 'A1:G1',
        rows: [['Penilaian Juri J1'], ['entry_id', 'judge_id', ...CRITERIA], ['K-2', 'J1', 8, 8, 8, 8, 8]],
      },
    ]);
    const c = await loadCompetitionAsync({ entries: [entries], scores: [book] });
    expect(found(c)).toEqual([]);
    expect(scores(c).length).toBe(5);
  });
});

describe('#18.5: folders', () => {
  it('#18.5: a --scores folder reads every .xlsx and .xlsm beside the CSV files; ~$ lock files are skipped with a note; .xls, .xlsb, .ods and .numbers are refused with the way to convert', async () => {
    const folder = at('returned');
    mkdirSync(folder);
    writeFileSync(join(folder, 'juri-1.csv'), 'entry_id,judge_id,novelty\nK-2,J1,7\n');
    await workbook('returned/juri-2.xlsx', [
      {
        name: 'Nilai',
        rows: [
          ['entry_id', 'judge_id', 'novelty'],
          ['K-2', 'J2', 6.5],
        ],
      },
    ]);
    await workbook('returned/juri-3.xlsm', [
      {
        name: 'Nilai',
        rows: [
          ['entry_id', 'judge_id', 'novelty'],
          ['K-2', 'J3', 9],
        ],
      },
    ]);
    writeFileSync(join(folder, '~$juri-2.xlsx'), 'Budi                ');
    writeFileSync(join(folder, 'juri-4.xls'), Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    writeFileSync(join(folder, 'juri-5.ods'), Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    writeFileSync(join(folder, 'juri-6.xlsb'), Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    const notes: string[] = [];
    const c = await loadCompetitionAsync({ entries: [entries], scores: [folder], note: (m) => notes.push(m) });
    expect(scores(c).map((s) => [s[1], s[3]])).toEqual([
      ['J1', 7],
      ['J2', 6.5],
      ['J3', 9],
    ]);
    expect(notes).toEqual([`${folder}: skipped ~$juri-2.xlsx (not data: hidden, lock or documentation files)`]);
    expect(found(c)).toEqual(
      ['juri-4.xls', 'juri-5.ods', 'juri-6.xlsb'].map((f) => [
        'unsupported-format',
        join(folder, f),
        undefined,
        undefined,
        undefined,
      ]),
    );
    const message = (f: string) => c.diagnostics.find((d) => d.file === join(folder, f))!.message;
    expect(message('juri-4.xls')).toMatch(
      /legacy Excel workbook \(\.xls\).*Save As > Excel Workbook \(\.xlsx\).*soffice --headless --convert-to xlsx juri-4\.xls/,
    );
    expect(message('juri-5.ods')).toMatch(/OpenDocument spreadsheet.*soffice --headless --convert-to xlsx juri-5\.ods/);
    expect(message('juri-6.xlsb')).toMatch(/binary Excel workbook \(\.xlsb\).*convert-to xlsx/);
    expect(expandInput(folder).files.map((f) => f.slice(folder.length + 1))).toEqual([
      'juri-1.csv',
      'juri-2.xlsx',
      'juri-3.xlsm',
    ]);
  });
});
