/**
 * The export CSV formatter as it was before it streamed (issue 9): csv-stringify over the whole
 * table. Tests hold the streamed bytes to these. Since issue 17.9 a field holding any of `,` `;`
 * tab (not only the delimiter) is quoted, as LibreOffice splits on all three: quoted_match says so.
 */
import { stringify } from 'csv-stringify/sync';
import type { CsvDelimiter } from '../../src/report/export/csv.js';
import { decimalText, neutralizeFormula } from '../../src/report/shared/cells.js';
import type { ExportCell, ExportKind, ExportTable } from '../../src/report/export/table.js';
import { fixed2 } from '../../src/report/shared/text.js';

export function formatWithCsvStringify(t: ExportTable, delimiter: CsvDelimiter): string {
  const decimal = delimiter === ',' ? '.' : ',';
  const cell = (value: ExportCell, kind: ExportKind): string => {
    if (value === null) return '';
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return '';
      return kind === 'number' ? decimalText(fixed2(value), decimal) : String(value);
    }
    return neutralizeFormula(value);
  };
  const header = t.columns.map((c) => neutralizeFormula(c.header));
  const rows = t.rows.map((row) => t.columns.map((c, i) => cell(row[i] ?? null, c.kind)));
  return '\uFEFF' + stringify([header, ...rows], { delimiter, record_delimiter: '\r\n', quoted_match: /[,;\t\r\n]/ });
}
