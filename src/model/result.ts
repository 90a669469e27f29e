/**
 * The result of scoring: what every reporter renders. Field names follow the JSON report
 * (docs/reference/json-report.md) so that the JSON formatter is a projection, not a translation.
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
  /**
   * The three lists are read-only: an empty one is the one frozen NONE (model/arrays.ts;
   * most entries of a stress year have empty lists, and 600,000 empty arrays were 19 MB).
   * Change a list by giving the entry a new one.
   */
  reasons: readonly string[];
  shortlists: readonly string[];
  flags: readonly EntryFlag[];
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

/**
 * scoredRecords() by column, in the same order: `kept` are the records with `excluded` null or
 * 'trimmed' (`trimmed` 1), `conflicts` those with 'conflict'. Entries, judges and criteria are
 * indices into `entryIds`, `judgeIds` and the rubric's criteria.
 */
export interface RecordTable {
  entryIds: readonly string[];
  judgeIds: readonly string[];
  kept: {
    count: number;
    entry: Int32Array;
    judge: Int32Array;
    criterion: Int32Array;
    raw: Float64Array;
    normalized: Float64Array;
    trimmed: Uint8Array;
  };
  conflicts: { count: number; entry: Int32Array; judge: Int32Array; criterion: Int32Array; raw: Float64Array };
}

/**
 * What a narrowed report shows (`--category`, `--top`; src/scoring/select.ts): reports say
 * "showing N of M", and the JSON report holds it as `selection`.
 */
export interface Selection {
  /** `--category` as a category id. */
  category: string | null;
  /** `--top` as given. */
  top: number | null;
  /** Entries shown. */
  shown: number;
  /** Entries the list was drawn from: every entry, or the category's. */
  of: number;
  /** How many of those are ranked, and passed (the reports' counts are of them, not of the entries shown). */
  ofRanked: number;
  ofPassed: number;
  /**
   * A tie across the `--top` N-th place, kept whole (the list is longer than N): the shared
   * rank, how many entries share it, and how many places of N were left for them.
   */
  tie: { rank: number; entries: number; places: number } | null;
  /**
   * Shortlists with members the list leaves out, each with those members' categories: their cut
   * lines fall below the list (for the reports that draw them; not in the JSON report).
   */
  beyond: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface ScoreResult {
  rubric: Rubric;
  rubricSource: { path: string | null; sha256: string };
  inputs: InputFile[];
  asOf: string;
  /** Ranked entries in rank order (ties by id), then unranked entries by id. */
  entries: EntryResult[];
  shortlists: ShortlistResult[];
  /**
   * One object per score, conflicts included (explanations, analytics): a method, not a field,
   * because a stress year has millions of scores. Built on the first call, the same array after.
   */
  scoredRecords(): ScoredRecord[];
  /**
   * The same records by column, without an object per score (the panel profile of a stress
   * year reads 5,000,000): with no `stage`, a result scored in one set gives all of them; with a
   * stage, a staged result gives that stage's (the records of scoredRecords() with that
   * `stage`). Undefined otherwise: readers then fall back to scoredRecords().
   */
  recordTable?(stage?: string): RecordTable | undefined;
  diagnostics: Diagnostic[];
  /** Set when the entries are a selection (kipp score always selects, even when it keeps all). */
  selection?: Selection;
  /** `normalization: severity` only: each judge's fitted severity per criterion (and stage). */
  severities?: JudgeSeverity[];
  /** The jury decisions applied after ranking (`--decisions`), in file order; absent without a file. */
  decisions?: AppliedDecision[];
}

/** s_jc of the severity model (x' = x − s_jc), 6 decimals, with the records it was fitted on. */
export interface JudgeSeverity {
  stage?: string;
  criterion: string;
  judge: string;
  severity: number;
  records: number;
}

/**
 * The same result showing other entries. Not `{ ...result, entries }`: each field is named, so
 * that a field added to ScoreResult is a decision here.
 */
export function withEntries(result: ScoreResult, entries: EntryResult[], selection?: Selection): ScoreResult {
  return {
    ...(selection !== undefined ? { selection } : {}),
    rubric: result.rubric,
    rubricSource: result.rubricSource,
    inputs: result.inputs,
    asOf: result.asOf,
    entries,
    shortlists: result.shortlists,
    scoredRecords: () => result.scoredRecords(),
    ...(result.recordTable !== undefined ? { recordTable: (stage?: string) => result.recordTable!(stage) } : {}),
    diagnostics: result.diagnostics,
    ...(result.severities !== undefined ? { severities: result.severities } : {}),
    ...(result.decisions !== undefined ? { decisions: result.decisions } : {}),
  };
}

/**
 * A result's records by column, one table per stage in the rubric's order (one table, stage
 * undefined, without stages); undefined when the result does not have them all (readers then
 * use scoredRecords()).
 */
export function stageTables(result: ScoreResult): { stage: string | undefined; table: RecordTable }[] | undefined {
  const stages = result.rubric.stages.length > 0 ? result.rubric.stages.map((s) => s.name) : [undefined];
  const tables = stages.map((stage) => ({ stage, table: result.recordTable?.(stage) }));
  return tables.every((t) => t.table !== undefined)
    ? tables.map(({ stage, table }) => ({ stage, table: table! }))
    : undefined;
}
