/**
 * Reading an Excel workbook (.xlsx/.xlsm) with exceljs's streaming reader: one sheet's cells,
 * typed, into a compact form that table.ts turns into rows (xlsx-rows.ts) by the same rules as
 * a CSV file's. Reading is asynchronous (exceljs streams the ZIP), loading is not: the command
 * line reads every workbook first (readWorkbooks), then loads as for CSV. exceljs is imported
 * only when a workbook is read, so other commands and inputs do not pay its start-up.
 *
 * Memory stays bounded by the data, not by the workbook's XML: rows arrive one at a time and
 * each is kept as one string (cells joined by CELL_SEPARATOR, each a kind letter and its text),
 * about the size of the same rows as CSV. exceljs keeps the shared-strings table.
 */
import { Buffer } from 'node:buffer';
import { Readable } from 'node:stream';
import { assignmentMetaOf, META_SHEET, type AssignmentMeta, type MetaSheet } from './assignment-meta.js';
import { loadWorkbookReader } from './exceljs.js';
import { sha256 } from './files.js';

/** Between the cells of a stored row (a control character no cell keeps: see cellText). */
export const CELL_SEPARATOR = '\u001f';
/** Between a number and its number format within a stored cell. */
export const FORMAT_SEPARATOR = '\u001e';

/**
 * The kind letter a stored cell starts with:
 * s text · n number typed (or pasted) · f a formula's stored number · d a date (ISO) ·
 * b TRUE/FALSE · e an error value (#N/A, #DIV/0!) · x a formula with no stored result.
 */
export type CellKind = 's' | 'n' | 'f' | 'd' | 'b' | 'e' | 'x';

/** One sheet of one workbook, as read. */
export interface WorkbookSheet {
  /** The workbook's path as the user named it (without `#Sheet`). */
  path: string;
  sha256: string;
  /** The sheet read ('' when none could be). */
  sheet: string;
  /** The visible sheets, in workbook order (for a message naming them). */
  sheets: string[];
  /** The 1-based row number of each non-empty row. */
  lines: number[];
  /** Each non-empty row's cells from column A to its last non-empty cell (see CellKind). */
  rows: string[];
  /** Why no sheet was read: the workbook cannot be opened, the named sheet is not there, none is visible. */
  problem?: string;
  /**
   * The `kipp assign` metadata of its hidden `kipp` sheet (null: none), read in the same pass
   * as the data; undefined when the sheets after the data could not be read (see readWorkbook).
   */
  meta?: AssignmentMeta | null;
}

/** `FILE.xlsx#Sheet name`: the path and the sheet asked for, when the whole argument is no file. */
export function splitSheet(
  arg: string,
  exists: (path: string) => boolean,
): { path: string; sheet: string | undefined } {
  if (!arg.includes('#') || exists(arg)) return { path: arg, sheet: undefined };
  // The first `#` after which the rest is a sheet name: a sheet may be named "Nilai #2".
  for (let hash = arg.indexOf('#'); hash > 0 && hash < arg.length - 1; hash = arg.indexOf('#', hash + 1)) {
    if (exists(arg.slice(0, hash))) return { path: arg.slice(0, hash), sheet: arg.slice(hash + 1) };
  }
  return { path: arg, sheet: undefined };
}

/** ExcelJS's cell values as its streaming reader gives them (the parts read here). */
type CellValue =
  | null
  | undefined
  | number
  | string
  | boolean
  | Date
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { error: string }
  | { richText: { text: string }[] }
  | { text: string; hyperlink: string };

interface StreamCell {
  value: CellValue;
  numFmt?: string;
}
interface StreamRow {
  number: number;
  eachCell(options: { includeEmpty: boolean }, f: (cell: StreamCell, column: number) => void): void;
}
interface StreamSheet extends AsyncIterable<StreamRow> {
  name?: string;
  state?: string;
}
interface StreamBook extends AsyncIterable<StreamSheet> {
  model?: { sheets?: { name: string; state?: string }[] };
  /** The workbook's properties: dates counted from 1904 (old Mac Excel) or from 1900. */
  properties?: { model?: { date1904?: boolean } };
}

/**
 * Reads one sheet of a workbook: `wanted` by name, else the first visible one. Hidden and very
 * hidden sheets are never read by default (kipp assign keeps its metadata in one); a hidden
 * sheet named explicitly is read.
 */
