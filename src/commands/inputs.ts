/**
 * The input options every data command shares (`--scores`, `--judges`, `--rubric`, `--as-of`,
 * `--delimiter`), their checks, and loading with progress on stderr.
 */
import { KippError } from '../model/diagnostic.js';
import type { Competition } from '../model/records.js';
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

export async function loadInputs(entries: string[], options: InputOptions, ctx: CommandContext): Promise<Competition> {
  const progress = ctx.stderrIsTTY ? (message: string) => ctx.log(`kipp: ${message}`) : undefined;
  const minBytes = workerMinBytes(ctx.env);
  const { asOf, delimiter } = options;
  const rubric = await openRubric(rubricPath(options, ctx));
  return readCompetitionAsync(
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
}

/** Every path the run reads (for the never-overwrite-an-input rule). */
export function inputPaths(competition: Competition): string[] {
  return [
    ...competition.inputs.map((i) => i.path),
    ...(competition.rubricSource.path ? [competition.rubricSource.path] : []),
  ];
}
