/**
 * `kipp export … --output F.csv`: the export table as CSV that Excel and LibreOffice open as
 * intended.
 * - UTF-8 with a byte-order mark: without it Excel reads the file as the ANSI code page and
 *   breaks every non-ASCII title ("Café" → "CafÃ©").
 * - `,` by default; with `;` (or tab) the figures use a decimal comma, which is what Excel in
 *   Indonesian locale (list separator `;`, decimal separator `,`) splits and reads as numbers.
 * - CRLF line ends (RFC 4180); a field is quoted when it holds the delimiter, a quote or any line break.
 * - Every text cell, headers included, goes through OWASP's formula-injection guard
 *   (`neutralizeFormula`): a leading `=`, `+`, `-`, `@`, tab or CR, or their full-width forms,
 *   gets a `'` in front. Figures are never prefixed.
 */
import { stringify } from 'csv-stringify/sync';
import { decimalText, neutralizeFormula } from './cells.js';
import type { ExportCell, ExportKind, ExportTable } from './export-table.js';
import { fixed2 } from './text.js';

export type CsvDelimiter = ',' | ';' | '\t';

export interface ExportCsvOptions {
  delimiter: CsvDelimiter;
}

const BOM = '\uFEFF';

function csvCell(value: ExportCell, kind: ExportKind, decimal: '.' | ','): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return kind === 'number' ? decimalText(fixed2(value), decimal) : String(value);
  }
  return neutralizeFormula(value);
}

export function formatExportCsv(table: ExportTable, options: ExportCsvOptions): string {
  const decimal = options.delimiter === ',' ? '.' : ',';
  const header = table.columns.map((c) => neutralizeFormula(c.header));
  const rows = table.rows.map((row) => table.columns.map((c, i) => csvCell(row[i] ?? null, c.kind, decimal)));
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not a bare LF or CR:
  // without `quoted_match` a title with a line break would split the row in Excel.
  return BOM + stringify([header, ...rows], { delimiter: options.delimiter, record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}
