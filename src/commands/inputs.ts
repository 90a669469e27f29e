/**
 * The input options every data command shares (`--scores`, `--judges`, `--rubric`, `--as-of`,
 * `--delimiter`), their checks, and loading with progress on stderr.
 */
import { KippError } from '../model/diagnostic.js';
import type { Competition } from '../model/records.js';
import type { FileKind } from '../model/names.js';
import type { Delimiter } from '../io/csv.js';
import { readCompetitionAsync } from '../io/load.js';
import { openRubric } from '../io/rubric-source.js';
import { referenceDate } from '../scoring/score.js';
import { prepareEntryChecks } from '../validate/entries.js';
import type { CommandContext } from './context.js';

export interface InputOptions {
  scores?: string[];
  judges?: string;
  /** Declared conflicts: judge_id, entry_id, reason. */
  conflicts?: string;
  /** Without it, $KIPP_RUBRIC (src/cli.ts fills it in), else the embedded rubric. */
  rubric?: string;
  /** Parsed where it is declared (src/commands/options.ts): a real date as YYYY-MM-DD. */
  asOf?: string;
  delimiter?: Delimiter;
}

export { parseAsOf, parseDelimiter } from './options.js';

export function rubricPath(options: InputOptions, ctx: CommandContext): string | null {
  return options.rubric ?? (ctx.env.KIPP_RUBRIC || null);
}

/**
 * KIPP_WORKER_MIN_BYTES: score files of at least this many bytes in all are read by worker
 * threads (default 16 MiB; `off` never). Tests set 0 to run the threaded path on small fixtures.
 */
export function workerMinBytes(env: CommandContext['env']): number | undefined {
  const raw = env.KIPP_WORKER_MIN_BYTES?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'off') return Infinity;
  const bytes = Number(raw);
  if (!Number.isFinite(bytes) || bytes < 0)
    throw new KippError('usage', `KIPP_WORKER_MIN_BYTES=${raw}: give a number of bytes, or off`);
  return bytes;
}

/**
 * Every input read (workbooks, worker threads, progress on stderr). `command` names a command that
 * ranks or reports on the year: it stops when a file gave nothing to read (stopOnUnreadFiles);
 * null for those that report every problem themselves (validate) or stop at any error (assign).
 */
export async function loadInputs(
  entries: string[],
  options: InputOptions,
  ctx: CommandContext,
  command: string | null,
): Promise<Competition> {
  const progress = ctx.stderrIsTTY ? (message: string) => ctx.log(`kipp: ${message}`) : undefined;
  const minBytes = workerMinBytes(ctx.env);
  const { asOf, delimiter } = options;
  const rubric = await openRubric(rubricPath(options, ctx));
  const competition = await readCompetitionAsync(
    {
      entries,
      scores: options.scores ?? [],
      judges: options.judges,
      conflicts: options.conflicts,
      delimiter,
      ...(progress ? { progress } : {}),
      note: (message: string) => ctx.log(`kipp: ${message}`),
      ...(minBytes !== undefined ? { workerMinBytes: minBytes } : {}),
      // The entry checks every scoring command runs, done while a large score sheet is still read.
      meanwhile: ({ rubric, entries }) => prepareEntryChecks(entries, rubric, referenceDate(rubric, asOf)),
    },
    rubric,
  );
  if (command !== null) stopOnUnreadFiles(competition, command);
  return competition;
}

/** What a report made without a file of each kind would leave out. */
const LEFT_OUT: Record<FileKind, string> = {
  entries: 'entries',
  scores: "judges' scores",
  judges: 'the judges, and the conflicts of interest their agencies show',
  conflicts: 'declared conflicts of interest',
};

/**
 * A file that gave nothing to read (a `.ods` among the judges' sheets, an empty upload, a sheet
 * without the columns kipp needs) stops a ranking command with exit 1 and no report: ranked
 * without it, entries would be left out or ranked on fewer judges, in a report that looks whole.
 * The errors that say why come first (at most 20 of them), then what to do.
 */
export function stopOnUnreadFiles(competition: Competition, command: string): void {
  const unread = competition.unreadFiles ?? [];
  if (unread.length === 0) return;
  const paths = new Set(unread.map((f) => f.path));
  const why = competition.diagnostics.filter(
    (d) => d.severity === 'error' && d.file !== undefined && paths.has(d.file),
  );
  const shown = why.slice(0, 20);
  const them = unread.length === 1 ? 'it' : 'them';
  const files = unread.map((f) => `${f.path} (${f.kind})`).join(', ');
  const leftOut = [...new Set(unread.map((f) => LEFT_OUT[f.kind]))].join(' and ');
  const more = why.length > shown.length ? ` and ${why.length - shown.length} more in ${them}` : '';
  const others = competition.diagnostics.length - why.length;
  throw new KippError(
    'data',
    `${command}: stopped`,
    shown,
    [
      `kipp ${command}: stopped, nothing written: ${files} gave nothing to read.`,
      `Without ${them}, a report would leave out ${leftOut}, and still look complete. Correct ${them} (the errors above${more} say how), or leave ${them} off the command line.`,
      ...(others > 0
        ? [`${others} other problem${others === 1 ? '' : 's'} found: \`kipp validate\` lists every one.`]
        : []),
    ].join('\n'),
  );
}

/** Every path the run reads (for the never-overwrite-an-input rule). */
export function inputPaths(competition: Competition): string[] {
  return [
    ...competition.inputs.map((i) => i.path),
    ...(competition.rubricSource.path ? [competition.rubricSource.path] : []),
  ];
}
