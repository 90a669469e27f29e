/**
 * A small XLSX writer over exceljs for tables: one header row, typed columns, no formulas ever.
 * Used by `kipp export` and `kipp assign`; keep `SheetSpec` and `writeXlsx` stable.
 *
 * Why hand-written pieces around exceljs:
 * - Text is always a plain string cell (`t="s"`), so `=HYPERLINK(…)` stays text — exceljs only
 *   writes a formula for a `{ formula }` object, which this module never builds.
 * - XML 1.0 cannot carry most control characters and exceljs silently drops them (and DEL);
 *   Excel's own `_xHHHH_` escape keeps them, and a literal `_x0041_` in a title is itself escaped
 *   (`_x005F_x0041_`) so Excel and exceljs both show it as typed.
 * - Sheet names follow Excel's rules (31 characters, no `[]:*?/\`, unique ignoring case).
 * - The bytes are reproducible: fixed document dates and fixed ZIP entry times.
 * - Workbooks without a protected sheet (kipp export) go through exceljs's streaming writer, which
 *   writes each row as XML when it is committed: far less memory than a cell object per value.
 * - An empty text is no cell at all (a filter's "(Blanks)", COUNTA and Go To Special see it as
 *   empty), and an ISO date (`2020-03-01`) in a date or value column is a real date shown as
 *   yyyy-mm-dd, so that Excel sorts and filters it as a date.
 * - A form (kipp assign): a column may be `editable` (unlocked in a protected sheet) and carry a
 *   number `validation`; its bounds are constants in the data validation, never a cell formula.
 *   Protection has no password (a password would need a random salt: the bytes would change).
 *
 * exceljs is loaded lazily, one part at a time (src/io/exceljs.ts), so commands that never write
 * XLSX do not pay its start-up cost and those that do pay for the writer they use.
 */

import type { Cell, DataValidation } from 'exceljs';
import { loadWorkbook, loadWorkbookWriter } from '../../io/exceljs.js';
import { maxOf } from '../../model/arrays.js';

/**
 * `date`: a text that is an ISO date (YYYY-MM-DD, a real calendar day) becomes a date cell,
 * anything else stays text. `value`: a column of mixed facts (the export's summary): numbers as
 * numbers, ISO dates and times as dates, other texts as text.
 */
export type ColumnKind = 'text' | 'number' | 'integer' | 'date' | 'value';

export interface SheetColumn {
  header: string;
  /** Width in characters; default: fitted to the header and the values (6 to 60). */
  width?: number;
  kind: ColumnKind;
  /** In a protected sheet, the column's data cells stay unlocked (the cells a judge fills in). */
  editable?: boolean;
  /** Data validation of the column's data cells: a decimal between min and max (blank allowed). */
  validation?: NumberValidation;
}

/** Excel's "Decimal between": the message shown on entering a cell and the one that refuses a value. */
export interface NumberValidation {
  min: number;
  max: number;
  /** Excel shows at most 32 characters of a title and 255 of a message. */
  prompt: { title: string; text: string };
  error: { title: string; text: string };
}

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: (string | number | null)[][];
  /** Freeze the header row (default true). */
  freezeHeader?: boolean;
  /** An autofilter on the header row (default true). */
  filter?: boolean;
  /**
   * Sheet protection without a password: only `editable` columns can be changed; filtering and
   * resizing columns and rows stay allowed (default false).
   */
  protect?: boolean;
  /** `veryHidden`: not listed by Excel's Unhide (a helper sheet the reader skips). Default visible. */
  state?: 'visible' | 'veryHidden';
}

export interface XlsxOptions {
  /** Document creation date written into docProps and the ZIP entries (default 1980-01-01). */
  date?: Date;
  /** Shown as the document's creator. */
  creator?: string;
}

/** Number formats by column kind: two decimals for scores, whole numbers for ranks and counts. */
export const NUMBER_FORMATS = { number: '0.00', integer: '0', value: 'General' } as const;
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** An ISO date's day as a UTC Date (Excel stores a date as a day count: no time zone moves it), or undefined. */
export function isoDate(text: string): Date | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // 2021-02-30 is not a day: the Date rolls over, and the text is kept as text.
  return date.toISOString().slice(0, 10) === text ? date : undefined;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

