/**
 * Issue #18, the forms `kipp assign --sheet-format xlsx` writes: run through the built CLI, the
 * workbooks are opened with exceljs and checked against facts worked out here from the inputs
 * (the rubric's scale written in the test, the assignment.csv and rubric bytes hashed here, the
 * entries counted from assignment.csv), never against kipp's own functions.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAssignmentMetaFile } from '../../src/io/assignment-meta.js';
import { kippIn } from './run.js';
import { tempFolder } from '../tmp.js';

const SRC = 'fixtures/conformance/panel-spreadsheet-id';
const tempDir = () => tempFolder('kipp-forms-');
type Row = Record<string, string>;

/** A rubric of its own: a 0–100 scale, so the bounds cannot come from the default rubric. */
function writeRubric(dir: string): string {
  const path = join(dir, 'iid.yaml');
  writeFileSync(
    path,
    'name: Indeks uji\nscale: { min: 0, max: 100 }\ncriteria:\n  tata_kelola: { weight: 60 }\n  dampak: { weight: 40 }\n',
  );
  return path;
}

async function open(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return workbook;
}

/**
 * The raw XML of one part of a workbook (what Excel reads, below exceljs's model), through the
 * ZIP library exceljs itself uses (found from exceljs: not a dependency of kipp's own).
 */
