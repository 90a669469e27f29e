/**
 * The result of scoring: what every reporter renders. Field names follow the JSON report
 * (SPEC section 6) so that the JSON formatter is a projection, not a translation.
 */
import type { AppliedDecision } from './decisions.js';
import type { Diagnostic } from './diagnostic.js';
import type { Entry, InputFile } from './records.js';
import type { Rubric } from './rubric.js';

/** disqualified, withdrawn: taken out of the ranking by a jury decision (`--decisions`). */
export type EntryFlag = 'incomplete' | 'ineligible' | 'disqualified' | 'withdrawn';

export interface EntryResult {
  id: string;
  title: string;
  agency: string;
  /** The category id, or the raw value when it names no category. */
  category: string;
  categoryKnown: boolean;
  group: string | null;
  rank: number | null;
  category_rank: number | null;
  tied: boolean;
  total: number | null;
  /** Rounded s_c per criterion that has records, in rubric order. */
  criteria: Record<string, number>;
  judges: number;
  passed: boolean;
  reasons: string[];
  shortlists: string[];
  flags: EntryFlag[];
  /** Per-stage total and rank, in the rubric's stage order; only when the rubric has stages. */
  stages?: Record<string, StageOutcome>;
  /** The loaded entry (pass-through fields for exports). */
  entry: Entry;
}

/** An entry's result in one stage: its stage total and rank (null when not ranked there). */
export interface StageOutcome {
  total: number | null;
  rank: number | null;
}

export interface ShortlistResult {
  name: string;
  size: number;
  taken: number;
  cutoff_tie: boolean;
  /** Proportional shortlists: ids taken by a min_per quota that rank alone would have left out. */
  by_quota?: string[];
}

/** One score as scoring saw it, for explanations and analytics. */
export interface ScoredRecord {
  entryId: string;
  judge: string;
  criterion: string;
  raw: number;
  /** x' after normalization (equal to raw with `none`); null for excluded conflict records. */
  normalized: number | null;
  excluded: 'conflict' | 'trimmed' | null;
  /** The stage the record belongs to, when the rubric has stages. */
  stage?: string;
}

export interface ScoreResult {
  rubric: Rubric;
  rubricSource: { path: string | null; sha256: string };
  inputs: InputFile[];
  asOf: string;
  /** Ranked entries in rank order (ties by id), then unranked entries by id. */
  entries: EntryResult[];
  shortlists: ShortlistResult[];
  records: ScoredRecord[];
  diagnostics: Diagnostic[];
  /** The jury decisions applied after ranking (`--decisions`), in file order; absent without a file. */
  decisions?: AppliedDecision[];
}

/**
 * The same result showing other entries. Not `{ ...result, entries }`: a spread would build
 * `records` (one object per score, millions in a stress year) just to copy it.
 */
export function withEntries(result: ScoreResult, entries: EntryResult[]): ScoreResult {
  return {
    rubric: result.rubric,
    rubricSource: result.rubricSource,
    inputs: result.inputs,
    asOf: result.asOf,
    entries,
    shortlists: result.shortlists,
    get records() {
      return result.records;
    },
    diagnostics: result.diagnostics,
    ...(result.decisions !== undefined ? { decisions: result.decisions } : {}),
  };
}