export async function readWorkbook(
  path: string,
  bytes: Uint8Array,
  wanted: string | undefined,
): Promise<WorkbookSheet> {
  // exceljs's streaming reader now and then throws on a sound workbook when the machine is busy
  // ("Cannot read properties of undefined (reading 'sheets')": a sheet handed out before the
  // workbook part was parsed; seen about once in 500 reads by the workbook fuzzer with four copies running on two cores).
  // The bytes are in memory: a read that failed before any data was read is tried again, from
  // scratch, before the file is refused. A read that succeeds is whole (it saw the workbook part
  // and the sheet to its end), so a retry cannot change what is read.
  let read = await readWorkbookOnce(path, bytes, wanted);
  for (let attempt = 1; attempt < 3 && read.failed; attempt++) read = await readWorkbookOnce(path, bytes, wanted);
  return read.sheet;
}

async function readWorkbookOnce(
  path: string,
  bytes: Uint8Array,
  wanted: string | undefined,
): Promise<{ sheet: WorkbookSheet; failed: boolean }> {
  const out: WorkbookSheet = { path, sha256: sha256(bytes), sheet: '', sheets: [], lines: [], rows: [] };
  const WorkbookReader = await loadWorkbookReader();
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as StreamBook;
  const visible = () =>
    (reader.model?.sheets ?? []).filter((s) => s.state === undefined || s.state === 'visible').map((s) => s.name);
  const stateOf = (name: string) => reader.model?.sheets?.find((s) => s.name === name)?.state ?? 'visible';
  // The sheets assignmentMetaOf looks at (the `kipp` sheet, hidden ones), read in the same pass
  // as the data: `--assignment` then needs no second, full load of the workbook. They are small
  // (kipp assign writes four rows), and only their first two cells are kept.
  const metaSheets: MetaSheet[] = [];
  let dataRead = false;
  try {
    for await (const sheet of reader) {
      const target = wanted ?? visible()[0];
      const name = sheet.name;
      const state = name === undefined ? 'visible' : stateOf(name);
      const metaRows: [unknown, unknown][] | undefined =
        name !== undefined && (name === META_SHEET || state !== 'visible') ? [] : undefined;
      if (name === undefined || (name !== target && metaRows === undefined)) {
        skip(sheet);
        continue;
      }
      if (metaRows !== undefined) metaSheets.push({ name, state, rows: metaRows });
      if (name !== target || dataRead) {
        for await (const row of sheet) storeMetaRow(row, metaRows!);
        continue;
      }
      out.sheet = name;
      const date1904 = reader.properties?.model?.date1904 === true;
      for await (const row of sheet) {
        storeRow(row, out, date1904);
        if (metaRows !== undefined) storeMetaRow(row, metaRows);
      }
      dataRead = true;
    }
    out.meta = assignmentMetaOf(metaSheets);
  } catch (err) {
    // The data is read and a later sheet is damaged: the data stands, the metadata is unknown
    // (`--assignment` then loads the workbook whole, as it would without this pass).
    if (!dataRead) {
      out.problem = `the workbook cannot be read (${(err as Error).message || 'damaged file'}): open it in Excel or LibreOffice and save it again as .xlsx`;
      return { sheet: out, failed: true };
    }
  }
  out.sheets = visible();
  if (out.sheet === '') {
    const names = out.sheets.map((s) => `"${s}"`).join(', ');
    out.problem =
      wanted !== undefined
        ? `the workbook has no sheet named "${wanted}": its sheets are ${names || '(none visible)'}; name one as FILE.xlsx#Sheet (the name as its tab shows it)`
        : out.sheets.length === 0
          ? 'the workbook has no visible sheet: unhide the sheet with the data, or name it as FILE.xlsx#Sheet'
          : `the sheet "${out.sheets[0]}" could not be found in the workbook: open it in Excel or LibreOffice and save it again`;
  }
  return { sheet: out, failed: false };
}

/**
 * Leaves a sheet unread. A sheet part that came before the shared strings was parked by exceljs
 * in a temporary file, opened as a stream before it is handed out and deleted right after: the
 * stream is closed here, or its late "no such file" error would be thrown with no one to catch it.
 */
function skip(sheet: StreamSheet): void {
  const stream = (sheet as { iterator?: { on?: unknown; destroy?: unknown } }).iterator;
  if (stream !== undefined && typeof stream.on === 'function' && typeof stream.destroy === 'function') {
    (stream as Readable).on('error', () => {});
    (stream as Readable).destroy();
  }
}

/** A metadata sheet's row: its first two cells' values, as assignmentMetaOf reads them. */
function storeMetaRow(row: StreamRow, rows: [unknown, unknown][]): void {
  const pair: [unknown, unknown] = [null, null];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    if (column <= 2) pair[column - 1] = cell.value;
  });
  if (pair[0] !== null || pair[1] !== null) rows.push(pair);
}

