/**
 * `kipp diff OLD.json NEW.json`: what changed between two reports — the inputs behind them,
 * entries that entered or left each shortlist, rank moves and total changes. Always exit 0
 * when both files are reports (the differences are the result); 2 when one is not.
 */
import { diffReports } from '../audit/diff.js';
import { readReport } from '../io/report.js';
import { diffFormatters, type DiffFormat } from '../report/audit/diff.js';
import type { CommandContext, CommandResult } from './context.js';

export interface DiffCommandOptions {
  format?: DiffFormat;
}

export async function runDiff(
  oldPath: string,
  newPath: string,
  options: DiffCommandOptions,
  _ctx: CommandContext,
): Promise<CommandResult> {
  const format = options.format ?? 'text';
  const diff = diffReports(readReport(oldPath), readReport(newPath));
  return { output: diffFormatters[format](diff, { old: oldPath, new: newPath }), exit: 0 };
}
