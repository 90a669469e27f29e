/**
 * #18.4: the committed workbooks of fixtures/xlsx/, written by LibreOffice Calc from their CSV
 * twins (fixtures/xlsx/make.sh), hold the twins' values with the cell types a reader must see:
 * ids as text (08123, 00042 keep their zeros), scores as numbers (the Indonesian-locale import
 * turned 7,5 into 7.5), ISO dates as dates, empty cells as no value. Expected values come from
 * the CSV twins, parsed here with csv-parse.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readAssignmentMetaFile } from '../../src/io/assignment-meta.js';

const DIR = 'fixtures/xlsx';
const ID_COLUMNS = new Set(['id', 'entry_id', 'judge_id']);
const NUMBER_COLUMNS = new Set(['score', 'novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability']);

/** The raw XML of one part of a workbook, through the ZIP library exceljs uses (found from exceljs). */
async function part(path: string, name: string): Promise<string> {
  const JSZip = createRequire(createRequire(import.meta.url).resolve('exceljs'))('jszip') as {
    loadAsync(data: Uint8Array): Promise<{ file(name: string): { async(type: 'string'): Promise<string> } | null }>;
  };
  return (await JSZip.loadAsync(readFileSync(path))).file(name)!.async('string');
}

async function firstSheet(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

/** What a cell must hold, from the twin's text: decimal commas only where the twin uses `;`. */
function expected(column: string, text: string, decimalComma: boolean): unknown {
  if (text === '') return null;
  if (ID_COLUMNS.has(column)) return text;
  if (NUMBER_COLUMNS.has(column)) return Number(decimalComma ? text.replace(',', '.') : text);
  if (column === 'implemented_since') return new Date(`${text}T00:00:00Z`);
  return text;
}

describe('#18.4 LibreOffice workbooks and their CSV twins', () => {
  it.each([
    ['entries', ';'],
    ['judges', ';'],
    ['scores-long', ';'],
    ['scores-wide', ','],
  ] as const)(
    '#18.4: %s.xlsx holds its CSV twin\'s values (delimiter "%s"), each cell of the intended type',
    async (name, delimiter) => {
      const twin = parse(readFileSync(`${DIR}/${name}.csv`), { bom: true, delimiter });
      const sheet = await firstSheet(`${DIR}/${name}.xlsx`);
      const header = twin[0]!;
      expect(sheet.rowCount).toBe(twin.length);
      twin.forEach((row, r) => {
        row.forEach((text, c) => {
          const value = sheet.getRow(r + 1).getCell(c + 1).value ?? null;
          expect(value, `${name} ${r + 1}:${c + 1}`).toEqual(
            r === 0 ? text : expected(header[c]!, text, delimiter === ';'),
          );
        });
      });
    },
  );

  it('#18.4: the fixtures keep what they are for: leading zeros, a decimal comma read as a number, a wide sheet and a long one', async () => {
    const entries = await firstSheet(`${DIR}/entries.xlsx`);
    expect([entries.getCell('A2').value, entries.getCell('A5').value]).toEqual(['08123', '00042']);
    const long = readFileSync(`${DIR}/scores-long.csv`, 'utf8');
    expect(long).toContain(';7,5;');
    expect((await firstSheet(`${DIR}/scores-long.xlsx`)).getCell('D3').value).toBe(7.5);
    expect((await firstSheet(`${DIR}/scores-wide.xlsx`)).getRow(1).values).toEqual([
      undefined,
      'entry_id',
      'judge_id',
      'novelty',
      'effectiveness',
      'benefit',
      'replicability',
      'sustainability',
      'comment',
    ]);
  });

  it('#18.2/#18.4: a kipp form saved again by LibreOffice keeps its metadata (the kipp sheet, hidden), its validation and its protection', async () => {
    const path = `${DIR}/form-J01-libreoffice.xlsx`;
    const id = createHash('sha256')
      .update(readFileSync(`${DIR}/form-assignment.csv`))
      .digest('hex')
      .slice(0, 16);
    const meta = await readAssignmentMetaFile(path);
    expect(meta).toMatchObject({ assignmentId: id, judgeId: 'J01', sheet: 'kipp' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['J01', 'visible'],
      ['Petunjuk', 'visible'],
      ['kipp', 'hidden'],
    ]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('F2').dataValidation).toMatchObject({ type: 'decimal', formulae: [1, 10] });
    // exceljs does not read LibreOffice's locked="false" (it looks for "0"): read the XML.
    const xml = await part(path, 'xl/worksheets/sheet1.xml');
    expect(/<sheetProtection [^>]*sheet="(1|true)"/.test(xml)).toBe(true);
    const xfs = [...(await part(path, 'xl/styles.xml')).split('<cellXfs')[1]!.matchAll(/<xf [^>]*>(.*?)<\/xf>/g)].map(
      (m) => m[1]!,
    );
    const locked = (cell: string) =>
      !/locked="(false|0)"/.test(xfs[Number(new RegExp(`<c r="${cell}" s="(\\d+)"`).exec(xml)![1])]!);
    expect([locked('A2'), locked('E2'), locked('F2'), locked('J2'), locked('K2')]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    // A CSV sheet re-saved as a workbook has no metadata.
    expect(await readAssignmentMetaFile(`${DIR}/scores-wide.xlsx`)).toBeNull();
  });
});
