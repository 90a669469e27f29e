/**
 * `kipp sensitivity`: load → score → seeded runs → report. A progress bar goes to stderr, and
 * only when stderr is a terminal.
 */
import { runSensitivity } from '../analytics/sensitivity.js';
import { hasErrors, KippError } from '../model/diagnostic.js';
import type { Lang } from '../report/shared/labels.js';
import { scoreWithDetail } from '../scoring/score.js';
import { sensitivityFormatters, type SensitivityFormat } from '../report/analytics/sensitivity.js';
import type { CommandContext, CommandResult } from './context.js';
import { loadInputs, type InputOptions } from './inputs.js';
import { printDiagnostics } from './output.js';

/** As src/cli.ts declares and parses them. */
export interface SensitivityCommandOptions extends InputOptions {
  /** At most MAX_RUNS (src/commands/options.ts); default 1000. */
  runs?: number;
  /** Percentage points, 0 to 100; default 5. */
  weightSpread?: number;
  resampleJudges?: boolean;
  seed?: string;
  format?: SensitivityFormat;
  lang?: Lang;
}

/** A bar redrawn in place: `[██████······] 512/1000`. */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  return `\r[${'█'.repeat(filled)}${'·'.repeat(width - filled)}] ${done}/${total}`;
}

export async function runSensitivityCommand(
  entryPaths: string[],
  options: SensitivityCommandOptions,
  ctx: CommandContext,
): Promise<CommandResult> {
  const format = options.format ?? 'table';
  const { asOf } = options;
  const runs = options.runs ?? 1000;
  const weightSpread = options.weightSpread ?? 5;
  const seed = options.seed ?? '1';
  if (!options.scores || options.scores.length === 0)
    throw new KippError('usage', "kipp sensitivity needs the judges' score sheets: --scores FILE...");
  const competition = await loadInputs(entryPaths, options, ctx, 'sensitivity');
  // Re-ranking moves the criterion weights inside one scoring; a staged final total is a
  // weighted mean of separately scored stages, which the runs do not model yet. Refuse rather
  // than report the first stage's stability as if it were the final ranking's.
  if (competition.rubric.stages.length > 0) {
    throw new KippError(
      'usage',
      `kipp sensitivity does not handle a rubric with stages yet (${competition.rubric.stages.map((s) => s.name).join(', ')}): run it on one stage's sheets with a copy of the rubric without its stages: key`,
    );
  }
  const { result, detail } = scoreWithDetail(competition, { asOf });
  await printDiagnostics(ctx, 'sensitivity', result.diagnostics);
  const bar = ctx.stderrIsTTY && ctx.writeErr ? ctx.writeErr : undefined;
  const step = Math.max(1, Math.floor(runs / 100));
  const outcome = runSensitivity(result, detail, {
    runs,
    weightSpread,
    resampleJudges: options.resampleJudges ?? false,
    seed,
    ...(bar
      ? {
          onProgress: (done: number, total: number) =>
            (done % step === 0 || done === total) && bar(progressBar(done, total)),
        }
      : {}),
  });
  if (bar) bar('\r\u001b[2K');
  const text = sensitivityFormatters[format](outcome, {
    lang: options.lang ?? ctx.lang,
    color: format === 'table' && ctx.color,
    rubric: result.rubric,
  });
  return { output: text, exit: hasErrors(result.diagnostics) ? 1 : 0 };
}

export { runSensitivityCommand as runSensitivity };
