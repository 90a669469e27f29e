/**
 * Issue 18, end to end with the built CLI: the judges' workbooks come back. `kipp assign
 * --sheet-format xlsx` writes one workbook per judge; each is filled here with exceljs as a
 * judge would (scores with decimals, a formula with its stored result, an empty cell, `8,5`
 * typed into a text-formatted cell), and the same values are written as CSV by hand. Scoring
 * the folder of workbooks must give exactly the report of the CSV folder; `kipp validate` on
 * deliberately broken workbooks must name each problem's workbook, sheet and cell, in every
 * output format; `kipp verify` re-reads the workbooks.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kippIn } from './run.js';
import { tempFolder } from '../tmp.js';

const ENTRIES = 'fixtures/example/entries.csv';
const AS_OF = ['--as-of', '2026-03-10'];
const CRITERIA = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];

let dir: string;
let returned: string;
let csv: string;
/** The judges' workbook files, sorted. */
let books: string[];

/** The first visible sheet, its header row and the columns (1-based) of entry_id, judge_id and each criterion. */
function layout(wb: ExcelJS.Workbook) {
  const ws = wb.worksheets.find((w) => w.state === undefined || w.state === 'visible')!;
  for (let r = 1; r <= Math.min(ws.rowCount, 30); r++) {
    const texts = (ws.getRow(r).values as unknown[]).map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''));
    const entry = texts.indexOf('entry_id');
    if (entry < 0) continue;
    return { ws, header: r, entry, judge: texts.indexOf('judge_id'), criteria: CRITERIA.map((c) => texts.indexOf(c)) };
  }
  throw new Error('no header row with entry_id in the assigned workbook');
}

/** The score judge j gives criterion k of the entry on row r: quarters between 5 and 9.75. */
const given = (b: number, r: number, k: number) => 5 + ((b * 7 + r * 3 + k * 5) % 20) / 4;

