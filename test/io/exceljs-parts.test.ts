/**
 * src/io/exceljs.ts loads exceljs's parts by their files, not through the package's index (which
 * loads them all). Each must be the very class the index gives: a new exceljs that moves a file
 * fails here, not in a user's export.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadWorkbook, loadWorkbookReader, loadWorkbookWriter } from '../../src/io/exceljs.js';

describe("exceljs's parts, loaded one at a time", () => {
  it('are the classes of the package index', async () => {
    expect(await loadWorkbookWriter()).toBe(ExcelJS.stream.xlsx.WorkbookWriter);
    expect(await loadWorkbookReader()).toBe(ExcelJS.stream.xlsx.WorkbookReader);
    expect(await loadWorkbook()).toBe(ExcelJS.Workbook);
  });
});
