/**
 * `kipp judges`: load → score → profile the panel (each stage's on its own) → report.
 */
import { profileJury } from '../analytics/judges.js';
import { hasErrors, KippError } from '../model/diagnostic.js';
import { scoreCompetition } from '../scoring/score.js';
import { countLine, diagnosticLines } from '../report/diagnostics.js';
import { JUDGES_FORMATS, judgesFormatters, type JudgesFormat } from '../report/analytics/judges.js';
import { parseLang } from '../report/labels.js';
import { writeOutput } from '../io/write.js';
import type { CommandContext, CommandResult } from './context.js';
import { inputPaths, loadInputs, parseAsOf, type InputOptions } from './inputs.js';
import { parseFormat } from './score.js';

export interface JudgesCommandOptions extends InputOptions {
  format?: string;
  output?: string;
  force?: boolean;
  lang?: string;
}

export async function runJudges(entryPaths: string[], options: JudgesCommandOptions, ctx: CommandContext): Promise<CommandResult> {
  const format = parseFormat<JudgesFormat>(options.format, JUDGES_FORMATS, 'table');
  const asOf = parseAsOf(options.asOf);
  if (options.lang !== undefined && parseLang(options.lang) === undefined) throw new KippError('usage', `--lang ${options.lang}: use en or id`);
  const lang = parseLang(options.lang) ?? ctx.lang;
  if (!options.scores || options.scores.length === 0) throw new KippError('usage', 'kipp judges needs the judges\' score sheets: --scores FILE...');
  const competition = await loadInputs(entryPaths, options, ctx);
  const result = scoreCompetition(competition, { asOf });
  for (const line of diagnosticLines(result.diagnostics, ctx.stderrColor)) ctx.log(line);
  if (result.diagnostics.length > 0) ctx.log(`kipp judges: ${countLine(result.diagnostics)}`);
  const profile = profileJury(result);
  const toFile = options.output !== undefined;
  const text = judgesFormatters[format](profile, {
    lang,
    color: format === 'table' && !toFile && ctx.color,
    rubric: result.rubric,
    names: new Map((competition.judges ?? []).map((j) => [j.id, j.name])),
    titles: new Map(result.entries.map((e) => [e.id, e.title])),
  });
  const exit = hasErrors(result.diagnostics) ? 1 : 0;
  if (toFile) {
    writeOutput(options.output!, text, { inputs: inputPaths(competition), force: options.force ?? false });
    ctx.log(`kipp judges: wrote ${options.output}`);
    return { exit };
  }
  return { output: text, exit };
}
