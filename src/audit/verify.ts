/**
 * verifyReport: take a published JSON report, re-read the inputs its manifest names (paths
 * relative to the report's folder), check their sha256, recompute with the same options and
 * diff the figures. Reads files; never touches the process (the command decides the exit code).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KippError } from '../model/diagnostic.js';
import type { InputKind } from '../model/records.js';
import { reportSchema, type KippReport } from '../model/report.js';
import { sha256 } from '../io/files.js';
import { loadCompetitionAsync } from '../io/competition.js';
import { DEFAULT_RUBRIC_FILE, loadRubric, rubricsDir } from '../io/rubric.js';
import type { Delimiter } from '../io/csv.js';
import { jsonReport } from '../report/score/json.js';
import type { RunOptions } from '../report/audit/manifest.js';
import { applyDecisions } from '../decisions/apply.js';
import { readDecisions } from '../io/decisions.js';
import { scoreCompetition } from '../scoring/score.js';
import { selectEntries } from '../scoring/select.js';
import { diffReports, figuresEqual, type Change, type ReportDiff } from './diff.js';

export type InputStatus = 'unchanged' | 'changed' | 'missing';

export interface InputCheck {
  kind: InputKind;
  /** As the report names it (`(embedded) rubrics/…` for the rubric inside the tool). */
  path: string;
  /** Where it was found; null when missing. */
  resolved: string | null;
  status: InputStatus;
  recorded: string;
  actual: string | null;
}

export interface Verification {
  /** The tool that wrote the report and the one verifying, when they differ. */
  kipp?: Change<string>;
  inputs: InputCheck[];
  /** The figures recomputed from the inputs against the report's; null when not recomputed. */
  diff: ReportDiff | null;
  /** Why the figures were not recomputed (a missing input, or inputs that no longer load). */
  notRecomputed?: string;
  /** Every input unchanged and every figure equal. */
  ok: boolean;
}

export interface VerifyOptions {
  /** The running tool's version (recomputed reports carry it). */
  version: string;
}

/**
 * Finds an input: relative to the report's folder (reports written with --output), else relative
 * to the working folder (a report redirected from stdout names paths as typed). The hash decides
 * whether what was found is the archived file.
 */
function locate(path: string, base: string): string | null {
  if (isAbsolute(path)) return existsSync(path) ? path : null;
  for (const candidate of [resolve(base, path), resolve(path)]) if (existsSync(candidate)) return candidate;
  return null;
}

function check(kind: InputKind, path: string, recorded: string, resolved: string | null): InputCheck {
  if (resolved === null) return { kind, path, resolved, status: 'missing', recorded, actual: null };
  let actual: string;
  try {
    actual = sha256(readFileSync(resolved));
  } catch {
    return { kind, path, resolved, status: 'missing', recorded, actual: null };
  }
  return { kind, path, resolved, status: actual === recorded ? 'unchanged' : 'changed', recorded, actual };
}

export async function verifyReport(
  report: KippReport,
  reportPath: string,
  options: VerifyOptions,
): Promise<Verification> {
  const base = dirname(resolve(reportPath));
  const stdin = report.inputs.filter((i) => i.path === '-');
  if (stdin.length > 0) {
    throw new KippError(
      'usage',
      `${reportPath}: the report was made from standard input ("-"), which cannot be re-read: score from files to get a report that can be verified`,
    );
  }
  const rubricPath = report.rubric.path ?? null;
  const rubricCheck =
    rubricPath === null
      ? check(
          'rubric',
          `(embedded) rubrics/${DEFAULT_RUBRIC_FILE}`,
          report.rubric.sha256,
          fileURLToPath(new URL(DEFAULT_RUBRIC_FILE, rubricsDir())),
        )
      : check('rubric', rubricPath, report.rubric.sha256, locate(rubricPath, base));
  const inputs = [rubricCheck, ...report.inputs.map((i) => check(i.kind, i.path, i.sha256, locate(i.path, base)))];
  const verification: Verification = { inputs, diff: null, ok: false };
  if (report.kipp !== options.version) verification.kipp = { old: report.kipp, new: options.version };

  const missing = inputs.filter((i) => i.status === 'missing');
  if (missing.length > 0) {
    verification.notRecomputed = `${missing.length === 1 ? 'an input is' : `${missing.length} inputs are`} missing`;
    return verification;
  }
  const changed = inputs.some((i) => i.status === 'changed');
  // A workbook is read at the sheet the report was made from (`FILE.xlsx#Sheet`).
  const at = (k: number) =>
    `${inputs[k + 1]!.resolved!}${report.inputs[k]!.sheet !== undefined ? `#${report.inputs[k]!.sheet}` : ''}`;
  const files = (kind: InputKind) => report.inputs.flatMap((input, k) => (input.kind === kind ? [at(k)] : []));
  const run: RunOptions = {
    as_of: report.options?.as_of ?? null,
    category: report.options?.category ?? null,
    top: report.options?.top ?? null,
    delimiter: report.options?.delimiter ?? null,
  };
  let recomputed: KippReport;
  try {
    const judges = files('judges');
    const competition = await loadCompetitionAsync(
      {
        entries: files('entries'),
        // A sheet given as `--scores STAGE=FILE` is read for that stage again.
        scores: report.inputs.flatMap((input, k) =>
          input.kind !== 'scores' ? [] : [input.stage !== undefined ? `${input.stage}=${at(k)}` : at(k)],
        ),
        judges: judges.length === 0 ? undefined : judges,
        conflicts: files('conflicts'),
        delimiter: (run.delimiter ?? undefined) as Delimiter | undefined,
      },
      loadRubric(rubricPath === null ? null : rubricCheck.resolved),
    );
    // A file that gives nothing to read as the manifest names it (`kipp score` stops on one):
    // no report can have come from these inputs so read.
    const unread = competition.unreadFiles ?? [];
    if (unread.length > 0) {
      verification.notRecomputed = `${unread.map((f) => `${f.path} (${f.kind})`).join(', ')} ${unread.length === 1 ? 'gives' : 'give'} nothing to read as the manifest names ${unread.length === 1 ? 'it' : 'them'}, and kipp score writes no report without ${unread.length === 1 ? 'it' : 'them'}`;
      return verification;
    }
    // The report's effective reference date, not today's: "today" has moved on since.
    const scored = scoreCompetition(competition, { asOf: report.as_of });
    // The jury's decisions are applied again: the published lists are re-derived, not copied.
    const decisionFiles = files('decisions');
    const decided = decisionFiles.length > 0 ? applyDecisions(scored, readDecisions(decisionFiles[0]!)) : scored;
    const result = selectEntries(decided, run.category ?? undefined, run.top ?? undefined);
    const json = jsonReport(result, { version: options.version, manifest: { relativeTo: base, options: run } });
    recomputed = reportSchema.parse(JSON.parse(JSON.stringify(json)));
  } catch (err) {
    // A changed rubric or sheet may no longer load at all: the changed input is the finding.
    if (changed && err instanceof KippError) {
      verification.notRecomputed = `the changed inputs no longer load: ${err.message}`;
      return verification;
    }
    throw err;
  }
  verification.diff = diffReports(report, recomputed);
  verification.ok = !changed && figuresEqual(verification.diff);
  return verification;
}
