/**
 * `kipp export … --output F.csv`: the export table as CSV that Excel and LibreOffice open as
 * intended.
 * - UTF-8 with a byte-order mark: without it Excel reads the file as the ANSI code page and
 *   breaks every non-ASCII title ("Café" → "CafÃ©").
 * - `,` by default; with `;` (or tab) the figures use a decimal comma, which is what Excel in
 *   Indonesian locale (list separator `;`, decimal separator `,`) splits and reads as numbers.
 * - CRLF line ends (RFC 4180); a field is quoted when it holds any of `,` `;` tab, a quote or a
 *   line break, whatever the delimiter. LibreOffice's import dialog splits on `,`, `;` and tab at
 *   once by default: a `;` file whose figures read `93,25`, or a tab file with a category label
 *   "Swasembada pangan, air dan energi", would open shifted by a column at every such comma.
 *   Quoting costs nothing elsewhere: Excel and every RFC 4180 reader read a quoted `93,25` as
 *   they read it bare (a number in a decimal-comma locale).
 * - Every text cell, headers included, goes through OWASP's formula-injection guard
 *   (`neutralizeFormula`): a leading `=`, `+`, `-`, `@`, tab or CR, or their full-width forms,
 *   gets a `'` in front. Figures are never prefixed.
 */
import { decimalText, neutralizeFormula } from '../shared/cells.js';
import type { ExportCell, ExportColumn, ExportKind, ExportTable } from './table.js';
import { fixed2 } from '../shared/text.js';
import { asciiTable, Utf8Pieces, type PieceOptions } from '../shared/utf8-pieces.js';

export type CsvDelimiter = ',' | ';' | '\t';

export interface ExportCsvOptions {
  delimiter: CsvDelimiter;
}

const BOM = '\uFEFF';

/** A cell that is not a finite figure (those go through figureText) as text. */
function csvCell(value: ExportCell, kind: ExportKind): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) && kind !== 'number' ? String(value) : '';
  return neutralizeFormula(value);
}

/**
 * A figure's two-decimal text as a CSV field (quoted when its decimal separator is `,`),
 * remembered: criterion values repeat (a 1–10 scale gives few distinct means), and fixed2's
 * exact rounding costs more than a lookup. At most 65,536 kept.
 */
function figureText(decimal: '.' | ','): (x: number) => string {
  const made = new Map<number, string>();
  return (x) => {
    let text = made.get(x);
    if (text === undefined) {
      if (made.size >= 1 << 16) made.clear();
      made.set(x, (text = csvField(decimalText(fixed2(x), decimal))));
    }
    return text;
  };
}

/** The characters that make a field quoted, whatever the delimiter: `,` `;` tab, `"`, CR, LF. */
const QUOTED = asciiTable([0x2c, 0x3b, 0x09, 0x22, 0x0d, 0x0a]);
const NEEDS_QUOTES = /[,;\t"\r\n]/;

/**
 * One field as CSV text: as it is, or between double quotes with each `"` doubled when it holds
 * `,`, `;`, a tab, a quote, a CR or a LF (RFC 4180; a bare CR or LF too, or Excel splits the row).
 */
export function csvField(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

function writeField(out: Utf8Pieces, field: string): void {
  if (!out.writeAscii(field, QUOTED)) out.write(csvField(field));
}

/**
 * Rows of text as spreadsheet CSV, the way the export writes them (a BOM, the delimiter, the
 * quoting above, CRLF): `kipp assign`'s assignment list and score sheets. Cells are written as
 * given; the caller guards the text it does not control (neutralizeFormula).
 */
export function formatCsvText(rows: Iterable<readonly string[]>, delimiter: CsvDelimiter): string {
  let text = BOM;
  for (const row of rows) text += `${row.map(csvField).join(delimiter)}\r\n`;
  return text;
}

/**
 * The export as CSV bytes in pieces of about `pieces.pieceSize` bytes, each ending with a whole row:
 * a stress year's 200,000 rows go to the file as they are made, never held as one table or
 * one string.
 */
export function formatExportCsvPieces(
  columns: readonly ExportColumn[],
  rows: Iterable<readonly ExportCell[]>,
  options: ExportCsvOptions,
  pieces: PieceOptions = {},
): Iterable<Uint8Array> {
  const { delimiter } = options;
  const figure = figureText(delimiter === ',' ? '.' : ',');
  return (function* rowPieces(): Generator<Uint8Array> {
    const out = new Utf8Pieces(pieces);
    out.write(BOM);
    const separator = delimiter.charCodeAt(0);
    const record = (cells: readonly ExportCell[], kinds: readonly ExportKind[]) => {
      for (let i = 0; i < kinds.length; i++) {
        if (i > 0) out.writeByte(separator);
        const cell = cells[i] ?? null;
        // A rank or a count as digits, no string made (String(n) writes the same).
        if (typeof cell === 'number' && kinds[i] === 'integer' && Number.isSafeInteger(cell) && cell >= 0)
          out.writeDigits(cell);
        // A figure comes quoted as it needs (figureText).
        else if (typeof cell === 'number' && kinds[i] === 'number' && Number.isFinite(cell)) out.write(figure(cell));
        else writeField(out, csvCell(cell, kinds[i]!));
      }
      out.write('\r\n');
    };
    // Headers come from input files (pass-through columns): text cells, guarded like the others.
    record(
      columns.map((c) => c.header),
      columns.map(() => 'text'),
    );
    const kinds = columns.map((c) => c.kind);
    for (const row of rows) {
      record(row, kinds);
      const piece = out.full();
      if (piece !== undefined) yield piece;
    }
    const rest = out.take();
    if (rest.length > 0) yield rest;
  })();
}

/** The whole export as one string (a BOM, then CRLF-ended rows): formatExportCsvPieces joined. */
export function formatExportCsv(table: ExportTable, options: ExportCsvOptions): string {
  return Buffer.concat([...formatExportCsvPieces(table.columns, table.rows, options)]).toString('utf8');
}
