/**
 * The XLSX writer, read back with exceljs and as raw XML: text stays the exact text (never a
 * formula), numbers stay numbers with their display format, and the header is bold, frozen and
 * filtered.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { encodeXlsxText, sheetName, writeXlsx, type SheetSpec } from '../../src/report/shared/xlsx-writer.js';
import { HOSTILE } from './hostile.js';
import { unzip, zipEntries } from './unzip.js';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

const spec: SheetSpec = {
  name: 'Top 99',
  columns: [
    { header: 'Rank', kind: 'integer' },
    { header: 'Title', kind: 'text' },
    { header: 'Total', kind: 'number' },
    { header: 'Note', kind: 'text', width: 17 },
  ],
  rows: HOSTILE.map((title, i) => [i + 1, title, 90 - i / 3, i % 2 === 0 ? null : 42]),
};

describe('writeXlsx', async () => {
  const bytes = await writeXlsx([
    spec,
    { name: 'Kosong', columns: [{ header: 'id', kind: 'text' }], rows: [], freezeHeader: false, filter: false },
  ]);
  const workbook = await readBack(bytes);
  const sheet = workbook.getWorksheet('Top 99')!;

  it('keeps every hostile title as the exact text, stored as a string', () => {
    HOSTILE.forEach((title, i) => {
      const cell = sheet.getCell(i + 2, 2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(title);
      expect(cell.formula).toBeUndefined();
    });
  });

  it('writes no formula anywhere in the package', () => {
    for (const [name, xml] of unzip(bytes)) {
      if (!name.startsWith('xl/worksheets/')) continue;
      expect(xml).not.toMatch(/<f[\s>/]/);
      expect(xml).not.toContain('t="str"'); // a formula's cached string result
    }
  });

  it('stores numbers as numbers with 0.00 or 0 display', () => {
    HOSTILE.forEach((_, i) => {
      const rank = sheet.getCell(i + 2, 1);
      const total = sheet.getCell(i + 2, 3);
      expect(rank.type).toBe(ExcelJS.ValueType.Number);
      expect(rank.value).toBe(i + 1);
      expect(rank.numFmt).toBe('0');
      expect(total.type).toBe(ExcelJS.ValueType.Number);
      expect(total.value).toBe(90 - i / 3);
      expect(total.numFmt).toBe('0.00');
    });
  });

  it('writes a number in a text column as its text, and null as an empty cell', () => {
    expect(sheet.getCell(3, 4).value).toBe('42');
    expect(sheet.getCell(3, 4).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell(2, 4).value).toBeNull();
  });

  it('has a bold, frozen, filtered header and the given or fitted widths', () => {
    expect(sheet.getRow(1).values).toEqual([undefined, 'Rank', 'Title', 'Total', 'Note']);
    expect(sheet.getCell(1, 2).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:D${HOSTILE.length + 1}`);
    expect(sheet.getColumn(4).width).toBe(17);
    // the longest title: the HYPERLINK one, 56 characters (+1 padding)
    expect(sheet.getColumn(2).width).toBe(HOSTILE[0]!.length + 1);
    expect(sheet.getColumn(1).width).toBe('Rank'.length + 3); // room for bold text and the filter button
  });

  it('keeps sheets in order and honours freezeHeader/filter false', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Top 99', 'Kosong']);
    const empty = workbook.getWorksheet('Kosong')!;
    expect((empty.views ?? []).some((v) => v.state === 'frozen')).toBe(false);
    expect(empty.autoFilter).toBeUndefined();
  });

  it('gives the same bytes for the same sheets, with fixed ZIP entry times', async () => {
    const date = new Date(Date.UTC(2026, 10, 22, 10, 30, 0));
    const a = await writeXlsx([spec], { date });
    const b = await writeXlsx([spec], { date });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const dosTime = (10 << 11) | (30 << 5);
    const dosDate = ((2026 - 1980) << 9) | (11 << 5) | 22;
    for (const entry of zipEntries(a)) {
      expect(entry.central).toEqual([dosTime, dosDate]);
      expect(entry.local).toEqual([dosTime, dosDate]);
    }
    expect((await readBack(a)).created?.toISOString()).toBe(date.toISOString());
  });
});

describe('encodeXlsxText', () => {
  it('escapes control characters and escape look-alikes the way Excel reads them', () => {
    expect(encodeXlsxText('a\u0001b')).toBe('a_x0001_b');
    expect(encodeXlsxText('a\rb')).toBe('a_x000D_b');
    expect(encodeXlsxText('_x0041_')).toBe('_x005F_x0041_');
    expect(encodeXlsxText('_x00e9_')).toBe('_x005F_x00e9_');
    expect(encodeXlsxText('tab\tand\nnewline stay')).toBe('tab\tand\nnewline stay');
    expect(encodeXlsxText('_xyz_ and x0041_')).toBe('_xyz_ and x0041_');
  });
});

describe('sheetName', () => {
  it('follows Excel rules: forbidden characters, 31 characters, unique ignoring case', () => {
    const taken = new Set<string>();
    expect(sheetName('Top 99 [2026]: final?', taken)).toBe('Top 99 -2026-- final-');
    expect(sheetName('top 99 [2026]: FINAL?', taken)).toBe('top 99 -2026-- FINAL- (2)');
    const long = 'Pelayanan publik inklusif dan berkelanjutan';
    expect(sheetName(long, taken)).toBe(long.slice(0, 31));
    expect(sheetName(long, taken)).toBe(`${long.slice(0, 27)} (2)`);
    expect(sheetName("'", taken)).toBe('Sheet5');
    expect(sheetName('History', taken)).toBe('Sheet6');
  });
});

describe('#17.15: dates, mixed values and empty texts', async () => {
  const bytes = await writeXlsx([
    {
      name: 'Dates',
      columns: [
        { header: 'since', kind: 'date' },
        { header: 'value', kind: 'value' },
        { header: 'note', kind: 'text' },
      ],
      rows: [
        ['2020-03-01', 20, ''],
        ['2021-02-30', 'KIPP 2025', 'x'],
        ['17/08/2019', '2025-06-30', null],
        ['', '2026-01-02T03:04:05.000Z', ''],
      ],
    },
  ]);
  const sheet = (await readBack(bytes)).getWorksheet('Dates')!;

  it('#17.15: an ISO date is a date cell (yyyy-mm-dd); a day that does not exist or another form stays text', () => {
    expect(sheet.getCell(2, 1).value).toEqual(new Date(Date.UTC(2020, 2, 1)));
    expect(sheet.getCell(2, 1).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell(3, 1).value).toBe('2021-02-30');
    expect(sheet.getCell(4, 1).value).toBe('17/08/2019');
  });

  it('#17.15: a value column keeps numbers as numbers, texts as text, ISO dates and times as dates', () => {
    expect([sheet.getCell(2, 2).value, sheet.getCell(2, 2).type]).toEqual([20, ExcelJS.ValueType.Number]);
    expect(sheet.getCell(3, 2).value).toBe('KIPP 2025');
    expect(sheet.getCell(4, 2).value).toEqual(new Date(Date.UTC(2025, 5, 30)));
    expect(sheet.getCell(5, 2).value).toEqual(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));
    expect(sheet.getCell(5, 2).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
  });

  it('#17.15: an empty text writes no cell', () => {
    for (const [r, c] of [
      [2, 3],
      [5, 1],
      [5, 3],
    ] as const)
      expect(sheet.getCell(r, c).type, `${r},${c}`).toBe(ExcelJS.ValueType.Null);
    expect(unzip(Buffer.from(bytes)).get('xl/sharedStrings.xml') ?? '').not.toMatch(
      /<t(?: [^>]*)?\/>|<t(?: [^>]*)?><\/t>/,
    );
  });
});

describe('sheet XML in the schema order (ECMA-376 CT_Worksheet), which Excel enforces', () => {
  // The order the schema requires of a worksheet's children (those exceljs can write).
  const SCHEMA = [
    'sheetPr',
    'dimension',
    'sheetViews',
    'sheetFormatPr',
    'cols',
    'sheetData',
    'sheetProtection',
    'autoFilter',
    'mergeCells',
    'conditionalFormatting',
    'dataValidations',
    'hyperlinks',
    'pageMargins',
    'pageSetup',
    'headerFooter',
  ];
  /** The worksheet's child elements in the order they appear, among those above. */
  function children(xml: string): string[] {
    return [...xml.matchAll(/<([A-Za-z]+)[\s/>]/g)].map((m) => m[1]!).filter((tag) => SCHEMA.includes(tag));
  }
  const validation = {
    min: 1,
    max: 10,
    prompt: { title: 'Score', text: '1 to 10' },
    error: { title: 'Not a score', text: '1 to 10' },
  };
  const columns: SheetSpec['columns'] = [
    { header: 'ID', kind: 'text' },
    { header: 'Score', kind: 'number', editable: true, validation },
  ];
  const rows: SheetSpec['rows'] = [
    ['KIPP-1', null],
    ['KIPP-2', 7.5],
  ];

  it.each([
    ['a table (kipp export)', false],
    ['a protected form (kipp assign)', true],
  ])('%s', async (_, protect) => {
    const bytes = await writeXlsx([{ name: 'Nilai', columns, rows, protect }]);
    const sheet = zipEntries(bytes).find((e) => e.name.endsWith('worksheets/sheet1.xml'))!;
    const seen = children(sheet.text.slice(sheet.text.indexOf('<worksheet')));
    expect(seen).toContain('dataValidations');
    expect(seen.includes('sheetProtection')).toBe(protect);
    expect(seen).toEqual([...seen].sort((a, b) => SCHEMA.indexOf(a) - SCHEMA.indexOf(b)));
  });
});

