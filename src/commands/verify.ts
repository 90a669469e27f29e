/**
 * `kipp verify REPORT.json`: re-read the inputs the report's manifest names, check their hashes,
 * recompute with the same options, and say what differs. Exit 0 when everything matches, 1 when
 * an input changed or a figure differs, 2 when an input is missing or the file is no report.
 */
import { verifyReport } from '../audit/verify.js';
import { readReport } from '../io/report.js';
import { verifyFormatters, type VerifyFormat } from '../report/audit/verify.js';
import { toolVersion } from '../version.js';
import type { CommandContext, CommandResult } from './context.js';

export interface VerifyCommandOptions {
  format?: VerifyFormat;
}

export async function runVerify(
  reportPath: string,
  options: VerifyCommandOptions,
  ctx: CommandContext,
): Promise<CommandResult> {
  const format = options.format ?? 'text';
  const report = readReport(reportPath);
  const verification = await verifyReport(report, reportPath, { version: toolVersion() });
  if (verification.kipp) {
    ctx.log(
      `kipp verify: the report was written by kipp ${verification.kipp.old}; recomputing with kipp ${verification.kipp.new}`,
    );
  }
  const output = verifyFormatters[format](verification, { report: reportPath });
  const missing = verification.inputs.some((i) => i.status === 'missing');
  return { output, exit: verification.ok ? 0 : missing ? 2 : 1 };
}
