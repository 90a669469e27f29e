/**
 * `kipp agenda`: load → score (→ apply the decisions already taken) → profile the panel → the
 * meeting pack, and with --decisions-template a decisions file with one open item per decision
 * the jury must take.
 */
import { AGENDA_DEFAULTS, buildAgenda } from '../analytics/agenda.js';
import { profileJury } from '../analytics/judges.js';
import { writeOutput } from '../io/write.js';
import { KippError } from '../model/diagnostic.js';
import {
  formatAgendaHtml,
  formatAgendaJson,
  formatAgendaMarkdown,
  formatDecisionsTemplate,
  type AgendaFormat,
} from '../report/analytics/agenda.js';
import { toolVersion } from '../version.js';
import type { Lang } from '../report/shared/labels.js';
import { runSensitivity } from '../analytics/sensitivity.js';
import { scoreWithDetail } from '../scoring/score.js';
import type { CommandContext, CommandResult } from './context.js';
import { decide } from './decide.js';
import { inputPaths, loadInputs, type InputOptions } from './inputs.js';
import { finish } from './output.js';

/** As src/cli.ts declares and parses them. */
export interface AgendaCommandOptions extends InputOptions {
  format?: AgendaFormat;
  output?: string;
  force?: boolean;
  lang?: Lang;
  decisions?: string;
  decisionsTemplate?: string;
  /** Points on the 0–100 total (default 2). */
  margin?: number;
  nearRanks?: number;
  sensitivityRuns?: number;
}

/** Without --format, the --output file's extension decides (.json, .html/.htm), else Markdown. */
function formatOfOutput(output: string | undefined): AgendaFormat {
  const ext = output?.toLowerCase().match(/\.(\w+)$/)?.[1];
  return ext === 'json' ? 'json' : ext === 'html' || ext === 'htm' ? 'html' : 'md';
}

export async function runAgenda(
  entryPaths: string[],
  options: AgendaCommandOptions,
  ctx: CommandContext,
): Promise<CommandResult> {
  const format = options.format ?? formatOfOutput(options.output);
  const { asOf } = options;
  const lang = options.lang ?? ctx.lang;
  const margin = options.margin ?? AGENDA_DEFAULTS.margin;
  const nearRanks = options.nearRanks ?? AGENDA_DEFAULTS.nearRanks;
  if (!options.scores || options.scores.length === 0)
    throw new KippError('usage', "kipp agenda needs the judges' score sheets: --scores FILE...");
  const competition = await loadInputs(entryPaths, options, ctx, 'agenda');
  const runs = options.sensitivityRuns;
  if (runs !== undefined && competition.rubric.stages.length > 0)
    throw new KippError('usage', '--sensitivity-runs: kipp sensitivity does not handle a rubric with stages yet');
  const { result: scored, detail } = scoreWithDetail(competition, { asOf });
  // Borderline entries: the same runs as `kipp sensitivity` (weights ±5 points, seed 1), on the
  // ranking before decisions. Opt-in: a national year's thousand runs take a while.
  const sensitivity =
    runs !== undefined
      ? runSensitivity(scored, detail, { runs, weightSpread: 5, resampleJudges: false, seed: '1' })
      : undefined;
  const result = options.decisions !== undefined ? await decide(scored, options.decisions) : scored;
  const agenda = buildAgenda(result, profileJury(scored), { ...AGENDA_DEFAULTS, margin, nearRanks }, sensitivity);
  const text =
    format === 'json'
      ? formatAgendaJson(agenda)
      : format === 'html'
        ? formatAgendaHtml(agenda, { lang, result, version: toolVersion() })
        : formatAgendaMarkdown(agenda, { lang, result });
  const inputs = [...inputPaths(competition), ...(options.decisions !== undefined ? [options.decisions] : [])];
  // The template is written before the pack, and said after the diagnostics, as the pack is.
  const notes: string[] = [];
  if (options.decisionsTemplate !== undefined) {
    writeOutput(options.decisionsTemplate, formatDecisionsTemplate(agenda), { inputs, force: options.force ?? false });
    notes.push(
      `wrote ${options.decisionsTemplate} (${agenda.ties.length} open item${agenda.ties.length === 1 ? '' : 's'})`,
    );
  }
  return finish(ctx, {
    command: 'agenda',
    diagnostics: result.diagnostics,
    notes,
    report: text,
    output: options.output,
    inputs,
    force: options.force ?? false,
  });
}
