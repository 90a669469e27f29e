/**
 * `kipp sensitivity`: load → score → seeded runs → report. A progress bar goes to stderr, and
 * only when stderr is a terminal.
 */
import { runSensitivity } from '../analytics/sensitivity.js';
import { hasErrors, KippError } from '../model/diagnostic.js';
import { parseLang } from '../report/shared/labels.js';
import { scoreWithDetail } from '../scoring/score.js';
import { countLine, diagnosticLines } from '../report/shared/diagnostics.js';
import { SENSITIVITY_FORMATS, sensitivityFormatters, type SensitivityFormat } from '../report/analytics/sensitivity.js';
import type { CommandContext, CommandResult } from './context.js';
import { loadInputs, parseAsOf, type InputOptions } from './inputs.js';
import { parseCount, parseFormat } from './options.js';

export interface SensitivityCommandOptions extends InputOptions {
  runs?: string;
  weightSpread?: string;
  resampleJudges?: boolean;
  seed?: string;
  format?: string;
  lang?: string;
}

export function parseSpread(raw: string | undefined): number {
  if (raw === undefined) return 5;
  const p = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(p) || p < 0 || p > 100)
    throw new KippError('usage', `--weight-spread ${raw}: expected percentage points between 0 and 100`);
  return p;
}

const MAX_RUNS = 1_000_000;

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
  const format = parseFormat<SensitivityFormat>(options.format, SENSITIVITY_FORMATS, 'table');
  const asOf = parseAsOf(options.asOf);
  const runs = parseCount(options.runs ?? '1000', '--runs')!;
  if (options.lang !== undefined && parseLang(options.lang) === undefined)
    throw new KippError('usage', `--lang ${options.lang}: use en or id`);
  if (runs > MAX_RUNS) throw new KippError('usage', `--runs ${runs}: at most ${MAX_RUNS}`);
  const weightSpread = parseSpread(options.weightSpread);
  const seed = options.seed ?? '1';
  if (!options.scores || options.scores.length === 0)
    throw new KippError('usage', "kipp sensitivity needs the judges' score sheets: --scores FILE...");
  const competition = await loadInputs(entryPaths, options, ctx);
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
  for (const line of diagnosticLines(result.diagnostics, ctx.stderrColor)) ctx.log(line);
  if (result.diagnostics.length > 0) ctx.log(`kipp sensitivity: ${countLine(result.diagnostics)}`);
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
    lang: parseLang(options.lang) ?? ctx.lang,
    color: format === 'table' && ctx.color,
    rubric: result.rubric,
  });
  return { output: text, exit: hasErrors(result.diagnostics) ? 1 : 0 };
}

export { runSensitivityCommand as runSensitivity };