// Characters XML 1.0 cannot hold, plus CR (XML parsers turn it into LF) and DEL (exceljs drops it).
const UNSAFE_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPE_LOOKALIKE = /_(?=x[0-9A-Fa-f]{4}_)/g;

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** Encodes a string so that Excel (and exceljs) read back exactly these characters. */
export function encodeXlsxText(text: string): string {
  return text.replace(ESCAPE_LOOKALIKE, '_x005F_').replace(UNSAFE_CHAR, (c) => `_x${hex4(c.charCodeAt(0))}_`);
}

/** Excel's sheet-name rules: 1–31 characters, none of []:*?/\, no leading/trailing apostrophe. */
export function sheetName(raw: string, taken: Set<string>): string {
  let base = raw
    .replace(/[[\]:*?/\\]/g, '-')
    .replace(/^'+|'+$/g, '')
    .trim();
  // exceljs and Excel count UTF-16 units; do not split a surrogate pair.
  base = Array.from(base).reduce((acc, ch) => (acc.length + ch.length <= 31 ? acc + ch : acc), '');
  if (base === '' || base.toLowerCase() === 'history') base = `Sheet${taken.size + 1}`;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name =
      Array.from(base).reduce((acc, ch) => (acc.length + ch.length + suffix.length <= 31 ? acc + ch : acc), '') +
      suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

function displayLength(value: string | number | null, kind: ColumnKind): number {
  if (value === null) return 0;
  if (typeof value === 'string' && (kind === 'date' || kind === 'value') && ISO_TIME.test(value)) return 19;
  if (typeof value === 'number') return kind === 'number' ? value.toFixed(2).length : String(value).length;
  return maxOf(
    value.split('\n').map((line) => Array.from(line).length),
    0,
  );
}

function fittedWidth(column: SheetColumn, rows: SheetSpec['rows'], index: number): number {
  if (column.width !== undefined) return column.width;
  let widest = displayLength(column.header, 'text') + 3; // bold text and the filter button
  for (const row of rows) widest = Math.max(widest, displayLength(row[index] ?? null, column.kind) + 1);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest));
}

/**
 * A cell's stored value and display format: numbers stay numbers in number and value columns,
 * ISO dates become dates in date and value columns, an empty text is no cell, everything else is text.
 */
function cellValue(
  value: string | number | null | undefined,
  kind: ColumnKind,
): { value: string | number | Date; numFmt?: string } | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    if (kind === 'text' || kind === 'date') return { value: String(value) };
    return { value, numFmt: NUMBER_FORMATS[kind] };
  }
  if (kind === 'date' || kind === 'value') {
    const day = isoDate(value);
    if (day !== undefined) return { value: day, numFmt: DATE_FORMAT };
    if (kind === 'value' && ISO_TIME.test(value)) return { value: new Date(value), numFmt: DATE_TIME_FORMAT };
  }
  return { value: encodeXlsxText(value) };
}

