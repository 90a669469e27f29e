/**
 * `kipp agenda`: load → score (→ apply the decisions already taken) → profile the panel → the
 * meeting pack, and with --decisions-template a decisions file with one open item per decision
 * the jury must take.
 */
import { AGENDA_DEFAULTS, buildAgenda } from '../analytics/agenda.js';
import { profileJury } from '../analytics/judges.js';
import { writeOutput } from '../io/write.js';
import { hasErrors, KippError } from '../model/diagnostic.js';
import {
  AGENDA_FORMATS,
  formatAgendaHtml,
  formatAgendaJson,
  formatAgendaMarkdown,
  formatDecisionsTemplate,
  type AgendaFormat,
} from '../report/analytics/agenda.js';
import { toolVersion } from '../version.js';
import { countLine, diagnosticLines } from '../report/shared/diagnostics.js';
import { parseLang } from '../report/shared/labels.js';
import { runSensitivity } from '../analytics/sensitivity.js';
import { scoreWithDetail } from '../scoring/score.js';
import type { CommandContext, CommandResult } from './context.js';
import { decide } from './decide.js';
import { inputPaths, loadInputs, parseAsOf, type InputOptions } from './inputs.js';
import { parseCount, parseFormat } from './options.js';

export interface AgendaCommandOptions extends InputOptions {
  format?: string;
  output?: string;
  force?: boolean;
  lang?: string;
  decisions?: string;
  decisionsTemplate?: string;
  margin?: string;
  nearRanks?: string;
  sensitivityRuns?: string;
}

/** Without --format, the --output file's extension decides (.json, .html/.htm), else Markdown. */
function formatOfOutput(output: string | undefined): AgendaFormat {
  const ext = output?.toLowerCase().match(/\.(\w+)$/)?.[1];
  return ext === 'json' ? 'json' : ext === 'html' || ext === 'htm' ? 'html' : 'md';
}

function parseMargin(raw: string | undefined): number {
  if (raw === undefined) return AGENDA_DEFAULTS.margin;
  const m = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(m) || m < 0)
    throw new KippError('usage', `--margin ${raw}: expected points on the 0–100 total, 0 or more (e.g. 2)`);
  return m;
}

export async function runAgenda(
  entryPaths: string[],
  options: AgendaCommandOptions,
  ctx: CommandContext,
): Promise<CommandResult> {
  const format = parseFormat<AgendaFormat>(options.format, AGENDA_FORMATS, formatOfOutput(options.output));
  const asOf = parseAsOf(options.asOf);
  if (options.lang !== undefined && parseLang(options.lang) === undefined)
    throw new KippError('usage', `--lang ${options.lang}: use en or id`);
  const lang = parseLang(options.lang) ?? ctx.lang;
  const margin = parseMargin(options.margin);
  const nearRanks = parseCount(options.nearRanks, '--near-ranks') ?? AGENDA_DEFAULTS.nearRanks;
  if (!options.scores || options.scores.length === 0)
    throw new KippError('usage', "kipp agenda needs the judges' score sheets: --scores FILE...");
  const competition = await loadInputs(entryPaths, options, ctx);
  const runs = parseCount(options.sensitivityRuns, '--sensitivity-runs');
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
  for (const line of diagnosticLines(result.diagnostics, ctx.stderrColor)) ctx.log(line);
  if (result.diagnostics.length > 0) ctx.log(`kipp agenda: ${countLine(result.diagnostics)}`);
  const agenda = buildAgenda(result, profileJury(scored), { ...AGENDA_DEFAULTS, margin, nearRanks }, sensitivity);
  const text =
    format === 'json'
      ? formatAgendaJson(agenda)
      : format === 'html'
        ? formatAgendaHtml(agenda, { lang, result, version: toolVersion() })
        : formatAgendaMarkdown(agenda, { lang, result });
  const inputs = [...inputPaths(competition), ...(options.decisions !== undefined ? [options.decisions] : [])];
  const exit = hasErrors(result.diagnostics) ? 1 : 0;
  if (options.decisionsTemplate !== undefined) {
    writeOutput(options.decisionsTemplate, formatDecisionsTemplate(agenda), { inputs, force: options.force ?? false });
    ctx.log(
      `kipp agenda: wrote ${options.decisionsTemplate} (${agenda.ties.length} open item${agenda.ties.length === 1 ? '' : 's'})`,
    );
  }
  if (options.output !== undefined) {
    writeOutput(options.output, text, { inputs, force: options.force ?? false });
    ctx.log(`kipp agenda: wrote ${options.output}`);
    return { exit };
  }
  return { output: text, exit };
}
