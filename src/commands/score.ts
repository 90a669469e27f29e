/**
 * `kipp score`: load → score → report.
 */
import { dirname, resolve } from 'node:path';
import { hasErrors, KippError } from '../model/diagnostic.js';
import type { ScoreResult } from '../model/result.js';
import { vocabulary } from '../model/vocabulary.js';
import { decide } from './decide.js';
import { scoreCompetition } from '../scoring/score.js';
import { selectEntries } from '../scoring/select.js';
import { scoreFormatters, SCORE_FORMATS, type ScoreFormat } from '../report/index.js';
import { parseLang } from '../report/labels.js';
import { writeOutput } from '../io/write.js';
import type { ManifestOptions, RunOptions } from '../report/manifest.js';
import { toolVersion } from '../version.js';
import type { CommandContext, CommandResult } from './context.js';
import { inputPaths, loadInputs, parseAsOf, parseDelimiter, type InputOptions } from './inputs.js';
import { checkOutputFirst, formatForOutput, namedInputs, outputFile } from './output.js';
import { parseCount, sourceDateEpoch } from './options.js';

export interface ScoreCommandOptions extends InputOptions {
  format?: string;
  output?: string;
  category?: string;
  top?: string;
  lang?: string;
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
    delimiter: parseDelimiter(options.delimiter) ?? null,
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
  const asOf = parseAsOf(options.asOf);
  const top = parseCount(options.top, '--top');
  const lang = parseLang(options.lang) ?? ctx.lang;
  if (options.lang !== undefined && parseLang(options.lang) === undefined)
    throw new KippError('usage', `--lang ${options.lang}: use en or id`);
  const generated = sourceDateEpoch(ctx.env);
  if (output !== undefined) checkOutputFirst(output, namedInputs(entryPaths, options, ctx), options.force ?? false);
  const competition = await loadInputs(entryPaths, options, ctx);
  const scored = scoreCompetition(competition, { asOf });
  const decided = options.decisions !== undefined ? await decide(scored, options.decisions) : scored;
  const result = selectEntries(decided, options.category, top);
  const manifest = manifestOptions(result, { ...options, output }, top);
  // The diagnostics' and the selection's wording (chalk, the report's labels) is loaded only
  // when there is something to say: a clean year written as CSV needs none of it.
  if (result.diagnostics.length > 0) {
    const { diagnosticLines, countLine } = await import('../report/diagnostics.js');
    for (const line of diagnosticLines(result.diagnostics, ctx.stderrColor)) ctx.log(line);
    ctx.log(`kipp score: ${countLine(result.diagnostics)}`);
  }
  // The table, Markdown and HTML say what --top and --category left out; CSV and JSON are data
  // (the JSON report holds it as `selection`), so a person running them reads it here.
  if ((format === 'csv' || format === 'json') && (options.category !== undefined || top !== undefined)) {
    const shown = (await import('../report/selection.js')).selectionText(result.selection, result.rubric, lang);
    if (shown !== null) ctx.log(`kipp score: ${shown}`);
  }
  const toFile = output !== undefined;
  const reportOptions = {
    lang,
    color: format === 'table' && !toFile && ctx.color,
    width: toFile ? 160 : ctx.columns,
    version: toolVersion(),
    ...(generated !== undefined ? { generated } : {}),
    manifest,
  };
  const exit = hasErrors(result.diagnostics) ? 1 : 0;
  const report = (await scoreFormatters[format]())(result, reportOptions);
  if (toFile) {
    writeOutput(output, report, {
      inputs: [...inputPaths(competition), ...(options.decisions !== undefined ? [options.decisions] : [])],
      force: options.force ?? false,
    });
    ctx.log(`kipp score: wrote ${output}`);
    return { exit };
  }
  return { output: report, exit };
}
