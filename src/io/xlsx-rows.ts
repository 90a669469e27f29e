/**
 * A workbook sheet's stored cells (xlsx.ts) as the rows of a table: the header row found past
 * title and blank rows, each cell turned into the text the CSV reader's rules then read, and the
 * cells no rule can read (an error value, a formula with no stored result, a number with more
 * decimals than anyone typed) reported at their cell. table.ts feeds these rows through the
 * same header and row checks as a CSV file's.
 *
 * Numbers: a number cell is a number, whatever the locale. Its text is the shortest decimal
 * that reads back as the same double (8.5 → "8.5"), given to the table with a decimal comma
 * ("8,5") where the column holds scores: the sheet is read as a file whose numbers may use a
 * decimal comma, so that a text cell holding `8,5` or `8.5` is read by the CSV rules
 * (number.ts), and the comma keeps a number cell 1.125 from looking like the thousands of
 * `1.125` typed as text (which stays refused as ambiguous).
 */
import { diagnostic, pushLimited, type Diagnostic } from '../model/diagnostic.js';
import { cleanCell, normalizeName, NUMBER_DIGITS_KEPT, type FileKind } from '../model/names.js';
import type { CsvResult } from './csv.js';
import { canonicalField } from './header.js';
import type { TableOptions } from './table.js';
import { CELL_SEPARATOR, FORMAT_SEPARATOR, type WorkbookSheet } from './xlsx.js';

/** The names a header row must hold, per kind of file (anything above it is a title). */
const HEADER_NAMES: Record<FileKind, readonly string[]> = {
  entries: ['id', 'title'],
  judges: ['id'],
  scores: ['entry_id', 'judge_id'],
  conflicts: ['judge_id', 'entry_id'],
};

/**
 * The most decimals a score cell may hold: a judge writes a score with one or two; a cell that
 * holds more (8.333333333333334 from =25/3, or pasted as a value) is a figure nobody wrote, and
 * six is what a report shows.
 */
export const MAX_SCORE_DECIMALS = 6;

/** Columns that hold ids: a number cell there is an id written as a number. */
const ID_FIELDS: ReadonlySet<string> = new Set(['id', 'entry_id', 'judge_id']);

/** What feedSheet calls: the CSV reader's handlers (a sheet's rows carry no cell codes). */
export interface RowHandlers {
  header(cells: string[], line: number, delimiter: ';'): void;
  row(cells: string[], line: number): void;
}

/** Feeds a sheet's rows to CSV handlers; returns what parseCsv would (read as ';'-separated: see above). */
export function feedSheet(
  book: WorkbookSheet,
  options: TableOptions,
  handlers: RowHandlers,
  diagnostics: Diagnostic[],
): CsvResult {
  const result: CsvResult = { delimiter: ';', sepLine: false, detected: false };
  const file = book.path;
  const { rows, lines } = book;
  const wanted = HEADER_NAMES[options.kind];
  let headerAt = -1;
  let names: string[] = [];
  for (let r = 0; r < rows.length && headerAt < 0; r++) {
    const cells = rows[r]!.split(CELL_SEPARATOR).map((c) => cleanCell(headerText(c)));
    const canonical = cells.map((c) => (c === '' ? '' : canonicalField(c, options).name));
    if (wanted.every((n) => canonical.includes(n))) {
      headerAt = r;
      names = cells;
    }
  }
  if (headerAt < 0) {
    const what = wanted.map((n) => `"${n}"`).join(' and ');
    const message =
      rows.length === 0
        ? `sheet "${book.sheet}" is empty`
        : `no row of sheet "${book.sheet}" holds the header names ${what} (or their aliases; ${rows.length} non-empty rows looked at): is it the right sheet (name another as FILE.xlsx#Sheet) and the right kind of file (${options.kind})?`;
    pushLimited(
      diagnostics,
      diagnostic(rows.length === 0 ? 'empty-file' : 'missing-field', message, {
        file,
        line: rows.length === 0 ? undefined : lines[0],
        field: rows.length === 0 ? undefined : wanted[0],
      }),
    );
    return result;
  }
  const width = names.length;
  const scoreColumn = names.map((h) => h !== '' && isScoreColumn(h, options));
  const idColumn = names.map((h) => h !== '' && ID_FIELDS.has(canonicalField(h, options).name));
  handlers.header(names, lines[headerAt]!, ';');
  const strict = options.kind === 'scores';
  for (let r = headerAt + 1; r < rows.length; r++) {
    const line = lines[r]!;
    const stored = rows[r]!.split(CELL_SEPARATOR);
    const cells = new Array<string>(Math.max(width, stored.length));
    let readable = true;
    for (let k = 0; k < cells.length; k++) {
      const read = cellText(stored[k] ?? '', scoreColumn[k] === true);
      if (typeof read === 'string') {
        cells[k] = read;
        if (idColumn[k] === true)
          warnLongNumberId(stored[k]!, read, { file, line, column: k + 1 }, names[k]!, diagnostics);
        continue;
      }
      pushLimited(
        diagnostics,
        diagnostic(read.code, `${read.message}${strict ? '. The row is not read' : ''}`, {
          file,
          line,
          column: k + 1,
          field: names[k] ? canonicalField(names[k]!, options).name : undefined,
        }),
      );
      cells[k] = '';
      readable = false;
    }
    if (!readable && strict) continue;
    // Trailing empty cells past the header are the sheet's own padding (a formatted column).
    let end = cells.length;
    while (end > width && cells[end - 1] === '') end--;
    handlers.row(end === cells.length ? cells : cells.slice(0, end), line);
  }
  return result;
}

