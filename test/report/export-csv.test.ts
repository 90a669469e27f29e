/**
 * The export CSV formatter on its own: every hostile string survives a CSV parser round trip
 * (with the OWASP apostrophe where one belongs), for each delimiter, and figures follow the
 * delimiter's decimal separator. The streamed pieces are the bytes the csv-stringify formatter
 * (before issue 9) wrote.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatExportCsv, formatExportCsvPieces, type CsvDelimiter } from '../../src/report/export/csv.js';
import type { ExportTable } from '../../src/report/export/table.js';
import { formatWithCsvStringify } from './csv-stringify-export.js';
import { HOSTILE } from './hostile.js';

const table: ExportTable = {
  columns: [
    { key: 'rank', header: 'Rank', kind: 'integer' },
    { key: 'title', header: 'Title', kind: 'text' },
    { key: 'total', header: 'Total', kind: 'number' },
    { key: 'kontak', header: '=kontak', kind: 'text' },
  ],
  rows: HOSTILE.map((title, i) => [i + 1, title, i === 0 ? null : 100 - i / 8, '+62 812 0000 000' + i]),
};

/** Characters that make a spreadsheet read a cell as a formula, ASCII and full-width. */
const STARTS_FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

describe.each<[CsvDelimiter, string]>([
  [',', '.'],
  [';', ','],
  ['\t', ','],
])('formatExportCsv with delimiter %j', (delimiter, decimal) => {
  const text = formatExportCsv(table, { delimiter });
  const records: string[][] = parse(text, { bom: true, delimiter, relax_quotes: false });

  it('starts with a BOM and keeps one record per row', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(records).toHaveLength(HOSTILE.length + 1);
  });

  it('round-trips every hostile text, prefixed with an apostrophe exactly when it starts a formula', () => {
    HOSTILE.forEach((title, i) => {
      expect(records[i + 1]![1]).toBe(STARTS_FORMULA.test(title) ? `'${title}` : title);
    });
    expect(records[0]![3]).toBe("'=kontak"); // headers from input files are guarded too
    expect(records[2]![3]).toBe("'+62 812 0000 0001");
  });

  it('writes figures with two decimals and the decimal separator of the delimiter, never guarded', () => {
    expect(records[1]![2]).toBe(''); // null
    expect(records[2]![2]).toBe(`99${decimal}88`); // 99.875 rounds half away from zero
    expect(records[9]![2]).toBe(`99${decimal}00`);
    expect(records.slice(1).map((r) => r[0])).toEqual(HOSTILE.map((_, i) => String(i + 1)));
  });
});

/** Cells that need quoting, guarding or care with each delimiter, and figures that round. */
const AWKWARD = [
  ...HOSTILE,
  'a,b',
  'a;b',
  'a\tb',
  '"quoted"',
  'say "hi"',
  'ends with quote"',
  'bare\rcr',
  'bare\nlf',
  '\n',
  '"',
  ';',
  ',',
  '＝SUM(A1)',
  '－5',
  'Café — “Sipandu” 🚀 ①',
  'lone \ud800 surrogate',
  '',
  ' ',
];
const awkward: ExportTable = {
  columns: [
    { key: 'rank', header: 'Rank', kind: 'integer' },
    { key: 'title', header: 'Ti;tle, "x"', kind: 'text' },
    { key: 'total', header: 'Total', kind: 'number' },
    { key: 'kontak', header: '=kontak\n2', kind: 'text' },
    { key: 'judges', header: '＝juri', kind: 'integer' },
  ],
  rows: AWKWARD.map((text, i) => [
    i === 3 ? null : i + 1,
    text,
    [null, 0, -0, 99.875, 12.345, 0.005, -1.005, 100, 1e21, NaN, Infinity, 1e-7][i % 12]!,
    AWKWARD[AWKWARD.length - 1 - i]!,
    i % 5 === 0 ? Number.NaN : i,
  ]),
};

describe.each<CsvDelimiter>([',', ';', '\t'])('formatExportCsvPieces with delimiter %j', (delimiter) => {
  const expected = Buffer.from(formatWithCsvStringify(awkward, delimiter), 'utf8');

  it('writes the bytes the csv-stringify formatter wrote, at any piece size', () => {
    for (const size of [1, 7, 64, 1 << 20]) {
      const pieces = [...formatExportCsvPieces(awkward.columns, awkward.rows, { delimiter }, { pieceSize: size })];
      expect(Buffer.concat(pieces).equals(expected)).toBe(true);
    }
  });

  it('ends each piece with a whole row', () => {
    const pieces = [...formatExportCsvPieces(awkward.columns, awkward.rows, { delimiter }, { pieceSize: 1 })];
    expect(pieces).toHaveLength(awkward.rows.length); // the header goes with the first row
    for (const piece of pieces) expect(Buffer.from(piece).toString('utf8').endsWith('\r\n')).toBe(true);
  });

  it('with reuse (one buffer for every piece), each piece read as it comes: the same bytes', () => {
    const copies = [
      ...formatExportCsvPieces(awkward.columns, awkward.rows, { delimiter }, { pieceSize: 7, reuse: true }),
    ].map((p) => p);
    // Collected without copying, every piece but the last was overwritten by the next: what
    // writeOutput must not do, and does not (it writes each piece before asking for another).
    expect(Buffer.concat(copies).equals(expected)).toBe(false);
    const read: Buffer[] = [];
    for (const piece of formatExportCsvPieces(
      awkward.columns,
      awkward.rows,
      { delimiter },
      { pieceSize: 7, reuse: true },
    ))
      read.push(Buffer.from(piece));
    expect(Buffer.concat(read).equals(expected)).toBe(true);
  });

  it('formatExportCsv is the pieces joined', () => {
    expect(formatExportCsv(awkward, { delimiter })).toBe(expected.toString('utf8'));
  });
});
