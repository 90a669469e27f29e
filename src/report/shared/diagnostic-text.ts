/**
 * Where a diagnostic is, and how many there are, as text: what reports that are no terminal
 * (HTML, Markdown, JUnit, GitHub annotations) need. Kept apart from the terminal lines
 * (diagnostics.ts), which load chalk and Node's tty module on import.
 */
import { countSeverities, placeOf, type Diagnostic } from '../../model/diagnostic.js';
import { word, type Lang } from './labels.js';

export function place(d: Diagnostic): string {
  if (d.file === undefined) return 'kipp';
  if (d.sheet !== undefined) return `${d.file}, ${placeOf(d)}`;
  return `${d.file}${d.line !== undefined ? `:${d.line}` : ''}${d.line !== undefined && d.column !== undefined ? `:${d.column}` : ''}`;
}

/** "2 errors, 1 warning" (stderr speaks English; a report passes its language). */
export function countLine(diagnostics: readonly Diagnostic[], lang: Lang = 'en'): string {
  const { errors, warnings } = countSeverities(diagnostics);
  return `${word(errors === 1 ? 'error_one' : 'error_many', lang, { n: errors })}, ${word(warnings === 1 ? 'warning_one' : 'warning_many', lang, { n: warnings })}`;
}
