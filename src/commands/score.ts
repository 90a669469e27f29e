/**
 * `kipp score`: load → score → report.
 */
import { dirname, resolve } from 'node:path';
import type { ScoreResult } from '../model/result.js';
import { vocabulary } from '../model/vocabulary.js';
import { decide } from './decide.js';
import { scoreCompetition } from '../scoring/score.js';
import { selectEntries } from '../scoring/select.js';
import { scoreFormatters, SCORE_FORMATS, type ScoreFormat } from '../report/score/index.js';
import type { Lang } from '../report/shared/labels.js';
import type { ManifestOptions, RunOptions } from '../report/audit/manifest.js';
import { toolVersion } from '../version.js';
import type { CommandContext, CommandResult } from './context.js';
import { inputPaths, loadInputs, type InputOptions } from './inputs.js';
import { checkOutputFirst, finish, formatForOutput, namedInputs, outputFile } from './output.js';
import { sourceDateEpoch } from './options.js';

/** As src/cli.ts declares and parses them. */
export interface ScoreCommandOptions extends InputOptions {
  format?: ScoreFormat;
  output?: string;
  category?: string;
  top?: number;
  lang?: Lang;
  force?: boolean;
  /** The jury's decisions (YAML), applied after ranking. */
  decisions?: string;
}

/** The files `kipp score --output` writes: `report.json` implies `--format json`, and so on. */
export const SCORE_EXTENSIONS: Record<ScoreFormat, readonly string[]> = {
  table: ['txt'],
  json: ['json'],
  csv: ['csv'],
  md: ['md', 'markdown'],
  html: ['html', 'htm'],
};

/** The manifest's options; with --output, input paths are written relative to the report. */
function manifestOptions(result: ScoreResult, options: ScoreCommandOptions, top: number | undefined): ManifestOptions {
  const run: RunOptions = {
    as_of: options.asOf ?? null,
    category: options.category !== undefined ? (vocabulary(result.rubric).category(options.category) ?? null) : null,
    top: top ?? null,
    delimiter: options.delimiter ?? null,
  };
  return options.output !== undefined
    ? { relativeTo: dirname(resolve(options.output)), options: run }
    : { options: run };
}

export async function runScore(
  entryPaths: string[],
  options: ScoreCommandOptions,
  ctx: CommandContext,
): Promise<CommandResult> {
  const output = outputFile(options.output);
  const format = formatForOutput(options.format, output, SCORE_FORMATS, SCORE_EXTENSIONS, 'table', 'score');
  const { asOf, top } = options;
  const lang = options.lang ?? ctx.lang;
  const generated = sourceDateEpoch(ctx.env);
  if (output !== undefined) checkOutputFirst(output, namedInputs(entryPaths, options, ctx), options.force ?? false);
  const competition = await loadInputs(entryPaths, options, ctx, 'score');
  // Nothing below reads the score sheet's texts (its rows' places only, through the records).
  const scored = scoreCompetition(competition, { asOf, takeSheet: true });
  const decided = options.decisions !== undefined ? await decide(scored, options.decisions) : scored;
  const result = selectEntries(decided, options.category, top);
  const manifest = manifestOptions(result, { ...options, output }, top);
  // The table, Markdown and HTML say what --top and --category left out; CSV and JSON are data
  // (the JSON report holds it as `selection`), so a person running them reads it here. Its
  // wording is loaded only then: a clean year written as CSV needs none of it.
  const shown =
    (format === 'csv' || format === 'json') && (options.category !== undefined || top !== undefined)
      ? (await import('../report/score/selection.js')).selectionText(result.selection, result.rubric, lang)
      : null;
  const toFile = output !== undefined;
  const reportOptions = {
    lang,
    color: format === 'table' && !toFile && ctx.color,
    width: toFile ? 160 : ctx.columns,
    version: toolVersion(),
    ...(generated !== undefined ? { generated } : {}),
    manifest,
  };
  return finish(ctx, {
    command: 'score',
    diagnostics: result.diagnostics,
    notes: shown !== null ? [shown] : [],
    report: (await scoreFormatters[format]())(result, reportOptions),
    output,
    inputs: [...inputPaths(competition), ...(options.decisions !== undefined ? [options.decisions] : [])],
    force: options.force ?? false,
  });
}
