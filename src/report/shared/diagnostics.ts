/**
 * Diagnostics as lines for a terminal (stderr of every command; `kipp validate --format pretty`
 * builds on the same line).
 */
import { Chalk } from 'chalk';
import { placeOf, type Diagnostic } from '../../model/diagnostic.js';
import { word, type Lang } from './labels.js';
import { safeText } from './text.js';

export function place(d: Diagnostic): string {
  if (d.file === undefined) return 'kipp';
  if (d.sheet !== undefined) return `${d.file}, ${placeOf(d)}`;
  return `${d.file}${d.line !== undefined ? `:${d.line}` : ''}${d.line !== undefined && d.column !== undefined ? `:${d.column}` : ''}`;
}

export function diagnosticLine(d: Diagnostic, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const severity = d.severity === 'error' ? c.red('error') : c.yellow('warning');
  const entry = d.entry_id !== undefined ? ` [${safeText(d.entry_id)}]` : '';
  return `${c.dim(place(d))}: ${severity} ${c.bold(d.code)}${entry}: ${safeText(d.message)}`;
}

/** The first `limit` diagnostics as lines, and a line saying how many more there are. */
export function diagnosticLines(diagnostics: readonly Diagnostic[], color: boolean, limit = 50): string[] {
  const lines = diagnostics.slice(0, limit).map((d) => diagnosticLine(d, color));
  if (diagnostics.length > limit)
    lines.push(`… and ${diagnostics.length - limit} more: run \`kipp validate\` for the full list`);
  return lines;
}

/** "2 errors, 1 warning" (stderr speaks English; a report passes its language). */
export function countLine(diagnostics: readonly Diagnostic[], lang: Lang = 'en'): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${word(errors === 1 ? 'error_one' : 'error_many', lang, { n: errors })}, ${word(warnings === 1 ? 'warning_one' : 'warning_many', lang, { n: warnings })}`;
}
