/**
 * `kipp judges`: load → score → profile the panel (each stage's on its own) → report.
 */
import { profileJury } from '../analytics/judges.js';
import { KippError } from '../model/diagnostic.js';
import { scoreCompetition } from '../scoring/score.js';
import { JUDGES_FORMATS, judgesFormatters, type JudgesFormat } from '../report/analytics/judges.js';
import type { Lang } from '../report/shared/labels.js';
import type { CommandContext, CommandResult } from './context.js';
import { inputPaths, loadInputs, type InputOptions } from './inputs.js';
import { checkOutputFirst, finish, formatForOutput, namedInputs, outputFile } from './output.js';

/** The files `kipp judges --output` writes; the extension chooses the format when --format is not given. */
const JUDGES_EXTENSIONS: Record<JudgesFormat, readonly string[]> = {
  table: ['txt'],
  json: ['json'],
  md: ['md', 'markdown'],
};

/** As src/cli.ts declares and parses them. */
export interface JudgesCommandOptions extends InputOptions {
  format?: JudgesFormat;
  output?: string;
  force?: boolean;
  lang?: Lang;
}

export async function runJudges(
  entryPaths: string[],
  options: JudgesCommandOptions,
  ctx: CommandContext,
): Promise<CommandResult> {
  const output = outputFile(options.output);
  const format = formatForOutput(options.format, output, JUDGES_FORMATS, JUDGES_EXTENSIONS, 'table', 'judges');
  const { asOf } = options;
  const lang = options.lang ?? ctx.lang;
  if (!options.scores || options.scores.length === 0)
    throw new KippError('usage', "kipp judges needs the judges' score sheets: --scores FILE...");
  if (output !== undefined) checkOutputFirst(output, namedInputs(entryPaths, options, ctx), options.force ?? false);
  const competition = await loadInputs(entryPaths, options, ctx, 'judges');
  // The profile reads the records by column and their places, never the sheet's texts.
  const result = scoreCompetition(competition, { asOf, takeSheet: true });
  const profile = profileJury(result);
  const toFile = output !== undefined;
  const text = judgesFormatters[format](profile, {
    lang,
    color: format === 'table' && !toFile && ctx.color,
    rubric: result.rubric,
    names: new Map((competition.judges ?? []).map((j) => [j.id, j.name])),
    titles: new Map(result.entries.map((e) => [e.id, e.title])),
  });
  return finish(ctx, {
    command: 'judges',
    diagnostics: result.diagnostics,
    report: text,
    output,
    inputs: inputPaths(competition),
    force: options.force ?? false,
  });
}