beforeAll(async () => {
  dir = tempFolder('kipp-xlsx-roundtrip-');
  const assign = await kippIn([
    'assign',
    ENTRIES,
    '--judges',
    'fixtures/assign/judges.csv',
    '--per-entry',
    '4',
    '--seed',
    'kipp-2026',
    '--output-dir',
    join(dir, 'penilaian'),
    '--sheet-format',
    'xlsx',
  ]);
  expect(assign.status).toBe(0);
  const sheets = join(dir, 'penilaian', 'sheets');
  books = readdirSync(sheets)
    .filter((f) => f.endsWith('.xlsx'))
    .sort();
  expect(books.length).toBeGreaterThan(5);
  returned = join(dir, 'returned');
  csv = join(dir, 'returned-csv');
  mkdirSync(returned);
  mkdirSync(csv);
  for (const [b, name] of books.entries()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(sheets, name));
    const { ws, header, entry, judge, criteria } = layout(wb);
    const lines = [`entry_id,judge_id,${CRITERIA.join(',')}`];
    for (let r = header + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const entryId = row.getCell(entry).text;
      if (entryId === '') continue;
      const cells: string[] = [];
      criteria.forEach((column, k) => {
        const value = given(b, r, k);
        const cell = row.getCell(column);
        // The deliberate habits, in the first workbook's first row: a formula with its stored
        // result, `8,5` typed into a text-formatted cell, an empty cell (not scored).
        if (b === 0 && r === header + 1 && k === 0) {
          cell.value = { formula: '15/2', result: 7.5 };
          cells.push('7.5');
        } else if (b === 0 && r === header + 1 && k === 1) {
          cell.numFmt = '@';
          cell.value = '8,5';
          cells.push('8.5');
        } else if (b === 0 && r === header + 1 && k === 2) {
          cell.value = null;
          cells.push('');
        } else {
          cell.value = value;
          cells.push(String(value));
        }
      });
      lines.push(`${entryId},${row.getCell(judge).text},${cells.join(',')}`);
    }
    await wb.xlsx.writeFile(join(returned, name));
    writeFileSync(join(csv, name.replace(/\.xlsx$/, '.csv')), `${lines.join('\n')}\n`);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A JSON report without what names the files (paths, hashes, sheets). */
function figures(stdout: string) {
  const { inputs: _i, ...rest } = JSON.parse(stdout);
  return rest;
}

describe("#18.7: the judges' workbooks round trip", () => {
  it('#18.7: kipp score --scores returned/ (workbooks) gives exactly the report of the same values written as CSV', async () => {
    const fromXlsx = await kippIn(['score', ENTRIES, '--scores', returned, ...AS_OF, '--format', 'json']);
    const fromCsv = await kippIn(['score', ENTRIES, '--scores', csv, ...AS_OF, '--format', 'json']);
    expect(fromCsv.status).toBe(0);
    expect(fromXlsx.status).toBe(0);
    expect(fromXlsx.stderr).toBe(fromCsv.stderr);
    const a = figures(fromXlsx.stdout);
    expect(a).toEqual(figures(fromCsv.stdout));
    // Not an empty comparison: every entry is ranked from the judges' scores.
    expect(a.entries.length).toBe(48);
    expect(a.entries.every((e: { total: number | null }) => e.total !== null)).toBe(true);
    // Every workbook is an input, hashed, with the sheet read.
    const inputs = JSON.parse(fromXlsx.stdout).inputs.filter((i: { kind: string }) => i.kind === 'scores');
    expect(inputs.map((i: { path: string }) => i.path)).toEqual(books.map((b) => join(returned, b)));
    // #18.6: hashed like any file: the sha256 of the workbook's bytes.
    expect(inputs.map((i: { sha256: string }) => i.sha256)).toEqual(
      books.map((b) =>
        createHash('sha256')
          .update(readFileSync(join(returned, b)))
          .digest('hex'),
      ),
    );
    expect(inputs.every((i: { sheet: string }) => i.sheet !== '')).toBe(true);
    // The table (the secretariat's view) is the same too.
    expect((await kippIn(['score', ENTRIES, '--scores', returned, ...AS_OF])).stdout).toBe(
      (await kippIn(['score', ENTRIES, '--scores', csv, ...AS_OF])).stdout,
    );
  });

  it('#18.6: kipp verify re-reads the workbooks: unchanged is exit 0; a workbook changed after the report is named', async () => {
    const work = join(dir, 'verify');
    mkdirSync(work);
    for (const b of books) copyFileSync(join(returned, b), join(work, b));
    const report = join(dir, 'report.json');
    const scored = await kippIn(['score', ENTRIES, '--scores', work, ...AS_OF, '--format', 'json', '--output', report]);
    expect(scored.status).toBe(0);
    const ok = await kippIn(['verify', report]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    // A judge re-opens the workbook and changes one score.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(work, books[1]!));
    const { ws, header, criteria } = layout(wb);
    ws.getRow(header + 1).getCell(criteria[0]!).value = 1;
    await wb.xlsx.writeFile(join(work, books[1]!));
    const changed = await kippIn(['verify', report]);
    expect(changed.status).toBe(1);
    expect(changed.stdout + changed.stderr).toContain(books[1]!);
  });
});

describe('#18.4 and #18.7: kipp validate names each deliberate problem with its workbook, sheet and cell', () => {
  let broken: string;
  /** [workbook, sheet, cell, code] of each deliberate problem, worked out from where it was written. */
  const planted: [string, string, string, string][] = [];
  beforeAll(async () => {
    broken = join(dir, 'broken');
    mkdirSync(broken);
    for (const b of books) copyFileSync(join(returned, b), join(broken, b));
    const problems: [number, (c: ExcelJS.Cell) => void, string][] = [
      [0, (c) => (c.value = { error: '#N/A' } as ExcelJS.CellErrorValue), 'cell-error'],
      [1, (c) => (c.value = { formula: 'B2*2' } as ExcelJS.CellFormulaValue), 'formula-without-value'],
      [2, (c) => (c.value = { formula: '25/3', result: 25 / 3 } as ExcelJS.CellFormulaValue), 'hidden-decimals'],
      [3, (c) => (c.value = 'delapan'), 'score-not-a-number'],
      [4, (c) => (c.value = 12.5), 'score-out-of-range'],
    ];
    for (const [b, write, code] of problems) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(broken, books[b]!));
      const { ws, header, criteria } = layout(wb);
      const row = header + 2;
      const column = criteria[(b + 1) % 5]!;
      write(ws.getRow(row).getCell(column));
      await wb.xlsx.writeFile(join(broken, books[b]!));
      planted.push([join(broken, books[b]!), ws.name, `${String.fromCharCode(64 + column)}${row}`, code]);
    }
  });

  it('#18.4: JSON: file, sheet, cell, line (the row) and column of each problem', async () => {
    const v = await kippIn(['validate', ENTRIES, '--scores', broken, ...AS_OF, '--format', 'json']);
    expect(v.status).toBe(1);
    const found = JSON.parse(v.stdout).diagnostics.filter((d: { file?: string }) => d.file?.startsWith(broken));
    expect(found.map((d: Record<string, string>) => [d.file, d.sheet, d.cell, d.code])).toEqual(planted);
    for (const d of found) expect(`${String.fromCharCode(64 + d.column)}${d.line}`).toBe(d.cell);
    // The score report lists them as validate does, cell included (it had no `cell` before).
    const s = await kippIn(['score', ENTRIES, '--scores', broken, ...AS_OF, '--format', 'json']);
    const inReport = JSON.parse(s.stdout).diagnostics.filter((d: { file?: string }) => d.file?.startsWith(broken));
    expect(inReport).toEqual(found);
  });

  it('#18.4: pretty, GitHub, SARIF and JUnit name the sheet and cell; the row is the line, the column the column', async () => {
    const run = async (format: string) =>
      (await kippIn(['validate', ENTRIES, '--scores', broken, ...AS_OF, '--format', format])).stdout;
    const pretty = await run('pretty');
    const github = await run('github');
    const sarif = JSON.parse(await run('sarif'));
    const junit = await run('junit');
    for (const [file, sheet, cell, code] of planted) {
      const row = Number(cell.slice(1));
      const column = cell.charCodeAt(0) - 64;
      expect(pretty).toContain(`sheet "${sheet}", cell ${cell}`);
      expect(github).toMatch(
        new RegExp(
          `::error file=${file.replace(/[.]/g, '\\.')},line=${row},col=${column},title=${code}::sheet "${sheet}", cell ${cell}: `,
        ),
      );
      const result = sarif.runs[0].results.find(
        (r: { ruleId: string; locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          r.ruleId === code && r.locations?.[0]?.physicalLocation.artifactLocation.uri.endsWith(file.split('/').pop()!),
      );
      expect(result.locations[0].physicalLocation.region).toEqual({ startLine: row, startColumn: column });
      expect(result.properties).toMatchObject({ sheet, cell });
      expect(result.message.text).toMatch(new RegExp(`^sheet "${sheet}", cell ${cell}: `));
      expect(junit).toContain(`${file}, sheet "${sheet}", cell ${cell}: error ${code}`);
      expect(junit).toContain(`message="line ${row}: sheet &quot;${sheet}&quot;, cell ${cell}: `);
    }
  });
});
