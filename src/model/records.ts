/**
 * Loaded records, before validation: every value is the text the file held (ids such as `08123`
 * are never cast), every record knows where it came from.
 */
import type { Diagnostic, SourceRef } from './diagnostic.js';
import type { FileKind } from './names.js';
import type { Rubric } from './rubric.js';
import type { ScoreSheet } from './scoresheet.js';

/** One row of a file after header normalization: canonical field name → cell text. */
export interface RawRecord {
  source: SourceRef;
  /** Canonical field name → trimmed text ('' for an empty cell); read-only (a CSV row's RowFields). */
  fields: ReadonlyMap<string, string>;
  /** Canonical field name → 1-based column in a CSV file (absent for YAML/JSON). */
  columns?: Map<string, number>;
  /** Decimal separator of numeric cells: ',' when a CSV file used ';' or tab as delimiter. */
  decimalComma: boolean;
}

/** The fields every entry needs (docs/reference/input-files.md); the loader also names them for a header that has none. */
export const REQUIRED_ENTRY_FIELDS = ['id', 'title', 'agency', 'category'] as const;

export interface Entry {
  id: string;
  title: string;
  agency: string;
  /** The category as written (resolved to an id by validation). */
  categoryRaw: string;
  agencyTypeRaw: string;
  region: string;
  groupRaw: string;
  implementedSinceRaw: string;
  /** Every field of the record, canonical names, including pass-through columns. */
  fields: ReadonlyMap<string, string>;
  /** Field → 1-based CSV column, for diagnostics (absent for YAML/JSON). */
  columns?: Map<string, number>;
  /** Inline criterion scores: criterion id → cell text and column. */
  inlineScores: Map<string, { text: string; column?: number }>;
  decimalComma: boolean;
  source: SourceRef;
}

/** One score as written in a sheet (a long row, or one cell of a wide row). */
export interface ScoreRow {
  entryId: string;
  judgeId: string;
  /** The criterion as written (long form) or the criterion id (wide form, inline). */
  criterionRaw: string;
  /** The score as written. */
  text: string;
  decimalComma: boolean;
  comment?: string;
  source: SourceRef;
  column?: number;
  /** The stage as written (`stage` column, or the NAME of `--scores NAME=FILE`); absent: none. */
  stage?: string;
  /** 1-based CSV columns of the row's entry_id, judge_id and (long form) criterion cells. */
  fieldColumns?: { entry_id?: number; judge_id?: number; criterion?: number };
}

export interface Judge {
  id: string;
  name: string;
  agency: string;
  region: string;
  fields: ReadonlyMap<string, string>;
  source: SourceRef;
}

/** A judge's declared conflict with one entry (`--conflicts`: judge_id, entry_id, reason). */
export interface DeclaredConflict {
  judgeId: string;
  entryId: string;
  reason: string;
  source: SourceRef;
  /** 1-based CSV columns of the judge_id and entry_id cells (absent for YAML/JSON). */
  columns?: { judge_id?: number; entry_id?: number };
}

export type InputKind = 'entries' | 'scores' | 'judges' | 'conflicts' | 'decisions' | 'rubric';

export interface InputFile {
  /** The path as the user named it (or `-` for standard input). */
  path: string;
  kind: InputKind;
  sha256: string;
  /** The stage a score sheet was given for (`--scores NAME=FILE`). */
  stage?: string;
  /** A workbook's sheet that was read (the first visible one, or `FILE.xlsx#Sheet`). */
  sheet?: string;
}

/** The metadata `kipp assign` writes into a workbook's very hidden `kipp` sheet (src/io/assignment-meta.ts). */
export interface AssignmentMeta {
  /** The assignment id (src/io/assignment.ts): the first 16 hex digits of assignment.csv's SHA-256. */
  assignmentId: string;
  judgeId: string;
  kippVersion: string;
  rubricSha256: string;
  /** Every key/value row of the sheet, as written. */
  values: Record<string, string>;
  /** The name of the sheet they were read from. */
  sheet: string;
}

/** Everything a command needs, loaded and parsed but not yet validated or scored. */
export interface Competition {
  rubric: Rubric;
  rubricSource: { path: string | null; sha256: string; name: string; version: number | string | null };
  entries: Entry[];
  /** Every score row of every sheet: a columnar ScoreSheet from the loader, or plain rows. */
  scores: ScoreSheet | readonly ScoreRow[];
  /** null when no judges file was given. */
  judges: Judge[] | null;
  /** Declared conflicts (`--conflicts`); absent or empty when none were given. */
  conflicts?: DeclaredConflict[];
  /** True when score sheets were given (inline scores are then ignored). */
  hasScoreSheets: boolean;
  inputs: InputFile[];
  /**
   * The `kipp assign` metadata of the workbooks read (by path as named; null: none), found while
   * reading their data (`--assignment` checks it). A workbook not in here was not read that way.
   */
  workbookMeta?: ReadonlyMap<string, AssignmentMeta | null>;
  /** Problems found while loading (parse errors, unknown columns, encodings). */
  diagnostics: Diagnostic[];
  /**
   * Input files that gave nothing to read, each with an error in `diagnostics` that says why: a
   * file kipp does not read (`unsupported-format`), an empty one, one without the columns its kind
   * needs, or one whose every row was refused. A ranking made without such a file leaves its
   * entries, a judge's scores or the declared conflicts out; the commands that rank stop instead
   * (src/commands/inputs.ts). Absent: every file gave records (or the competition was made by hand).
   */
  unreadFiles?: readonly { path: string; kind: FileKind }[];
}
