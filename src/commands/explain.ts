/**
 * `kipp explain <id>`: load → score (→ apply the jury's decisions) → explain one entry → report.
 */
import { explainDecisions, explainEntry, findEntries } from '../analytics/explain.js';
import { hasErrors, KippError } from '../model/diagnostic.js';
import { scoreCompetition } from '../scoring/score.js';
import { countLine, diagnosticLines } from '../report/shared/diagnostics.js';
import { explainFormatters, type ExplainFormat } from '../report/analytics/explain.js';
import type { Lang } from '../report/shared/labels.js';
import type { CommandContext, CommandResult } from './context.js';
import { decide } from './decide.js';
import { loadInputs, type InputOptions } from './inputs.js';
import { pushAll } from '../model/arrays.js';

/** As src/cli.ts declares and parses them. */
export interface ExplainCommandOptions extends InputOptions {
  format?: ExplainFormat;
  lang?: Lang;
  /** The jury's decisions (YAML): the derivation ends with what they did to the entry. */
  decisions?: string;
}

export async function runExplain(
  id: string,
  entryPaths: string[],
  options: ExplainCommandOptions,
  ctx: CommandContext,
): Promise<CommandResult> {
  const format = options.format ?? 'text';
  const { asOf } = options;
  const lang = options.lang ?? ctx.lang;
  const competition = await loadInputs(entryPaths, options, ctx, 'explain');
  const result = scoreCompetition(competition, { asOf });
  const wanted = id.trim();
  const found = findEntries(result, wanted);
  if (found.length === 0) {
    const near = result.entries
      .map((e) => e.id)
      .filter((e) => e.toLowerCase().includes(wanted.toLowerCase()))
      .slice(0, 5);
    throw new KippError(
      'usage',
      `no entry with id "${wanted}"${near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : ''}`,
    );
  }
  const explanation = explainEntry(result, wanted)!;
  // The decisions: applied to the whole competition (a removal moves the ranks below it), then
  // told for this entry. A file with errors is applied not at all; its problems are all shown.
  if (options.decisions !== undefined) {
    const decided = await decide(result, options.decisions);
    explanation.decisions = explainDecisions(result, decided, wanted, options.decisions)!;
    // Every problem of the file, whichever entry it names: they decide whether anything applies.
    pushAll(explanation.diagnostics, [
      ...decided.diagnostics.filter((d) => d.code === 'stale-decision' || d.code === 'invalid-decision'),
    ]);
  }
  // The entry's own problems; the rest of the competition's are summed up in one line.
  for (const line of diagnosticLines(explanation.diagnostics, ctx.stderrColor)) ctx.log(line);
  const others = result.diagnostics.filter((d) => !explanation.diagnostics.includes(d)).length;
  if (others > 0)
    ctx.log(
      `kipp explain: ${others} other diagnostic${others === 1 ? '' : 's'} in the competition (run kipp validate): ${countLine(result.diagnostics)}`,
    );
  if (found.length > 1)
    ctx.log(`kipp explain: ${found.length} entries share the id "${wanted}" (duplicate-id): showing the first`);
  const text = explainFormatters[format](explanation, { lang, rubric: result.rubric });
  return { output: text, exit: hasErrors(explanation.diagnostics) ? 1 : 0 };
}
