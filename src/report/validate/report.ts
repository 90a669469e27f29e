/**
 * What `kipp validate` hands its formatters: the diagnostics to show (sorted, after --strict and
 * --quiet), the counts, and every file that was checked (clean files too: JUnit lists them).
 */
import { messageOf, placeOf, type Diagnostic } from '../../model/diagnostic.js';

export interface ValidateSummary {
  /** Errors and warnings found (warnings hidden by --quiet are still counted). */
  errors: number;
  warnings: number;
  /** Files checked. */
  files: number;
}

export interface ValidateReport {
  diagnostics: Diagnostic[];
  summary: ValidateSummary;
  /** Every file checked, in the order read. */
  files: string[];
  /** Warnings left out by --quiet. */
  hiddenWarnings: number;
  tool: { name: string; version: string; informationUri: string };
}

export interface ValidateFormatOptions {
  color: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning in 3 files" */
export function summaryLine(summary: ValidateSummary): string {
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')} in ${plural(summary.files, 'file')}`;
}

/** The diagnostics of each file, in the order of first appearance; location-less ones under ''. */
export function byFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = d.file ?? '';
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  return groups;
}

/** The message with the entry it is about, for formats that have no field for it. */
export function messageWithEntry(d: Diagnostic, withSheet = true): string {
  // A workbook's sheet and cell lead the message: formats with a line (SARIF, GitHub, JUnit)
  // carry the row as the line, and no format has a place for the sheet.
  const at = withSheet && d.sheet !== undefined ? `${placeOf(d)}: ` : '';
  return d.entry_id !== undefined ? `${at}[${d.entry_id}] ${messageOf(d)}` : `${at}${messageOf(d)}`;
}
