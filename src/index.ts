/**
 * The library API: `import { loadCompetition, validate, score } from 'kipp'`. The command line is
 * a thin layer over these functions (src/commands/*): load → validate → score → report, and
 * `explain` for one entry's derivation.
 * Nothing here touches the process (no exit codes, no stdout): problems that stop a run are
 * thrown as KippError (`kind` 'usage' | 'config' | 'data'), everything else is returned as data.
 */
import type { Diagnostic } from './model/diagnostic.js';
import type { Competition } from './model/records.js';
import type { ScoreResult } from './model/result.js';
import { scoreCompetition, type ScoreOptions } from './scoring/score.js';
import { validateCompetition, type ValidateOptions } from './validate/competition.js';

/** Reads and parses every input (rubric, entries, score sheets, judges): `loadCompetition({ entries: ['entries.csv'], scores: ['scores.csv'] })`. */
export { loadCompetition, loadCompetitionAsync } from './io/competition.js';
export type { LoadOptions } from './io/load.js';

/** Every rule of docs/reference/diagnostic-codes.md over a loaded competition: diagnostics in a total order. */
export function validate(competition: Competition, options: ValidateOptions = {}): Diagnostic[] {
  return validateCompetition(competition, options);
}

/** docs/reference/scoring.md: ranks, totals, shortlists and the diagnostics scoring found. Pure. */
export function score(competition: Competition, options: ScoreOptions = {}): ScoreResult {
  return scoreCompetition(competition, options);
}

/** One entry's whole derivation (docs/guide/analytics.md, `kipp explain --format json`), or null for an unknown id. */
export { explainEntry as explain, type Explanation } from './analytics/explain.js';

/**
 * The panel profile of `kipp judges` (docs/guide/analytics.md): bias, agreement, coverage, disagreements.
 * profileJury: one panel, or one per stage with a staged rubric; profileJudges(result, stage): one panel.
 */
export {
  profileJudges,
  profileJury,
  type JuryProfile,
  type PanelProfile,
  type StagePanelProfile,
} from './analytics/judges.js';

/**
 * The plenary: the jury's decisions read from a file and applied to a scored result as
 * `kipp score --decisions` does (stale ones come back as diagnostics, none applied), and the
 * meeting pack of `kipp agenda`.
 */
export { readDecisions, parseDecisions } from './io/decisions.js';
export { applyDecisions } from './decisions/apply.js';
export { buildAgenda, type Agenda } from './analytics/agenda.js';
export type { AppliedDecision, Decision } from './model/decisions.js';
export type { DeclaredConflict } from './model/records.js';

// Narrowing a result as `kipp score --category --top` does (ranks stay those of the full field).
export { selectEntries } from './scoring/select.js';

// Rubrics: the embedded default (path null) or a file; parseRubric checks YAML text.
export { loadRubric, parseRubric, type LoadedRubric } from './io/rubric.js';

// Reports: the JSON report (docs/reference/json-report.md) and its manifest; reading a report back; verify and diff.
export { jsonReport } from './report/score/json.js';
export {
  reportManifest,
  manifestRows,
  type Manifest,
  type ManifestInput,
  type ManifestOptions,
  type RunOptions,
} from './report/audit/manifest.js';
export { parseReport, readReport } from './io/report.js';
export {
  verifyReport,
  type Verification,
  type InputCheck,
  type InputStatus,
  type VerifyOptions,
} from './audit/verify.js';
export {
  diffReports,
  figuresEqual,
  type ReportDiff,
  type EntryDiff,
  type ShortlistDiff,
  type ManifestDiff,
  type InputChange,
  type Change,
} from './audit/diff.js';

// Safe writing: temporary file + rename, never over an input.
export { writeOutput, type WriteOptions } from './io/write.js';

export {
  KippError,
  DIAGNOSTIC_CODES,
  type Diagnostic,
  type DiagnosticCode,
  type Severity,
} from './model/diagnostic.js';
export type { Competition, Entry, ScoreRow, Judge, InputFile, InputKind } from './model/records.js';
export type { Rubric, Criterion, Category, Group, ShortlistRule } from './model/rubric.js';
export type { ScoreResult, EntryResult, ShortlistResult, ScoredRecord, EntryFlag } from './model/result.js';
export type { KippReport, ReportEntry } from './model/report.js';
export type { ScoreOptions } from './scoring/score.js';
export type { ValidateOptions } from './validate/competition.js';
export { toolVersion as version } from './version.js';
