/**
 * `kipp score`: load → score → report.
 */
import { hasErrors, KippError } from '../model/diagnostic.js';
import { withEntries, type ScoreResult } from '../model/result.js';
import { vocabulary } from '../model/vocabulary.js';
import { scoreCompetition } from '../scoring/score.js';
import { diagnosticLines, countLine } from '../report/diagnostics.js';
import { scoreFormatters, SCORE_FORMATS, type ScoreFormat } from '../report/index.js';
import { parseLang } from '../report/labels.js';
import { writeOutput } from '../io/write.js';
import { toolVersion } from '../version.js';
import type { CommandContext, CommandResult } from './context.js';
import { inputPaths, loadInputs, parseAsOf, type InputOptions } from './inputs.js';

export interface ScoreCommandOptions extends InputOptions {
  format?: string;
  output?: string;
  category?: string;
  top?: string;
  lang?: string;
  force?: boolean;
}

export function parseFormat<T extends string>(raw: string | undefined, allowed: readonly T[], fallback: T, option = '--format'): T {
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new KippError('usage', `${option} ${raw}: use one of ${allowed.join(', ')}`);
  return raw as T;
}

export function parseCount(raw: string | undefined, option: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new KippError('usage', `${option} ${raw}: expected a whole number of at least 1`);
  return Number(raw);
}

/** `--output report.json` implies `--format json` (likewise .csv, .md, .html). */
function formatFromPath(path: string | undefined): ScoreFormat | undefined {
  const ext = path?.toLowerCase().match(/\.(\w+)$/)?.[1];
  const byExt: Record<string, ScoreFormat> = { json: 'json', csv: 'csv', md: 'md', markdown: 'md', txt: 'table', html: 'html', htm: 'html' };
  return ext !== undefined ? byExt[ext] : undefined;
}

export function sourceDateEpoch(env: Record<string, string | undefined>): string | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new KippError('usage', `SOURCE_DATE_EPOCH=${raw}: expected whole seconds since 1970`);
  return new Date(Number(raw) * 1000).toISOString();
}

/** `--category` and `--top` narrow what is shown; they never change ranks. */
export function selectEntries(result: ScoreResult, category: string | undefined, top: number | undefined): ScoreResult {
  let entries = result.entries;
  if (category !== undefined) {
    const id = vocabulary(result.rubric).category(category);
    if (id === undefined) throw new KippError('usage', `--category ${category}: not a category of the rubric (${result.rubric.categories.map((c) => c.id).join(', ')})`);
    entries = entries.filter((e) => e.categoryKnown && e.category === id);
  }
  if (top !== undefined) entries = entries.slice(0, top);
  return withEntries(result, entries);
}

export async function runScore(entryPaths: string[], options: ScoreCommandOptions, ctx: CommandContext): Promise<CommandResult> {
  const format = parseFormat<ScoreFormat>(options.format, SCORE_FORMATS, formatFromPath(options.output) ?? 'table');
  const asOf = parseAsOf(options.asOf);
  const top = parseCount(options.top, '--top');
  const lang = parseLang(options.lang) ?? ctx.lang;
  if (options.lang !== undefined && parseLang(options.lang) === undefined) throw new KippError('usage', `--lang ${options.lang}: use en or id`);
  const generated = sourceDateEpoch(ctx.env);
  const competition = loadInputs(entryPaths, options, ctx);
  const result = selectEntries(scoreCompetition(competition, { asOf }), options.category, top);
  for (const line of diagnosticLines(result.diagnostics, ctx.stderrColor)) ctx.log(line);
  if (result.diagnostics.length > 0) ctx.log(`kipp score: ${countLine(result.diagnostics)}`);
  const toFile = options.output !== undefined;
  const text = scoreFormatters[format](result, {
    lang,
    color: format === 'table' && !toFile && ctx.color,
    width: toFile ? 160 : ctx.columns,
    version: toolVersion(),
    ...(generated !== undefined ? { generated } : {}),
  });
  const exit = hasErrors(result.diagnostics) ? 1 : 0;
  if (toFile) {
    writeOutput(options.output!, text, { inputs: inputPaths(competition), force: options.force ?? false });
    ctx.log(`kipp score: wrote ${options.output}`);
    return { exit };
  }
  return { output: text, exit };
}
