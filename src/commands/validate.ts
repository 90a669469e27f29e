/**
 * `kipp validate`: load → every rule at once → one report in the format CI reads.
 * Exit 0 clean (warnings allowed), 1 data errors (or more warnings than --max-warnings),
 * 2 usage or configuration (bad option, missing file, invalid rubric — reported in the chosen
 * format too, so that CI shows them like any other problem).
 */
import { appendFileSync } from 'node:fs';
import { compareDiagnostics, diagnostic, KippError, type Diagnostic } from '../model/diagnostic.js';
import { listInputs, MissingFile } from '../io/files.js';
import {
  githubStepSummary,
  validateFormatters,
  VALIDATE_FORMATS,
  type ValidateFormat,
  type ValidateReport,
} from '../report/validate/index.js';
import { summaryLine } from '../report/validate/report.js';
import { validateCompetition } from '../validate/competition.js';
import { applyPolicy, type Policy } from '../validate/policy.js';
import { toolVersion } from '../version.js';
import { assignmentCheck } from './assignment-check.js';
import type { CommandContext, CommandResult } from './context.js';
import { inputPaths, loadInputs, rubricPath, type InputOptions } from './inputs.js';
import { checkOutputFirst, finish, formatForOutput, namedInputs, outputFile } from './output.js';
import { pushAll } from '../model/arrays.js';

/** As src/cli.ts declares and parses them. */
export interface ValidateCommandOptions extends InputOptions {
  format?: ValidateFormat;
  output?: string;
  force?: boolean;
  strict?: boolean;
  maxWarnings?: number;
  quiet?: boolean;
  /** The assignment.csv kipp assign wrote: the score sheets are checked against it. */
  assignment?: string;
}

/** Where SARIF readers send people who want to know more about the tool. */
export const INFORMATION_URI = 'https://www.npmjs.com/package/kipp';

/**
 * The files `kipp validate --output` writes: `kipp.sarif` implies `--format sarif` (likewise
 * .json, .xml and .txt); a SARIF log may also be named .json (`kipp.sarif.json`) with
 * --format sarif, and workflow commands (github) are text.
 */
const VALIDATE_EXTENSIONS: Record<ValidateFormat, readonly string[]> = {
  pretty: ['txt', 'log'],
  json: ['json'],
  junit: ['xml'],
  github: ['txt', 'log'],
  sarif: ['sarif', 'json'],
};

/** Input paths that do not exist, as file-not-found (reported with an invalid rubric). */
function missingInputs(entryPaths: string[], options: ValidateCommandOptions): Diagnostic[] {
  const named: [string, string][] = [
    ...entryPaths.map((p) => [p, 'entries'] as [string, string]),
    ...(options.scores ?? []).map((p) => [p, 'scores'] as [string, string]),
    ...(options.judges !== undefined ? [[options.judges, 'judges'] as [string, string]] : []),
    ...(options.conflicts !== undefined ? [[options.conflicts, 'conflicts'] as [string, string]] : []),
    ...(options.assignment !== undefined ? [[options.assignment, 'assignment'] as [string, string]] : []),
  ];
  const out: Diagnostic[] = [];
  for (const [path, kind] of named) {
    try {
      listInputs(path);
    } catch (err) {
      if (err instanceof MissingFile)
        out.push(diagnostic('file-not-found', `${kind} file not found: check the path`, { file: path }));
      else throw err;
    }
  }
  return out;
}

interface Collected {
  found: Diagnostic[];
  /** Files checked (or, when loading stopped, the files the problems name). */
  files: string[];
  /** Paths this run reads: --output may not be one of them. */
  inputs: string[];
  loadFailed: boolean;
}

