/**
 * Every rule of docs/reference/diagnostic-codes.md over a loaded competition, in one pass: what loading found
 * (parse errors, unknown fields, encodings), the entry rules, the score rules, and the panel's
 * connectivity. Pure: the same competition gives the same sorted list.
 */
import { compareDiagnostics, inSheets, limitDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { Competition } from '../model/records.js';
import { checkEntries, localToday } from './entries.js';
import { checkJudges } from './judges.js';
import { checkPanelOf } from './panel.js';
import { checkScores } from './scores.js';
import { validateStages } from './stages.js';

export interface ValidateOptions {
  /** Reference date for the age rule; over the rubric's reference_date; neither: today. */
  asOf?: string | undefined;
  /** The score checks may take over `competition.scores` (CheckScoresOptions.takeSheet). */
  takeSheet?: boolean | undefined;
}

export function validateCompetition(competition: Competition, options: ValidateOptions = {}): Diagnostic[] {
  const { rubric } = competition;
  // The reference date as scoring takes it (docs/reference/rubric.md): --as-of, else the rubric's, else today.
  const asOf = options.asOf ?? rubric.eligibility.referenceDate ?? localToday();
  const judges = competition.judges ? checkJudges(competition.judges, rubric).diagnostics : [];
  if (rubric.stages.length > 0)
    return limitDiagnostics(
      inSheets([...validateStages(competition, asOf), ...judges], competition.inputs).sort(compareDiagnostics),
    );
  const entries = checkEntries(competition.entries, rubric, asOf);
  const scores = checkScores(competition, entries.checked, { takeSheet: options.takeSheet === true });
  // Entries submitted without any score (the CI layout: one file per entry, before judging)
  // are not "too few judges": there is nothing to count yet.
  const scored =
    competition.hasScoreSheets ||
    competition.entries.some((e) => [...e.inlineScores.values()].some((s) => s.text !== ''));
  const scoreDiagnostics = scored ? scores.diagnostics : scores.diagnostics.filter((d) => d.code !== 'too-few-judges');
  const panel = checkPanelOf(rubric, competition.hasScoreSheets, scores);
  // Each part was limited (LISTED_PER_CODE); joined and sorted, they are limited as one list.
  return limitDiagnostics(
    inSheets(
      [...competition.diagnostics, ...entries.diagnostics, ...judges, ...scoreDiagnostics, ...panel],
      competition.inputs,
    ).sort(compareDiagnostics),
  );
}
