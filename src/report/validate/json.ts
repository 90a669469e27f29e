/**
 * `kipp validate --format json`: `{ "diagnostics": [...], "summary": { errors, warnings, files } }`.
 * Keys in a fixed order and absent fields omitted, so the same inputs give the same bytes.
 */
import { cellOf, messageOf, type Diagnostic } from '../../model/diagnostic.js';
import type { ValidateFormatOptions, ValidateReport } from './report.js';

/** A diagnostic with its keys in the order `kipp validate --format json` writes them. */
export function diagnosticJson(d: Diagnostic): Record<string, string | number> {
  const out: Record<string, string | number> = { code: d.code, severity: d.severity };
  if (d.file !== undefined) out.file = d.file;
  if (d.sheet !== undefined) out.sheet = d.sheet;
  const cell = cellOf(d);
  if (cell !== undefined && !cell.startsWith('row')) out.cell = cell;
  if (d.line !== undefined) out.line = d.line;
  if (d.column !== undefined) out.column = d.column;
  if (d.field !== undefined) out.field = d.field;
  if (d.entry_id !== undefined) out.entry_id = d.entry_id;
  out.message = messageOf(d);
  if (d.omitted !== undefined && d.omitted > 0) out.omitted = d.omitted;
  return out;
}

export function formatJson(report: ValidateReport, _options: ValidateFormatOptions): string {
  const body = {
    diagnostics: report.diagnostics.map(diagnosticJson),
    summary: { errors: report.summary.errors, warnings: report.summary.warnings, files: report.summary.files },
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
