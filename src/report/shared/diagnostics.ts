/**
 * Diagnostics as lines for a terminal (stderr of every command; `kipp validate --format pretty`
 * builds on the same line). Reports that are no terminal take `place` and `countLine` from
 * diagnostic-text.ts, which does not load chalk.
 */
import { Chalk } from 'chalk';
import { messageOf, type Diagnostic } from '../../model/diagnostic.js';
import { place } from './diagnostic-text.js';
import { safeText } from './text.js';

export { countLine, place } from './diagnostic-text.js';

export function diagnosticLine(d: Diagnostic, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const severity = d.severity === 'error' ? c.red('error') : c.yellow('warning');
  const entry = d.entry_id !== undefined ? ` [${safeText(d.entry_id)}]` : '';
  return `${c.dim(place(d))}: ${severity} ${c.bold(d.code)}${entry}: ${safeText(messageOf(d))}`;
}

/** The first `limit` diagnostics as lines, and a line saying how many more there are. */
export function diagnosticLines(diagnostics: readonly Diagnostic[], color: boolean, limit = 50): string[] {
  const lines = diagnostics.slice(0, limit).map((d) => diagnosticLine(d, color));
  if (diagnostics.length > limit)
    lines.push(`… and ${diagnostics.length - limit} more: run \`kipp validate\` for the full list`);
  return lines;
}
