/**
 * Stages (rounds of judging: desk evaluation, presentation, ...). Each stage is scored on its
 * own, so the score rows are first split by their stage: a row without a stage, or naming one the
 * rubric does not define, is a diagnostic and is dropped. Each part is a competition of its own
 * (the same entries and judges, the stage's rows, a rubric without stages) that docs/reference/scoring.md
 * steps 1–7 run on unchanged.
 */
import { diagnostic, quoted, type Diagnostic } from '../model/diagnostic.js';
import type { Competition } from '../model/records.js';
import type { Rubric, Stage } from '../model/rubric.js';
import { ScoreSheet } from '../model/scoresheet.js';
import { vocabulary } from '../model/vocabulary.js';
import { checkEntries } from './entries.js';
import { checkPanelOf } from './panel.js';
import { checkScores } from './scores.js';
import { pushAll } from '../model/arrays.js';

export interface StagePart {
  stage: Stage;
  /** The stage's own competition: its rows only, a rubric without stages or shortlists. */
  competition: Competition;
}

/** The rubric one stage is scored with: no stages, no shortlists, no final thresholds. */
export function stageRubric(rubric: Rubric, stage: Stage): Rubric {
  return {
    ...rubric,
    stages: [],
    shortlists: [],
    thresholds: { criteria: {} },
    minJudges: stage.minJudges ?? rubric.minJudges,
  };
}

export function splitStages(competition: Competition): { parts: StagePart[]; diagnostics: Diagnostic[] } {
  const { rubric } = competition;
  const vocab = vocabulary(rubric);
  const diagnostics: Diagnostic[] = [];
  const sheets = rubric.stages.map(() => new ScoreSheet());
  const index = new Map(rubric.stages.map((s, i) => [s.name, i]));
  const sheet = ScoreSheet.from(competition.scores);
  // Stage values repeat: each distinct one is looked up once.
  const resolved = new Map<string, string | undefined>();
  for (let i = 0; i < sheet.length; i++) {
    const raw = sheet.stage(i);
    let name = resolved.get(raw);
    if (name === undefined && !resolved.has(raw)) resolved.set(raw, (name = raw === '' ? undefined : vocab.stage(raw)));
    if (name !== undefined) {
      sheets[index.get(name)!]!.copyRow(sheet, i);
      continue;
    }
    const column = sheet.stageColumns.get(sheet.fileIndexOf(i));
    const at = { file: sheet.file(i), line: sheet.line(i), column, field: 'stage', entry_id: sheet.entryId(i) };
    if (raw === '') {
      diagnostics.push(
        diagnostic(
          'missing-field',
          `the rubric scores in stages (${rubric.stages.map((s) => s.name).join(', ')}): give the row a stage (column "stage" or "tahap"), or the sheet as --scores NAME=FILE`,
          at,
        ),
      );
      continue;
    }
    diagnostics.push(
      diagnostic(
        'unknown-stage',
        `${quoted(raw)} is not a stage of the rubric (${rubric.stages.map((s) => s.name).join(', ')})`,
        at,
      ),
    );
  }
  // A wide row is several scores, each of which would repeat the row's stage problem.
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.code}\u0000${d.file}\u0000${d.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const parts = rubric.stages.map((stage, k) => ({
    stage,
    competition: {
      ...competition,
      rubric: stageRubric(rubric, stage),
      scores: sheets[k]!,
      // Inline scores (no sheets given) are the first stage's scores.
      hasScoreSheets: k === 0 ? competition.hasScoreSheets : true,
      diagnostics: [],
    },
  }));
  return { parts, diagnostics: unique };
}

/**
 * One stage's diagnostics as the whole competition reports them: a later stage does not warn
 * about inline scores (they are the first stage's) nor count judges of entries it never scored
 * (`unscored`: not taken to the stage); stage-specific problems name their stage.
 */
export function stageDiagnostics(
  found: readonly Diagnostic[],
  stage: Stage,
  first: boolean,
  unscored: ReadonlySet<string>,
): Diagnostic[] {
  return found
    .filter((d) => {
      if (first) return true;
      // Inline scores belong to the first stage; later stages do not warn about them.
      if (d.code === 'inline-scores-ignored') return false;
      // An entry with no score at all in a later stage was not (yet) taken to it: reported on
      // the entry, not as an error.
      if (d.code === 'too-few-judges' && d.entry_id !== undefined && unscored.has(d.entry_id)) return false;
      return true;
    })
    .map((d) =>
      d.code === 'too-few-judges' || d.code === 'disconnected-panel'
        ? { ...d, message: `stage ${stage.name}: ${d.message}` }
        : d,
    );
}

/**
 * Removes repeated diagnostics (entry rules run once per stage report the same problems): a
 * diagnostic is dropped when its JSON equals an earlier one's. Findings are grouped by code,
 * place, entry and message (equal JSON implies those are equal), and compared key by key within
 * a group as JSON would write them: a stress year's 1,200,000 stage findings are not each
 * turned into text.
 */
export function uniqueDiagnostics(found: readonly Diagnostic[]): Diagnostic[] {
  const byPlace = new Map<string, Diagnostic[]>();
  return found.filter((d) => {
    const place = `${d.code}\u0000${d.file}\u0000${d.line}\u0000${d.column}\u0000${d.entry_id}\u0000${d.message}`;
    const group = byPlace.get(place);
    if (group === undefined) {
      byPlace.set(place, [d]);
      return true;
    }
    if (group.some((earlier) => sameJson(earlier, d))) return false;
    group.push(d);
    return true;
  });
}

/** Whether JSON.stringify writes `a` and `b` the same: the same keys with a value, in order, and equal values. */
function sameJson(a: object, b: object): boolean {
  const written = (o: object): [string, unknown][] =>
    Object.entries(o as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
  const x = written(a);
  const y = written(b);
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) {
    const [key, v] = x[k]!;
    const [otherKey, w] = y[k]!;
    if (key !== otherKey) return false;
    if (v !== w && JSON.stringify(v) !== JSON.stringify(w)) return false;
  }
  return true;
}

/**
 * `kipp validate` on a rubric with stages: the entry rules once, the score rules and the panel
 * rule per stage.
 */
export function validateStages(competition: Competition, asOf: string): Diagnostic[] {
  const entries = checkEntries(competition.entries, competition.rubric, asOf);
  const { parts, diagnostics } = splitStages(competition);
  const out: Diagnostic[] = [...competition.diagnostics, ...entries.diagnostics, ...diagnostics];
  const scored =
    competition.hasScoreSheets ||
    competition.entries.some((e) => [...e.inlineScores.values()].some((s) => s.text !== ''));
  parts.forEach(({ stage, competition: part }, k) => {
    const checked = checkEntries(part.entries, part.rubric, asOf).checked;
    const scores = checkScores(part, checked);
    const unscored = new Set(checked.filter((_, i) => scores.judgeCounts[i] === 0).map((c) => c.entry.id));
    const found = scored ? scores.diagnostics : scores.diagnostics.filter((d) => d.code !== 'too-few-judges');
    // The stage's own rubric decides whether its panel must be connected.
    const panel = checkPanelOf(part.rubric, part.hasScoreSheets, scores);
    pushAll(out, stageDiagnostics([...found, ...panel], stage, k === 0, unscored));
  });
  return uniqueDiagnostics(out);
}
