/**
 * #18.2: the metadata reader (src/io/assignment-meta.ts) on workbooks made here with exceljs,
 * so that each case holds exactly what the test says; the workbooks kipp assign writes are read
 * in test/cli/assign-forms.test.ts and test/cli/validate-assignment.test.ts.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assignmentMetaOf, readAssignmentMeta, scoreWorkbooks } from '../../src/io/assignment-meta.js';
import { CELL_SEPARATOR, readWorkbook } from '../../src/io/xlsx.js';
import { tempFolder } from '../tmp.js';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const META: [string, string][] = [
  ['kipp_assignment', '0123456789abcdef'],
  ['judge_id', 'J05'],
  ['kipp_version', '9.9.9'],
  ['rubric_sha256', 'ab'.repeat(32)],
];

describe('#18.2 readAssignmentMeta', () => {
  it('#18.2: reads the key/value rows of the very hidden kipp sheet', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('J05').addRow(['entry_id', 'judge_id']);
      const meta = wb.addWorksheet('kipp', { state: 'veryHidden' });
      meta.addRow(['key', 'value']);
      for (const row of META) meta.addRow(row);
    });
    expect(await readAssignmentMeta(bytes)).toEqual({
      assignmentId: '0123456789abcdef',
      judgeId: 'J05',
      kippVersion: '9.9.9',
      rubricSha256: 'ab'.repeat(32),
      values: { key: 'value', ...Object.fromEntries(META) },
      sheet: 'kipp',
    });
  });

  it('#18.2: a workbook without a kipp sheet (one re-saved from a CSV sheet) has no metadata: null', async () => {
    const bytes = await workbook((wb) => {
      const s = wb.addWorksheet('Sheet1');
      s.addRow(['entry_id', 'judge_id', 'novelty']);
      s.addRow(['08123', 'J05', 8.5]);
    });
    expect(await readAssignmentMeta(bytes)).toBeNull();
  });

  it("#18.2: a visible sheet is the judge's, whatever it holds; a hidden one under another name is read (LibreOffice saves veryHidden as hidden)", async () => {
    const visible = await workbook((wb) => {
      const notes = wb.addWorksheet('notes');
      for (const row of META) notes.addRow(row);
    });
    expect(await readAssignmentMeta(visible)).toBeNull();
    const renamed = await workbook((wb) => {
      wb.addWorksheet('kipp').addRow(['entry_id', 'judge_id']); // a judge whose id is kipp
      const meta = wb.addWorksheet('kipp (2)', { state: 'hidden' });
      for (const row of META) meta.addRow(row);
    });
    expect((await readAssignmentMeta(renamed))?.sheet).toBe('kipp (2)');
    expect((await readAssignmentMeta(renamed))?.assignmentId).toBe('0123456789abcdef');
  });

  it('#18.2: a kipp sheet without an assignment id is no metadata', async () => {
    const bytes = await workbook((wb) => {
      const meta = wb.addWorksheet('kipp', { state: 'veryHidden' });
      meta.addRow(['judge_id', 'J05']);
      meta.addRow(['kipp_assignment', '']);
    });
    expect(await readAssignmentMeta(bytes)).toBeNull();
  });

  it('#18.2: assignmentMetaOf (for a reader that streams the workbook): keys such as __proto__ are plain keys, the first of a repeated key wins', () => {
    const meta = assignmentMetaOf([
      { name: 'J05', state: 'visible', rows: [['kipp_assignment', 'visible-sheet']] },
      {
        name: 'kipp',
        state: 'veryHidden',
        rows: [
          ['__proto__', 'x'],
          ['constructor', 'y'],
          ['kipp_assignment', ' abc '],
          ['kipp_assignment', 'def'],
          [7, 8],
        ],
      },
    ]);
    expect(meta?.assignmentId).toBe('abc');
    expect(Object.getPrototypeOf(meta!.values)).toBe(Object.prototype);
    expect(Object.entries(meta!.values).sort()).toEqual([
      ['7', '8'],
      ['__proto__', 'x'],
      ['constructor', 'y'],
      ['kipp_assignment', 'abc'],
    ]);
  });
});

describe('the single read: the streaming reader brings the metadata along with the data', () => {
  const EXPECTED = {
    assignmentId: '0123456789abcdef',
    judgeId: 'J05',
    kippVersion: '9.9.9',
    rubricSha256: 'ab'.repeat(32),
    values: { key: 'value', ...Object.fromEntries(META) },
    sheet: 'kipp',
  };
  const metaSheet = (wb: ExcelJS.Workbook, name = 'kipp', state: 'hidden' | 'veryHidden' = 'veryHidden') => {
    const meta = wb.addWorksheet(name, { state });
    meta.addRow(['key', 'value']);
    for (const row of META) meta.addRow(row);
  };
  const data = (wb: ExcelJS.Workbook, name = 'J05') => {
    const s = wb.addWorksheet(name);
    s.addRow(['entry_id', 'judge_id', 'novelty']);
    s.addRow(['08123', 'J05', 8.5]);
  };
  const DATA_ROWS = [
    ['sentry_id', 'sjudge_id', 'snovelty'],
    ['s08123', 'sJ05', 'n8.5'],
  ].map((r) => r.join(CELL_SEPARATOR));

  it('#18.2 single read: the kipp sheet after the data sheet (as kipp assign writes it), and before it', async () => {
    for (const build of [
      (wb: ExcelJS.Workbook) => (data(wb), wb.addWorksheet('instructions').addRow(['fill in']), metaSheet(wb)),
      (wb: ExcelJS.Workbook) => (metaSheet(wb), data(wb)),
    ]) {
      const read = await readWorkbook('form.xlsx', await workbook(build), undefined);
      expect(read.problem).toBeUndefined();
      expect(read.sheet).toBe('J05');
      expect(read.rows).toEqual(DATA_ROWS);
      expect(read.meta).toEqual(EXPECTED);
    }
  });

  it('#18.2 single read: no kipp sheet is null; a visible sheet holding the keys is data; a hidden `kipp (2)` is read', async () => {
    expect((await readWorkbook('a.xlsx', await workbook((wb) => data(wb)), undefined)).meta).toBeNull();
    const visible = await workbook((wb) => {
      data(wb);
      const notes = wb.addWorksheet('notes');
      for (const row of META) notes.addRow(row);
    });
    expect((await readWorkbook('b.xlsx', visible, undefined)).meta).toBeNull();
    const renamed = await readWorkbook(
      'c.xlsx',
      await workbook((wb) => (data(wb, 'kipp'), metaSheet(wb, 'kipp (2)', 'hidden'))),
      undefined,
    );
    expect(renamed.sheet).toBe('kipp');
    expect(renamed.rows).toEqual(DATA_ROWS);
    expect(renamed.meta).toEqual({ ...EXPECTED, sheet: 'kipp (2)' });
  });

  it('#18.2 single read: scoreWorkbooks takes the metadata already read and loads only the workbooks it lacks', async () => {
    const dir = tempFolder('kipp-meta-');
    const known = join(dir, 'known.xlsx');
    const other = join(dir, 'other.xlsx');
    // known.xlsx holds no kipp sheet: the metadata given for it can only come from `known`.
    writeFileSync(known, await workbook((wb) => data(wb)));
    writeFileSync(other, await workbook((wb) => (data(wb), metaSheet(wb))));
    const given = { ...EXPECTED, assignmentId: 'fedcba9876543210' };
    expect(await scoreWorkbooks([known, other], new Map([[known, given]]))).toEqual([
      { path: known, meta: given },
      { path: other, meta: EXPECTED },
    ]);
  });
});