async function part(path: string, name: string): Promise<string> {
  const JSZip = createRequire(createRequire(import.meta.url).resolve('exceljs'))('jszip') as {
    loadAsync(data: Uint8Array): Promise<{ file(name: string): { async(type: 'string'): Promise<string> } | null }>;
  };
  const zip = await JSZip.loadAsync(readFileSync(path));
  return zip.file(name)!.async('string');
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('#18.1 kipp assign --sheet-format xlsx writes forms', () => {
  let dir: string;
  let rubric: string;
  const out: Record<'en' | 'id', string> = { en: '', id: '' };
  /** The forms of the panel fixture's assignment (seed 3, two judges an entry) in `lang`, into `outDir`. */
  const assignForms = (lang: 'en' | 'id', outDir: string) =>
    kippIn([
      'assign',
      `${SRC}/entries.csv`,
      '--judges',
      `${SRC}/juri.csv`,
      '--rubric',
      rubric,
      '--per-entry',
      '2',
      '--seed',
      '3',
      '--sheet-format',
      'xlsx',
      '--lang',
      lang,
      '--output-dir',
      outDir,
    ]);
  beforeAll(async () => {
    dir = tempDir();
    rubric = writeRubric(dir);
    for (const lang of ['en', 'id'] as const) {
      out[lang] = join(dir, lang);
      const run = await assignForms(lang, out[lang]);
      expect(run.status, run.stderr).toBe(0);
    }
  }, 120_000); // two assign runs writing workbooks: slow on a loaded machine

  const pairs = (lang: 'en' | 'id'): Row[] =>
    parse<Row>(readFileSync(join(out[lang], 'assignment.csv')), { columns: true, bom: true, delimiter: ',' });

  it("#18.1: every score cell accepts a decimal between the rubric's scale min and max, with messages in --lang; no other cell is validated", async () => {
    for (const lang of ['en', 'id'] as const) {
      const workbook = await open(join(out[lang], 'sheets', 'J01.xlsx'));
      const sheet = workbook.worksheets[0]!;
      const entries = pairs(lang).filter((p) => p[lang === 'en' ? 'judge_id' : 'juri'] === 'J01').length;
      expect(entries).toBeGreaterThan(9); // past row 10, where exceljs used to write overlapping ranges
      for (let r = 2; r <= entries + 1; r++) {
        for (const c of [6, 7]) {
          const dv = sheet.getCell(r, c).dataValidation;
          expect(dv).toMatchObject({
            type: 'decimal',
            allowBlank: true,
            formulae: [0, 100],
            showErrorMessage: true,
            showInputMessage: true,
          });
          expect(dv.operator ?? 'between').toBe('between');
          if (lang === 'id') expect(`${dv.prompt} ${dv.error}`).toMatch(/angka 0 sampai 100.*desimal/);
          else expect(`${dv.prompt} ${dv.error}`).toMatch(/number from 0 to 100.*decimals/);
        }
        for (const c of [1, 2, 3, 4, 5, 8]) expect(sheet.getCell(r, c).dataValidation).toBeUndefined();
      }
      expect(sheet.getCell(entries + 2, 6).dataValidation).toBeUndefined();
      // One range per column, none overlapping (Excel "repairs" a workbook with overlaps).
      const sqrefs = [
        ...(await part(join(out[lang], 'sheets', 'J01.xlsx'), 'xl/worksheets/sheet1.xml')).matchAll(/sqref="([^"]+)"/g),
      ].map((m) => m[1]);
      expect(sqrefs).toEqual([`F2:F${entries + 1}`, `G2:G${entries + 1}`]);
    }
  });

  it('#18.1: the score sheet is protected without a password; only the score and comment cells of the entries are unlocked', async () => {
    const path = join(out.en, 'sheets', 'J01.xlsx');
    const sheet = (await open(path)).worksheets[0]!;
    const xml = await part(path, 'xl/worksheets/sheet1.xml');
    const protection = /<sheetProtection [^>]*>/.exec(xml)![0];
    expect(protection).toContain('sheet="1"');
    expect(protection).not.toMatch(/hashValue|password|saltValue/);
    expect(protection).toContain('autoFilter="0"'); // filtering stays allowed
    const header = [1, 2, 3, 4, 5, 6, 7, 8].map((c) => sheet.getCell(1, c).value);
    expect(header).toEqual(['entry_id', 'judge_id', 'title', 'agency', 'category', 'tata_kelola', 'dampak', 'comment']);
    const locked = (r: number, c: number) => sheet.getCell(r, c).protection?.locked !== false;
    for (let c = 1; c <= 8; c++) expect(locked(1, c)).toBe(true);
    for (const c of [1, 2, 3, 4, 5]) expect(locked(2, c)).toBe(true);
    for (const c of [6, 7, 8]) expect(locked(2, c)).toBe(false);
  });

  it('#18.1: the instructions sheet comes second, in --lang: the judge, the number of entries, the scale, decimals, returning the file, the column names', async () => {
    for (const lang of ['en', 'id'] as const) {
      const workbook = await open(join(out[lang], 'sheets', 'J02.xlsx'));
      expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
        ['J02', 'visible'],
        [lang === 'en' ? 'Instructions' : 'Petunjuk', 'visible'],
        ['kipp', 'veryHidden'],
      ]);
      const text = (workbook.worksheets[1]!.getColumn(1).values as unknown[])
        .filter((v) => typeof v === 'string')
        .join('\n');
      const n = pairs(lang).filter((p) => p[lang === 'en' ? 'judge_id' : 'juri'] === 'J02').length;
      expect(text).toContain('J02 (Juri 2)');
      if (lang === 'en') {
        expect(text).toContain(`Entries to score: ${n},`);
        expect(text).toContain('from 0 to 100. Decimals are allowed');
        expect(text).toContain('J02.xlsx');
        expect(text).toMatch(/Do not rename/);
      } else {
        expect(text).toContain(`Inovasi yang dinilai: ${n},`);
        expect(text).toContain('0 sampai 100. Angka desimal boleh');
        expect(text).toMatch(/Jangan mengganti nama/);
      }
    }
  });

  it("#18.1: the very hidden kipp sheet holds the assignment id (16 hex of assignment.csv's SHA-256), the judge, the version and the rubric's SHA-256", async () => {
    const id = sha256(readFileSync(join(out.en, 'assignment.csv'))).slice(0, 16);
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    const workbook = await open(join(out.en, 'sheets', 'J03.xlsx'));
    const meta = workbook.getWorksheet('kipp')!;
    const rows = (meta.getSheetValues() as unknown[][]).filter(Boolean).map((r) => [r[1], r[2]]);
    expect(rows).toEqual([
      ['key', 'value'],
      ['kipp_assignment', id],
      ['judge_id', 'J03'],
      ['kipp_version', version],
      ['rubric_sha256', sha256(readFileSync(rubric))],
    ]);
    // The Indonesian run writes another assignment.csv (its header), so another id.
    const idId = sha256(readFileSync(join(out.id, 'assignment.csv'))).slice(0, 16);
    expect(idId).not.toBe(id);
    expect((await readAssignmentMetaFile(join(out.id, 'sheets', 'J03.xlsx')))?.assignmentId).toBe(idId);
  });

  it('#18.1: the same assignment gives the same bytes', async () => {
    const again = join(dir, 'again');
    expect((await assignForms('en', again)).status).toBe(0);
    for (const name of ['J01.xlsx', 'J07.xlsx'])
      expect(sha256(readFileSync(join(again, 'sheets', name)))).toBe(
        sha256(readFileSync(join(out.en, 'sheets', name))),
      );
  }, 120_000);
});
