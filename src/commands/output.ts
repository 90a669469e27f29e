/**
 * `--output`, checked before any input is read: a run that is going to refuse its output
 * refuses at once, not after reading and scoring a large year. The same checks run
 * again when the file is written (src/io/write.ts): an input found inside a folder, a file made
 * meanwhile.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { hasErrors, KippError, type Diagnostic } from '../model/diagnostic.js';
import { listInputs } from '../io/files.js';
import { checkOutput, writeOutput } from '../io/write.js';
import type { CommandContext, CommandResult } from './context.js';
import type { InputOptions } from './inputs.js';
import { parseFormat } from './options.js';

/** `--output -` is standard output (none of the file checks apply). */
export function outputFile(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '-') return undefined;
  if (raw.trim() === '') throw new KippError('usage', '--output "": name a file, or - for standard output');
  return raw;
}

/** The extension of a file name, lower-case and without the dot ('' when it has none). */
export function extensionOf(path: string): string {
  return extname(path).slice(1).toLowerCase();
}

/**
 * The format a file's extension names, from a command's table of extensions per format;
 * undefined for a name without an extension (the format then comes from --format).
 * An extension the command cannot write is refused (exit 2), with where to go instead.
 */
export function formatFromExtension<F extends string>(
  path: string,
  extensions: Readonly<Record<F, readonly string[]>>,
  command: string,
): F | undefined {
  const ext = extensionOf(path);
  if (ext === '') return undefined;
  for (const [format, list] of Object.entries(extensions) as [F, readonly string[]][])
    if (list.includes(ext)) return format;
  throw new KippError(
    'usage',
    `--output ${path}: kipp ${command} cannot write a .${ext} file (it writes ${writable(extensions)})${SPREADSHEET.has(ext) ? '; for a spreadsheet use kipp export … --output FILE.xlsx (or .csv)' : ''}`,
  );
}

/**
 * A command's format from --format and --output: the file's extension chooses it when --format
 * is not given; with both, the extension must be one the format is written as (a JSON report in
 * `report.csv` would mislead whoever opens it).
 */
export function formatForOutput<F extends string>(
  raw: string | undefined,
  output: string | undefined,
  formats: readonly F[],
  extensions: Readonly<Record<F, readonly string[]>>,
  fallback: F,
  command: string,
): F {
  const named = output !== undefined ? formatFromExtension(output, extensions, command) : undefined;
  const format = parseFormat<F>(raw, formats, named ?? fallback);
  const ext = output !== undefined ? extensionOf(output) : '';
  if (ext !== '' && !extensions[format].includes(ext)) {
    throw new KippError(
      'usage',
      `--output ${output}: a .${ext} file does not hold --format ${format}; name it .${extensions[format][0]}, or leave out --format so that the extension chooses it`,
    );
  }
  return format;
}

const SPREADSHEET = new Set(['xlsx', 'xls', 'xlsm', 'ods', 'numbers']);

function writable(extensions: Readonly<Record<string, readonly string[]>>): string {
  return [...new Set(Object.values(extensions).flat())].map((e) => `.${e}`).join(', ');
}

/**
 * Every path a run will read, as named on the command line (folders expanded): `--output` may
 * be none of them. A score sheet given as STAGE=FILE counts with and without its stage (the
 * rubric that says which it is has not been read yet).
 */
export function namedInputs(
  entries: readonly string[],
  options: InputOptions,
  ctx: Pick<CommandContext, 'env'>,
): string[] {
  const scores = (options.scores ?? []).flatMap((arg) => {
    const m = /^[A-Za-z][A-Za-z0-9_-]*=(.+)$/.exec(arg);
    return m !== null ? [arg, m[1]!] : [arg];
  });
  const rubric = options.rubric ?? (ctx.env.KIPP_RUBRIC || undefined); // set by src/cli.ts; kept for direct calls
  const named = [
    ...entries,
    ...scores,
    ...(options.judges !== undefined ? [options.judges] : []),
    ...(rubric !== undefined ? [rubric] : []),
  ];
  return named.flatMap((path) => {
    try {
      return listInputs(path);
    } catch {
      return [path]; // missing: the loader says so, once the output is known to be fine
    }
  });
}

/**
 * The output file's preconditions, all before reading: not an input, not there without
 * --force, not a folder, its folder there and writable.
 */
export function checkOutputFirst(path: string, inputs: readonly string[], force: boolean): void {
  if (existsSync(path) && statSync(path).isDirectory())
    throw new KippError('usage', `--output ${path} is a folder: name a file in it`);
  checkOutput(path, { inputs, force });
  const folder = dirname(resolve(path));
  if (!statSync(folder).isDirectory())
    throw new KippError('usage', `cannot write ${path}: ${dirname(path)} is not a folder`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new KippError(
      'usage',
      `cannot write ${path}: the folder ${dirname(path)} is not writable; choose another --output`,
    );
  }
}

/** The problems of a run on stderr, one line each, then how many of each kind. */
export async function printDiagnostics(
  ctx: CommandContext,
  command: string,
  diagnostics: readonly Diagnostic[],
): Promise<void> {
  if (diagnostics.length === 0) return;
  // The wording (chalk, the codes' labels) is loaded only when there is something to say: a
  // clean run does not parse it.
  const { countLine, diagnosticLines } = await import('../report/shared/diagnostics.js');
  for (const line of diagnosticLines(diagnostics, ctx.stderrColor)) ctx.log(line);
  ctx.log(`kipp ${command}: ${countLine(diagnostics)}`);
}

/** How a command ends: see finish. */
export interface Epilogue {
  /** The command's name, which starts each line it says on stderr. */
  command: string;
  /** Said on stderr first; with errors among them the exit is 1 (unless `exit` says otherwise). */
  diagnostics?: readonly Diagnostic[];
  /** Lines said on stderr after the diagnostics (without the `kipp COMMAND: ` that starts them). */
  notes?: readonly string[];
  report: string | Uint8Array | Iterable<string | Uint8Array>;
  /** The file to write (outputFile's answer): undefined for standard output. */
  output: string | undefined;
  /** Every path the run read: the report is never written over one of them. */
  inputs: readonly string[];
  force: boolean;
  exit?: CommandResult['exit'];
  /** What the line on stderr says once the file is written (default: `wrote FILE`). */
  wrote?: string;
}

/**
 * The end every reporting command shares: diagnostics and notes on stderr, then the report
 * written to --output (atomically, never over an input, src/io/write.ts) or handed back for
 * standard output (src/cli.ts writes it).
 */
export async function finish(ctx: CommandContext, end: Epilogue): Promise<CommandResult> {
  const diagnostics = end.diagnostics ?? [];
  await printDiagnostics(ctx, end.command, diagnostics);
  for (const note of end.notes ?? []) ctx.log(`kipp ${end.command}: ${note}`);
  const exit = end.exit ?? (hasErrors(diagnostics) ? 1 : 0);
  if (end.output === undefined) return { output: end.report, exit };
  writeOutput(end.output, end.report, { inputs: end.inputs, force: end.force });
  ctx.log(`kipp ${end.command}: ${end.wrote ?? `wrote ${end.output}`}`);
  return { exit };
}