/** Load and check everything; a missing file or an invalid rubric becomes diagnostics too. */
async function collect(
  entryPaths: string[],
  options: ValidateCommandOptions,
  asOf: string | undefined,
  ctx: CommandContext,
): Promise<Collected> {
  try {
    const competition = await loadInputs(entryPaths, options, ctx, null);
    const rubricFile = competition.rubricSource.path;
    // The assignment check reads the score sheets after the rules: only without it may they be taken.
    const found = validateCompetition(competition, { asOf, takeSheet: options.assignment === undefined });
    if (options.assignment !== undefined)
      pushAll(found, await assignmentCheck(options.assignment, competition, options.scores ?? []));
    return {
      found: found.sort(compareDiagnostics),
      files: [
        ...competition.inputs.map((i) => i.path),
        ...(rubricFile !== null ? [rubricFile] : []),
        ...(options.assignment !== undefined ? [options.assignment] : []),
      ],
      inputs: [...inputPaths(competition), ...(options.assignment !== undefined ? [options.assignment] : [])],
      loadFailed: false,
    };
  } catch (err) {
    if (!(err instanceof KippError) || err.diagnostics.length === 0) throw err;
    const rubric = rubricPath(options, ctx);
    // The rubric is loaded before the inputs are looked at: name missing inputs too.
    const rubricProblem = err.diagnostics.some((d) => d.code === 'invalid-rubric' || d.file === rubric);
    const found = [...err.diagnostics, ...(rubricProblem ? missingInputs(entryPaths, options) : [])].sort(
      compareDiagnostics,
    );
    return {
      found,
      files: [...new Set(found.flatMap((d) => (d.file !== undefined ? [d.file] : [])))],
      inputs: [
        ...entryPaths,
        ...(options.scores ?? []),
        ...(options.judges !== undefined ? [options.judges] : []),
        ...(rubric !== null ? [rubric] : []),
        ...(options.assignment !== undefined ? [options.assignment] : []),
      ],
      loadFailed: true,
    };
  }
}

export async function runValidate(
  entryPaths: string[],
  options: ValidateCommandOptions,
  ctx: CommandContext,
): Promise<CommandResult> {
  // Options first: a bad option is a usage error before anything is read.
  const output = outputFile(options.output);
  const format = formatForOutput(options.format, output, VALIDATE_FORMATS, VALIDATE_EXTENSIONS, 'pretty', 'validate');
  const { asOf, maxWarnings } = options;
  const policy: Policy = { strict: options.strict ?? false, quiet: options.quiet ?? false, maxWarnings };
  if (output !== undefined) checkOutputFirst(output, namedInputs(entryPaths, options, ctx), options.force ?? false);

  const { found, files, inputs, loadFailed } = await collect(entryPaths, options, asOf, ctx);
  const outcome = applyPolicy(found, policy);
  const report: ValidateReport = {
    diagnostics: outcome.shown,
    summary: { errors: outcome.errors, warnings: outcome.warnings, files: files.length },
    files,
    hiddenWarnings: outcome.hidden,
    tool: { name: 'kipp', version: toolVersion(), informationUri: INFORMATION_URI },
  };
  const toFile = output !== undefined;
  const text = validateFormatters[format](report, { color: format === 'pretty' && !toFile && ctx.color });

  if (format === 'github' && ctx.env.GITHUB_STEP_SUMMARY) {
    try {
      appendFileSync(ctx.env.GITHUB_STEP_SUMMARY, githubStepSummary(report));
    } catch (err) {
      ctx.log(`kipp validate: could not append to $GITHUB_STEP_SUMMARY (${(err as Error).message})`);
    }
  }
  if (maxWarnings !== undefined && outcome.warnings > maxWarnings) {
    ctx.log(`kipp validate: ${outcome.warnings} warnings, more than --max-warnings ${maxWarnings}`);
  }
  // Formats for machines: a human running them still sees the outcome, on stderr.
  const toStdout = output === undefined && (format === 'json' || format === 'junit' || format === 'sarif');
  return finish(ctx, {
    command: 'validate',
    notes: toStdout ? [summaryLine(report.summary)] : [],
    report: text,
    output,
    inputs,
    force: options.force ?? false,
    exit: loadFailed ? 2 : outcome.exit,
    wrote: `${summaryLine(report.summary)}; wrote ${output}`,
  });
}
