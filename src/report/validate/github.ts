/**
 * `kipp validate --format github`: GitHub Actions workflow commands, one per problem, which the
 * runner turns into annotations on the pull request's files:
 *   ::error file=F,line=L,col=C,title=CODE::message
 * and, for the job's summary page, a Markdown table (githubStepSummary) that the command appends
 * to the file named by $GITHUB_STEP_SUMMARY.
 */
import { messageOf, type Diagnostic } from '../../model/diagnostic.js';
import { mdCell } from '../shared/text.js';
import { place } from '../shared/diagnostic-text.js';
import { messageWithEntry, summaryLine, type ValidateFormatOptions, type ValidateReport } from './report.js';

// Control characters other than CR and LF (which are escaped) would reach the log as is.
const CONTROLS = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

function neutralize(raw: string): string {
  return raw.replace(CONTROLS, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Escaping of a workflow command's message (GitHub's `escapeData`). */
export function escapeData(raw: string): string {
  return neutralize(raw).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property value (GitHub's `escapeProperty`). */
export function escapeProperty(raw: string): string {
  return escapeData(raw).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubCommand(d: Diagnostic): string {
  const props: string[] = [];
  if (d.file !== undefined) {
    props.push(`file=${escapeProperty(d.file)}`);
    if (d.line !== undefined) {
      props.push(`line=${d.line}`);
      if (d.column !== undefined) props.push(`col=${d.column}`);
    }
  }
  props.push(`title=${escapeProperty(d.code)}`);
  return `::${d.severity} ${props.join(',')}::${escapeData(messageWithEntry(d))}`;
}

export function formatGithub(report: ValidateReport, _options: ValidateFormatOptions): string {
  return `${[...report.diagnostics.map(githubCommand), `kipp validate: ${summaryLine(report.summary)}`].join('\n')}\n`;
}

/** At most this many rows in the job summary (GitHub caps a step summary at 1 MiB). */
export const SUMMARY_ROWS = 200;

/** The Markdown block appended to $GITHUB_STEP_SUMMARY. */
export function githubStepSummary(report: ValidateReport): string {
  const { errors, warnings } = report.summary;
  const mark = errors > 0 ? '❌' : warnings > 0 ? '⚠️' : '✅';
  const out = ['### kipp validate', '', `${mark} **${summaryLine(report.summary)}**`, ''];
  if (report.diagnostics.length > 0) {
    out.push('| severity | code | where | entry | message |', '|---|---|---|---|---|');
    for (const d of report.diagnostics.slice(0, SUMMARY_ROWS)) {
      out.push(
        `| ${d.severity} | \`${d.code}\` | ${d.file !== undefined ? mdCell(place(d)) : '(all inputs)'} | ${mdCell(d.entry_id ?? '')} | ${mdCell(messageOf(d))} |`,
      );
    }
    if (report.diagnostics.length > SUMMARY_ROWS)
      out.push('', `… and ${report.diagnostics.length - SUMMARY_ROWS} more: see the job log or the SARIF report.`);
    out.push('');
  }
  if (report.hiddenWarnings > 0) out.push(`${report.hiddenWarnings} warnings hidden by --quiet.`, '');
  return `${out.join('\n')}\n`;
}