/**
 * An id cell stored as a number with more digits than a spreadsheet keeps (long-number-id): its
 * last digits may have become zeros when it was typed, and the id read is not the one written
 * on the entry's form. A warning: the cell is read as it is stored.
 */
function warnLongNumberId(
  stored: string,
  text: string,
  at: { file: string; line: number; column: number },
  header: string,
  diagnostics: Diagnostic[],
): void {
  const kind = stored.charAt(0);
  if (kind !== 'n' && kind !== 'f') return;
  const digits = text.replace(/^[-+]?0*/, '').replace('.', '').length;
  if (digits <= NUMBER_DIGITS_KEPT) return;
  pushLimited(
    diagnostics,
    diagnostic(
      'long-number-id',
      `holds the id ${text} as a number of ${digits} digits: a spreadsheet keeps ${NUMBER_DIGITS_KEPT} digits of a number and turns the rest into zeros, so this may not be the id that was typed. Format the column as Text, type the ids again and save`,
      { ...at, field: header },
    ),
  );
}

function isScoreColumn(header: string, options: TableOptions): boolean {
  const { name, known } = canonicalField(header, options);
  return name === 'score' || (known && options.criterion(normalizeName(header)) === name);
}

/** A header cell's text: numbers and dates as written, error values as themselves. */
function headerText(stored: string): string {
  const kind = stored.charAt(0);
  const body = stored.slice(1);
  if (kind === 'n' || kind === 'f') return body.split(FORMAT_SEPARATOR, 1)[0]!;
  return body;
}

type Unreadable = { code: 'cell-error' | 'formula-without-value' | 'hidden-decimals'; message: string };

/** The text the table reads from a stored cell, or why none can be read. */
function cellText(stored: string, score: boolean): string | Unreadable {
  if (stored === '') return '';
  const kind = stored.charAt(0);
  const body = stored.slice(1);
  switch (kind) {
    case 's':
      return cleanCell(body);
    case 'd':
    case 'b':
      return body;
    case 'e':
      return {
        code: 'cell-error',
        message: `holds ${body === '' ? "an error value (its formula's result)" : `the error value ${body}`}: fix the formula or the value in the sheet and save again`,
      };
    case 'x':
      return {
        code: 'formula-without-value',
        // exceljs's streaming reader gives a formula whose stored result is an error value
        // (#DIV/0!) without its result, so the message names both causes.
        message: `holds a formula (=${body.length > 40 ? `${body.slice(0, 40)}…` : body}) with no stored value, or with an error value as its result: open and save it in Excel or LibreOffice so the value is stored (a workbook written by a program that does not calculate has none), check that the formula gives a number, or type the value`,
      };
    default:
      return numberText(kind === 'f', body, score);
  }
}

/** A number cell's text: see the module comment; a score with more decimals than anyone types is refused. */
function numberText(formula: boolean, body: string, score: boolean): string | Unreadable {
  const cut = body.indexOf(FORMAT_SEPARATOR);
  const text = cut < 0 ? body : body.slice(0, cut);
  const format = cut < 0 ? undefined : body.slice(cut + 1);
  if (!score)
    return format !== undefined && /^0+$/.test(format) && /^\d+$/.test(text)
      ? text.padStart(format.length, '0')
      : plainDigits(text);
  if (format !== undefined && format.includes('%')) {
    return {
      code: 'cell-error',
      message: `holds ${plainDigits(text)} shown as a percentage (format ${format}): write the score on the rubric's scale in a cell formatted as a number`,
    };
  }
  const decimals = decimalsOf(text);
  const shown = format === undefined ? undefined : shownDecimals(format);
  if (decimals > MAX_SCORE_DECIMALS || (formula && shown !== undefined && decimals > shown)) {
    const why =
      decimals > MAX_SCORE_DECIMALS
        ? `more than ${MAX_SCORE_DECIMALS} decimals`
        : `more decimals than its format shows (${shown})`;
    return {
      code: 'hidden-decimals',
      message: `holds ${plainDigits(text)}${formula ? ' (from a formula)' : ''}, ${why}: a figure nobody typed. Round it in the sheet (=ROUND(…;2)) or type the score the judge gave`,
    };
  }
  return plainDigits(text).replace('.', ',');
}

/** How many decimals a shortest decimal form has (`8.25` → 2, `1e-7` → 7). */
function decimalsOf(text: string): number {
  const e = text.indexOf('e');
  if (e >= 0) {
    const mantissa = text.slice(0, e);
    const exp = Number(text.slice(e + 1));
    return Math.max(0, decimalsOf(mantissa) - exp);
  }
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** A number's text without exponent notation (1e-7 → 0.0000001), as a person writes it. */
function plainDigits(text: string): string {
  if (!text.includes('e')) return text;
  const n = Number(text);
  return Math.abs(n) >= 1 ? BigInt(Math.round(n)).toString() : n.toFixed(Math.min(100, decimalsOf(text)));
}

/** The decimals a fixed number format shows (`0.00` → 2, `#,##0` → 0); undefined for General and others. */
function shownDecimals(format: string): number | undefined {
  const section = format.split(';', 1)[0]!.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (!/^[#0,.\s%]*$/.test(section) || !section.includes('0')) return undefined;
  const dot = section.indexOf('.');
  return dot < 0 ? 0 : (section.slice(dot + 1).match(/[0#]/g) ?? []).length;
}