describe('#22: cells share their style objects, each cell keeps its own format', async () => {
  // Every kind of value in one column, over and over: the writer hands the first cell's style to
  // later cells of the same column, value type and format, so a wrong key would give a date's
  // format to a number or a text. Both writers: streaming (an export) and in memory (a form).
  const kinds = [7, 'KIPP 2025', '2025-06-30', '2026-01-02T03:04:05.000Z', 8.5, '', 'x'] as const;
  /** The format each value must show (by its kind, as the #17.15 test states them one by one). */
  const formatOf = (v: (typeof kinds)[number]): string =>
    v === '2025-06-30' ? 'yyyy-mm-dd' : v === '2026-01-02T03:04:05.000Z' ? 'yyyy-mm-dd hh:mm:ss' : 'General';
  const rows = Array.from({ length: 70 }, (_, r) => [kinds[r % kinds.length]!, r % 3 === 0 ? null : r / 4, r]);
  const columns: SheetSpec['columns'] = [
    { header: 'value', kind: 'value' },
    { header: 'score', kind: 'number', editable: true },
    { header: 'n', kind: 'integer' },
  ];
  const exported = (await readBack(await writeXlsx([{ name: 'Mixed', columns, rows }]))).getWorksheet('Mixed')!;
  const form = (await readBack(await writeXlsx([{ name: 'Mixed', columns, rows, protect: true }]))).getWorksheet(
    'Mixed',
  )!;

  it('gives each cell the format of its own value, whatever cell came first', () => {
    for (const sheet of [exported, form]) {
      const got = rows.map(([value], r) => (value === '' ? 'General' : (sheet.getCell(r + 2, 1).numFmt ?? 'General')));
      expect(got).toEqual(rows.map(([value]) => formatOf(value as (typeof kinds)[number])));
    }
  });

  it('keeps the editable column unlocked and every number column in its format, filled or empty', () => {
    rows.forEach(([, score, n], r) => {
      const cell = form.getCell(r + 2, 2);
      expect([r, cell.protection?.locked]).toEqual([r, false]);
      if (score !== null) {
        expect([r, cell.numFmt]).toEqual([r, '0.00']);
        expect([r, exported.getCell(r + 2, 2).numFmt]).toEqual([r, '0.00']);
      }
      for (const sheet of [exported, form])
        expect([r, sheet.getCell(r + 2, 3).numFmt, sheet.getCell(r + 2, 3).value]).toEqual([r, '0', n]);
      expect(form.getCell(r + 2, 3).protection?.locked).not.toBe(false);
    });
  });
});
