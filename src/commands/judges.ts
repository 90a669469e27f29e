/**
 * `kipp judges`: load → score → profile the panel (each stage's on its own) → report.
 */
import { profileJury } from '../analytics/judges.js';
import { hasErrors, KippError } from '../model/diagnostic.js';
import { scoreCompetition } from '../scoring/score.js';
import { countLine, diagnosticLines } from '../report/shared/diagnostics.js';
import { JUDGES_FORMATS, judgesFormatters, type JudgesFormat } from '../report/analytics/judges.js';
import { parseLang } from '../report/shared/labels.js';
import { writeOutput } from '../io/write.js';
import type { CommandContext, CommandResult } from './context.js';
import { inputPaths, loadInputs, parseAsOf, type InputOptions } from './inputs.js';
import { checkOutputFirst, formatForOutput, namedInputs, outputFile } from './output.js';

/** The files `kipp judges --output` writes; the extension chooses the format when --format is not given. */
const JUDGES_EXTENSIONS: Record<JudgesFormat, readonly string[]> = {
  table: ['txt'],
  json: ['json'],
  md: ['md', 'markdown'],
};

export interface JudgesCommandOptions extends InputOptions {
  format?: string;
  output?: string;
  force?: boolean;
  lang?: string;
}

export async function runJudges(
  entryPaths: string[],
  options: JudgesCommandOptions,
  ctx: CommandContext,
): Promise<CommandResult> {
  const output = outputFile(options.output);
  const format = formatForOutput(options.format, output, JUDGES_FORMATS, JUDGES_EXTENSIONS, 'table', 'judges');
  const asOf = parseAsOf(options.asOf);
  if (options.lang !== undefined && parseLang(options.lang) === undefined)
    throw new KippError('usage', `--lang ${options.lang}: use en or id`);
  const lang = parseLang(options.lang) ?? ctx.lang;
  if (!options.scores || options.scores.length === 0)
    throw new KippError('usage', "kipp judges needs the judges' score sheets: --scores FILE...");
  if (output !== undefined) checkOutputFirst(output, namedInputs(entryPaths, options, ctx), options.force ?? false);
  const competition = await loadInputs(entryPaths, options, ctx);
  const result = scoreCompetition(competition, { asOf });
  for (const line of diagnosticLines(result.diagnostics, ctx.stderrColor)) ctx.log(line);
  if (result.diagnostics.length > 0) ctx.log(`kipp judges: ${countLine(result.diagnostics)}`);
  const profile = profileJury(result);
  const toFile = output !== undefined;
  const text = judgesFormatters[format](profile, {
    lang,
    color: format === 'table' && !toFile && ctx.color,
    rubric: result.rubric,
    names: new Map((competition.judges ?? []).map((j) => [j.id, j.name])),
    titles: new Map(result.entries.map((e) => [e.id, e.title])),
  });
  const exit = hasErrors(result.diagnostics) ? 1 : 0;
  if (toFile) {
    writeOutput(output, text, { inputs: inputPaths(competition), force: options.force ?? false });
    ctx.log(`kipp judges: wrote ${output}`);
    return { exit };
  }
  return { output: text, exit };
}
