/**
 * `kipp validate --format pretty`: problems grouped by file, one line each (line:column,
 * severity, code, entry, message), and a closing summary line. Clean data: the summary alone.
 */
import { Chalk } from 'chalk';
import { messageOf, placeOf, type Diagnostic } from '../../model/diagnostic.js';
import { safeText } from '../shared/text.js';
import { byFile, summaryLine, type ValidateFormatOptions, type ValidateReport } from './report.js';

/** line:column, or in a workbook `sheet "Nilai", cell F12`. */
function position(d: Diagnostic): string {
  return placeOf(d);
}

export function formatPretty(report: ValidateReport, options: ValidateFormatOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  const groups = byFile(report.diagnostics);
  // Location-less problems (about the whole run) come last, under a heading of their own.
  const files = [...groups.keys()].filter((f) => f !== '');
  if (groups.has('')) files.push('');
  for (const file of files) {
    const list = groups.get(file)!;
    // A loop, not Math.max(...list): a file may hold more problems than a call has arguments.
    let posWidth = 0;
    let codeWidth = 0;
    for (const d of list) {
      posWidth = Math.max(posWidth, position(d).length);
      codeWidth = Math.max(codeWidth, d.code.length);
    }
    out.push(file === '' ? c.bold('(all inputs)') : c.bold.underline(safeText(file)));
    for (const d of list) {
      const pos = position(d).padEnd(posWidth);
      const severity = d.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      const entry = d.entry_id !== undefined ? `${c.cyan(`[${safeText(d.entry_id)}]`)} ` : '';
      const lead = posWidth > 0 ? `${c.dim(pos)}  ` : '';
      out.push(`  ${lead}${severity}  ${c.bold(d.code.padEnd(codeWidth))}  ${entry}${safeText(messageOf(d))}`);
    }
    out.push('');
  }
  const line = summaryLine(report.summary);
  const hidden = report.hiddenWarnings > 0 ? ` (${report.hiddenWarnings} hidden by --quiet)` : '';
  if (report.summary.errors > 0) out.push(c.red.bold(`✖ ${line}${hidden}`));
  else if (report.summary.warnings > 0) out.push(c.yellow.bold(`⚠ ${line}${hidden}`));
  else out.push(c.green.bold(`✔ ${line}`));
  return `${out.join('\n')}\n`;
}