/** Writes the sheets into an XLSX workbook, in order. */
export async function writeXlsx(sheets: SheetSpec[], options: XlsxOptions = {}): Promise<Uint8Array> {
  const date = options.date ?? new Date(Date.UTC(1980, 0, 1));
  // The streaming writer turns each row into XML as it is committed instead of keeping a cell
  // object per value until the end: an export of a national year takes a third less memory.
  // A protected sheet (a form) takes the in-memory writer: the streaming one writes
  // <sheetProtection> after <dataValidations>, out of the schema's order, and Excel then offers
  // to repair the file. Forms are small.
  const streaming = !sheets.some((spec) => spec.protect);
  const chunks: Buffer[] = [];
  const writer = streaming
    ? new (await loadWorkbookWriter())({
        stream: new (await import('node:stream')).Writable({
          write(chunk: Buffer, _encoding, done) {
            chunks.push(chunk);
            done();
          },
        }),
        useStyles: true,
        // Text as shared strings (`t="s"`), as the in-memory writer and Excel itself write it.
        useSharedStrings: true,
        // Deflate level 6, as the in-memory writer (archiver alone picks level 1: a third larger).
        zip: { zlib: { level: 6 } },
      })
    : undefined;
  const workbook = writer ?? new (await loadWorkbook())();
  workbook.creator = options.creator ?? 'kipp';
  workbook.lastModifiedBy = options.creator ?? 'kipp';
  workbook.created = date;
  workbook.modified = date;
  const taken = new Set<string>();
  for (const spec of sheets) {
    const freeze = spec.freezeHeader ?? true;
    const worksheet = workbook.addWorksheet(sheetName(spec.name, taken), {
      views: freeze ? [{ state: 'frozen', xSplit: 0, ySplit: 1 }] : [],
      ...(spec.state === 'veryHidden' ? { state: 'veryHidden' as const } : {}),
    });
    worksheet.columns = spec.columns.map((column, index) => ({
      width: fittedWidth(column, spec.rows, index),
      ...(column.kind === 'number' || column.kind === 'integer'
        ? { style: { numFmt: NUMBER_FORMATS[column.kind] } }
        : {}),
    }));
    spec.columns.forEach((column, c) => {
      if (column.validation === undefined || spec.rows.length === 0) return;
      // One range per column. Not cell by cell: exceljs merges equal cells' validations after
      // sorting addresses as text (F10 before F2), which writes overlapping ranges Excel repairs.
      const letter = worksheet.getColumn(c + 1).letter;
      (
        worksheet as unknown as { dataValidations: { add(range: string, v: DataValidation): void } }
      ).dataValidations.add(`${letter}2:${letter}${spec.rows.length + 1}`, numberValidation(column.validation));
    });
    if (spec.protect) {
      // "true" here means allowed to the user (exceljs writes the attribute as not protected).
      await worksheet.protect('', { autoFilter: true, formatColumns: true, formatRows: true });
    }
    if ((spec.filter ?? true) && spec.columns.length > 0) {
      worksheet.autoFilter = {
        from: { row: 1, column: 1 },
        to: { row: 1 + spec.rows.length, column: spec.columns.length },
      };
    }
    const header = worksheet.getRow(1);
    spec.columns.forEach((column, index) => {
      const cell = header.getCell(index + 1);
      cell.value = encodeXlsxText(column.header);
      cell.font = { bold: true };
      cell.numFmt = 'General';
    });
    header.commit();
    // Cells of one column, value type and number format end with equal styles: the first such
    // cell's style object is given to the others. exceljs finds a style it has seen by the
    // object (a WeakMap) and otherwise renders each cell's style as XML to look it up, which
    // was a quarter of a 200,000-row export. The key holds everything the style and its id
    // depend on: the column (its style, editable or not), the type exceljs gives the value
    // (the number format of a style without one depends on it) and the format set here.
    // A shared style is never changed: only the first cell of a key goes through the setters.
    const styles = new Map<string, Cell['style']>();
    spec.rows.forEach((values, r) => {
      const row = worksheet.getRow(r + 2);
      spec.columns.forEach((column, c) => {
        const stored = cellValue(values[c], column.kind);
        if (stored === null && !column.editable && !column.validation) return;
        const cell = row.getCell(c + 1);
        if (stored !== null) cell.value = stored.value;
        const key = `${c}|${cell.type}|${stored?.numFmt ?? ''}`;
        const style = styles.get(key);
        if (style !== undefined) {
          cell.style = style;
          return;
        }
        if (stored?.numFmt !== undefined) cell.numFmt = stored.numFmt;
        if (column.editable) cell.protection = { locked: false };
        styles.set(key, cell.style);
      });
      row.commit(); // streaming: the row is written out; in memory: nothing
    });
    if (writer !== undefined) worksheet.commit();
  }
  if (writer !== undefined) await writer.commit();
  const bytes = writer !== undefined ? Buffer.concat(chunks) : await workbook.xlsx.writeBuffer();
  return fixZipTimes(new Uint8Array(bytes), date);
}

/** Cells' data validation: Excel's "Decimal between", blank allowed, a stop error on anything else. */
function numberValidation(v: NumberValidation): DataValidation {
  return {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [v.min, v.max],
    showInputMessage: true,
    promptTitle: v.prompt.title.slice(0, 32),
    prompt: v.prompt.text.slice(0, 255),
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: v.error.title.slice(0, 32),
    error: v.error.text.slice(0, 255),
  };
}

/**
 * JSZip (in memory) and archiver (streaming) stamp every entry with the current time; overwrite the DOS time and date in each local
 * and central header so the same sheets give the same bytes. The CRCs do not cover these fields.
 */
export function fixZipTimes(zip: Uint8Array, date: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const dosDate =
    ((Math.max(1980, date.getUTCFullYear()) - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return zip;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let n = 0; n < count; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) return zip;
    view.setUint16(p + 12, dosTime, true);
    view.setUint16(p + 14, dosDate, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, dosTime, true);
      view.setUint16(local + 12, dosDate, true);
    }
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return zip;
}
