/**
 * exceljs, one part at a time. The package's index loads every part it has (the in-memory
 * workbook, the streaming reader and writer, the unzipper, the CSV support): about 145 ms of
 * start-up on the bench machine, paid by every command that reads or writes one workbook. Each
 * part loads its own dependencies, so a command takes only the one it uses: the streaming writer
 * (`kipp export`) ~50 ms, the streaming reader (workbooks as input) ~80 ms, the in-memory
 * workbook (`kipp assign` forms, assignment metadata) ~57 ms.
 *
 * The paths are exceljs 4's own files (its package.json has no `exports` map to close them);
 * `test/io/exceljs-parts.test.ts` checks that each is the class the index gives.
 */
import type ExcelJS from 'exceljs';

type WorkbookWriterClass = typeof ExcelJS.stream.xlsx.WorkbookWriter;
type WorkbookReaderClass = typeof ExcelJS.stream.xlsx.WorkbookReader;
type WorkbookClass = typeof ExcelJS.Workbook;

/** exceljs's module of that path, whose `module.exports` is a class. */
async function part<T>(path: string): Promise<T> {
  return ((await import(path)) as { default: T }).default;
}

/** exceljs's streaming writer (`ExcelJS.stream.xlsx.WorkbookWriter`). */
export function loadWorkbookWriter(): Promise<WorkbookWriterClass> {
  return part('exceljs/lib/stream/xlsx/workbook-writer.js');
}

/** exceljs's streaming reader (`ExcelJS.stream.xlsx.WorkbookReader`). */
export function loadWorkbookReader(): Promise<WorkbookReaderClass> {
  return part('exceljs/lib/stream/xlsx/workbook-reader.js');
}

/** exceljs's in-memory workbook (`ExcelJS.Workbook`). */
export function loadWorkbook(): Promise<WorkbookClass> {
  return part('exceljs/lib/doc/workbook.js');
}