function storeRow(row: StreamRow, out: WorkbookSheet, date1904: boolean): void {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const stored = storedCell(cell, date1904);
    if (stored === '') return;
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = stored;
  });
  if (cells.length === 0) return; // an empty row (formatting only)
  out.lines.push(row.number);
  out.rows.push(cells.join(CELL_SEPARATOR));
}

/** A cell as stored: its kind letter and text ('' for an empty cell). */
function storedCell(cell: StreamCell, date1904: boolean): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return number('n', v, cell.numFmt);
  if (typeof v === 'string') return v === '' ? '' : `s${cellText(v)}`;
  if (typeof v === 'boolean') return v ? 'bTRUE' : 'bFALSE';
  if (v instanceof Date) return `d${isoDate(v)}`;
  if ('error' in v) return `e${v.error}`;
  if ('richText' in v) return `s${cellText(v.richText.map((r) => r.text ?? '').join(''))}`;
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result;
    if (result === undefined || result === null) return `x${cellText(String(v.formula ?? v.sharedFormula ?? ''))}`;
    // exceljs reads a formula's stored error (#DIV/0!) as NaN: the error's name is lost, not the error.
    if (typeof result === 'number')
      return Number.isNaN(result)
        ? 'e'
        : isDateFormat(cell.numFmt)
          ? `d${isoDate(excelDate(result, date1904))}`
          : number('f', result, cell.numFmt);
    if (typeof result === 'string') return result === '' ? '' : `s${cellText(result)}`;
    if (typeof result === 'boolean') return result ? 'bTRUE' : 'bFALSE';
    if (result instanceof Date) return `d${isoDate(result)}`;
    if (typeof result === 'object' && 'error' in result) return `e${String(result.error)}`;
    return `x${cellText(String(v.formula ?? ''))}`;
  }
  if ('text' in v) return `s${cellText(String(v.text))}`;
  // Every cell value exceljs documents is handled above; anything else is kept as JSON text (and then refused as a score).
  return `s${cellText(JSON.stringify(v))}`;
}

function number(kind: 'n' | 'f', value: number, numFmt: string | undefined): string {
  return numFmt === undefined || numFmt === 'General'
    ? `${kind}${value}`
    : `${kind}${value}${FORMAT_SEPARATOR}${numFmt}`;
}

/**
 * A text as Excel meant it: `_xHHHH_` escapes (how OOXML stores control characters, and
 * `_x005F_` an underscore before one) decoded; the two separators this module stores rows with
 * replaced by U+FFFD (no data holds them; they would move every later cell of the row).
 */
function cellText(text: string): string {
  const decoded = text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
  return /[\u001e\u001f]/.test(decoded) ? decoded.replace(/[\u001e\u001f]/g, '\ufffd') : decoded;
}

/** A number format that shows a date (d, m, y, h, s outside quotes and brackets). */
function isDateFormat(numFmt: string | undefined): boolean {
  if (numFmt === undefined) return false;
  const bare = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** An Excel serial day as a date (day 0 is 1899-12-30 in the 1900 system, 1904-01-01 in the 1904 one). */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - (date1904 ? 24107 : 25569)) * 86400 * 1000));
}

/** YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS when the cell holds a time of day too (exceljs gives UTC dates). */
function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/**
 * Reads every workbook among `files` (those whose bytes say they are one), each once: the path
 * (as named, without `#Sheet`) → its sheet. `read` gives a file's bytes.
 */
export async function readWorkbooks(
  files: readonly { path: string; sheet: string | undefined }[],
  read: (path: string) => Uint8Array,
): Promise<Map<string, WorkbookSheet>> {
  const todo = [...new Map(files.map((f) => [f.path, f])).values()];
  const read_ = new Map<string, WorkbookSheet>();
  // A few at once: exceljs waits on its streams (and on the temporary file it parks a sheet in
  // when the shared strings come after it), and another workbook's parsing fills those waits.
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const { path, sheet } = todo[next++]!;
      read_.set(path, await readWorkbook(path, read(path), sheet));
    }
  };
  await Promise.all(Array.from({ length: Math.min(WORKBOOKS_AT_ONCE, todo.length) }, worker));
  // In the order named, whatever order they finished in.
  return new Map(todo.map(({ path }) => [path, read_.get(path)!]));
}

/** How many workbooks are read at once (each holds one sheet's rows and its file's bytes). */
const WORKBOOKS_AT_ONCE = 4;
