/**
 * All score rows of all sheets, stored by column. A national year has ~100,000 scores and a
 * stress year 5,000,000: one object per score would cost gigabytes, and even one pointer per
 * text per score (four arrays of 5,000,000 strings) is 160 MB the garbage collector walks again
 * and again. Texts (ids, criterion names, values like "7.5") are kept in `strings`; the columns
 * hold their codes, so a row costs ~33 bytes of typed arrays and rules that look a text up (is
 * this entry known? what number is "7.5"?) do it once per code.
 *
 * A text has one code, except in a sheet joined from the two parts of a file read in two
 * (appendSheet): the second part's texts follow the first's, so a text both parts hold has a
 * code from each. Rules may cache what they find per code; none may take two codes for two
 * texts (checkScores numbers judges by name, not by code).
 */
import type { ScoreRow } from './records.js';

const INITIAL = 1024;

/** to[base + i] = map[from[i]] for the first `count` rows (one loop per element type: kept monomorphic). */
function recodeInt32(to: Int32Array, from: Int32Array, map: Int32Array, base: number, count: number): void {
  for (let i = 0; i < count; i++) to[base + i] = map[from[i]!]!;
}

/** to[base + i] = from[i] + offset for the first `count` rows. */
function shiftInt32(to: Int32Array, from: Int32Array, offset: number, base: number, count: number): void {
  for (let i = 0; i < count; i++) to[base + i] = from[i]! + offset;
}

function recodeUint16(to: Uint16Array, from: Uint16Array, map: Int32Array, base: number, count: number): void {
  for (let i = 0; i < count; i++) to[base + i] = map[from[i]!]!;
}

/** The index of `value` in `list`, appended the first time (`index` maps values to indices). */
function numberOf(value: string, list: string[], index: Map<string, number>): number {
  let n = index.get(value);
  if (n === undefined) {
    n = list.length;
    list.push(value);
    index.set(value, n);
  }
  return n;
}

/**
 * The per-row columns, named once: their element types. Growing, cutting, joining and posting a
 * sheet go over this list, so that a column added here is carried everywhere.
 */
const COLUMNS = {
  entryCodes: Int32Array,
  judgeCodes: Int32Array,
  /** The criterion as written (long form) or the criterion id (wide form). */
  criterionCodes: Int32Array,
  textCodes: Int32Array,
  fileIndex: Uint16Array,
  lines: Int32Array,
  /** 1-based CSV columns; 0 when unknown (YAML/JSON). 16 bits: a spreadsheet has at most 16,384 columns. */
  columns: Uint16Array,
  entryColumns: Uint16Array,
  judgeColumns: Uint16Array,
  criterionColumns: Uint16Array,
  decimalComma: Uint8Array,
  /** Index into `stageTexts` (0: no stage given). Two bytes a score, not a pointer. */
  stageIndex: Uint16Array,
} as const;

type ColumnName = keyof typeof COLUMNS;
type Columns = { [K in ColumnName]: InstanceType<(typeof COLUMNS)[K]> };
const COLUMN_NAMES = Object.keys(COLUMNS) as ColumnName[];
/** Columns holding codes into a list of the sheet (recoded when sheets are joined), and that list. */
const CODED: readonly (readonly [ColumnName, 'strings' | 'files' | 'stageTexts'])[] = [
  ['entryCodes', 'strings'],
  ['judgeCodes', 'strings'],
  ['criterionCodes', 'strings'],
  ['textCodes', 'strings'],
  ['fileIndex', 'files'],
  ['stageIndex', 'stageTexts'],
];

/** A ScoreSheet as plain data (ScoreSheet.toParts / fromParts). */
export interface ScoreSheetParts {
  length: number;
  strings: string[];
  files: string[];
  stageTexts: string[];
  comments: [number, string][];
  stageColumns: [number, number][];
  columns: Columns;
}

function grow<T extends Int32Array | Uint8Array | Uint16Array>(a: T, size: number, exact = false): T {
  if (size <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(exact ? size : Math.max(size, a.length * 2));
  next.set(a);
  return next;
}

export class ScoreSheet implements Iterable<ScoreRow>, Columns {
  length = 0;
  /** The texts the code columns index (each once, but for a joined sheet: see the top of this file). */
  readonly strings: string[] = [];
  // The per-row columns (COLUMNS). Not readonly: growColumns() replaces them.
  entryCodes = new Int32Array(INITIAL);
  judgeCodes = new Int32Array(INITIAL);
  /** The criterion as written (long form) or the criterion id (wide form). */
  criterionCodes = new Int32Array(INITIAL);
  textCodes = new Int32Array(INITIAL);
  /** Comments are rare: kept by row index. */
  readonly comments = new Map<number, string>();
  readonly files: string[] = [];
  fileIndex = new Uint16Array(INITIAL);
  lines = new Int32Array(INITIAL);
  /** 1-based CSV columns; 0 when unknown (YAML/JSON). 16 bits: a spreadsheet has at most 16,384 columns. */
  columns = new Uint16Array(INITIAL);
  entryColumns = new Uint16Array(INITIAL);
  judgeColumns = new Uint16Array(INITIAL);
  criterionColumns = new Uint16Array(INITIAL);
  decimalComma = new Uint8Array(INITIAL);
  /** Index into `stageTexts` (0: no stage given). Two bytes a score, not a pointer. */
  stageIndex = new Uint16Array(INITIAL);
  readonly stageTexts: string[] = [''];
  /** Per file index: the 1-based CSV column of its `stage` column (for diagnostics). */
  readonly stageColumns = new Map<number, number>();
  private readonly stageIds = new Map<string, number>([['', 0]]);
  /** Text → code; built on first use for a sheet made by fromParts. */
  private codes: Map<string, number> | undefined = new Map<string, number>();
  private readonly fileIds = new Map<string, number>();

  /** The code of a text (given one the first time it is seen). */
  code(s: string): number {
    return numberOf(s, this.strings, (this.codes ??= this.codeIndex()));
  }

  /** Text → code for a sheet made by fromParts (a loop: no pair array per text, 200,000 in a stress year). */
  private codeIndex(): Map<string, number> {
    const index = new Map<string, number>();
    for (let code = 0; code < this.strings.length; code++) index.set(this.strings[code]!, code);
    return index;
  }

  /**
   * Appends every row of another sheet (the later part of a file read in two). Its texts are
   * appended after this sheet's, duplicates and all, and its codes shifted past them: a stress
   * year's halves share ~100,000 ids, and matching them text by text (a map of this sheet's
   * texts, a lookup per text of the other's) took longer than the rest of the join. Into the
   * room this sheet already has when it is enough (the first part's reader keeps room for the
   * whole file: see sheet-worker.ts), so nothing is copied twice.
   */
  appendSheet(other: ScoreSheet): void {
    const base = this.length;
    const count = other.length;
    // Exactly the room needed: the last rows come in at once, and doubling a stress year's
    // first half (2.5 million rows in 12 columns) would hold 80 MB that no row ever uses.
    if (base + count > this.lines.length) this.growColumns(base + count, true);
    const offset = this.strings.length;
    for (const text of other.strings) this.strings.push(text);
    this.codes = undefined; // rebuilt on the next code(): a text then gets its later code
    const maps = {
      files: Int32Array.from(other.files, (name) => this.fileId(name)),
      stageTexts: Int32Array.from(other.stageTexts, (text) => this.stageCode(text)),
    };
    const recoded = new Set<ColumnName>();
    for (const [name, list] of CODED) {
      if (list === 'strings') shiftInt32(this[name] as Int32Array, other[name] as Int32Array, offset, base, count);
      else {
        const map = maps[list];
        if (map.every((v, k) => v === k)) continue; // copied as they are, below
        if (this[name] instanceof Int32Array) recodeInt32(this[name], other[name] as Int32Array, map, base, count);
        else recodeUint16(this[name] as Uint16Array, other[name] as Uint16Array, map, base, count);
      }
      recoded.add(name);
    }
    for (const name of COLUMN_NAMES) if (!recoded.has(name)) this[name].set(other[name].subarray(0, count), base);
    for (const [row, comment] of other.comments) this.comments.set(base + row, comment);
    for (const [f, column] of other.stageColumns)
      if (!this.stageColumns.has(maps.files[f]!)) this.stageColumns.set(maps.files[f]!, column);
    this.length = base + count;
  }

  /**
   * Columns cut to the rows they hold (a worker's before it posts them: doubling leaves up to
   * half of each column empty, 50 MB of a stress year's half that the main thread would hold).
   */
  compact(): void {
    if (this.lines.length === this.length) return;
    for (const name of COLUMN_NAMES) (this as Columns)[name] = this[name].slice(0, this.length) as never;
  }

  /** Everything the sheet holds, as plain data a worker thread can post (typed arrays transfer). */
  toParts(): ScoreSheetParts {
    const { length, strings, files, stageTexts } = this;
    const columns = {} as Columns;
    for (const name of COLUMN_NAMES) (columns as Record<ColumnName, unknown>)[name] = this[name];
    return {
      length,
      strings,
      files,
      stageTexts,
      comments: [...this.comments],
      stageColumns: [...this.stageColumns],
      columns,
    };
  }

  static fromParts(parts: ScoreSheetParts): ScoreSheet {
    const sheet = new ScoreSheet();
    sheet.length = parts.length;
    for (const text of parts.strings) sheet.strings.push(text);
    sheet.codes = undefined;
    for (const name of COLUMN_NAMES) (sheet as Columns)[name] = parts.columns[name] as never;
    parts.files.forEach((file) => sheet.fileId(file));
    parts.stageTexts.forEach((stage) => sheet.stageCode(stage));
    for (const [row, comment] of parts.comments) sheet.comments.set(row, comment);
    for (const [file, column] of parts.stageColumns) sheet.stageColumns.set(file, column);
    return sheet;
  }

  entryId(i: number): string {
    return this.strings[this.entryCodes[i]!]!;
  }

  judgeId(i: number): string {
    return this.strings[this.judgeCodes[i]!]!;
  }

  /** The criterion of row i as written (long form) or its id (wide form). */
  criterion(i: number): string {
    return this.strings[this.criterionCodes[i]!]!;
  }

  /** The score of row i as written. */
  text(i: number): string {
    return this.strings[this.textCodes[i]!]!;
  }

  fileId(file: string): number {
    return numberOf(file, this.files, this.fileIds);
  }

  /** The code of a stage as written. */
  stageCode(stage: string): number {
    return numberOf(stage, this.stageTexts, this.stageIds);
  }

  push(row: ScoreRow): void {
    this.add(
      row.entryId,
      row.judgeId,
      row.criterionRaw,
      row.text,
      row.decimalComma,
      this.fileId(row.source.file),
      row.source.line,
      row.column ?? 0,
      row.fieldColumns?.entry_id ?? 0,
      row.fieldColumns?.judge_id ?? 0,
      row.fieldColumns?.criterion ?? 0,
      row.comment,
      row.stage,
    );
  }

  /** Makes room for `size` rows in all (a loader that knows the row count avoids doubling). */
  reserve(size: number): void {
    if (size > this.lines.length) this.growColumns(size);
  }

  /** Room for `size` rows in every column (at least doubling, so adds stay amortised O(1)). */
  private growColumns(size: number, exact = false): void {
    for (const name of COLUMN_NAMES) (this as Columns)[name] = grow(this[name], size, exact) as never;
  }

  add(
    entryId: string,
    judgeId: string,
    criterion: string,
    text: string,
    decimalComma: boolean,
    file: number,
    line: number,
    column: number,
    entryColumn: number,
    judgeColumn: number,
    criterionColumn: number,
    comment?: string,
    stage = '',
  ): void {
    this.addCodes(
      this.code(entryId),
      this.code(judgeId),
      this.code(criterion),
      this.code(text),
      decimalComma,
      file,
      line,
      column,
      entryColumn,
      judgeColumn,
      criterionColumn,
      comment,
      this.stageCode(stage),
    );
  }

  /** add() with the texts already coded (`code()`) and the stage by `stageCode()`: the loader's path. */
  addCodes(
    entry: number,
    judge: number,
    criterion: number,
    text: number,
    decimalComma: boolean,
    file: number,
    line: number,
    column: number,
    entryColumn: number,
    judgeColumn: number,
    criterionColumn: number,
    comment: string | undefined,
    stage: number,
  ): void {
    const i = this.addScore(entry, judge, criterion, text, line, comment);
    this.fileIndex[i] = file;
    this.columns[i] = column;
    this.entryColumns[i] = entryColumn;
    this.judgeColumns[i] = judgeColumn;
    this.criterionColumns[i] = criterionColumn;
    this.decimalComma[i] = decimalComma ? 1 : 0;
    this.stageIndex[i] = stage;
  }

  /**
   * A row whose file, columns, decimal-comma flag and stage its reader fills in afterwards, for
   * all of a file's rows at once (they are the same on every row of a long CSV sheet). Returns
   * the row's index.
   */
  addScore(
    entry: number,
    judge: number,
    criterion: number,
    text: number,
    line: number,
    comment: string | undefined,
  ): number {
    const i = this.length++;
    if (i >= this.lines.length) this.growColumns(i + 1);
    this.entryCodes[i] = entry;
    this.judgeCodes[i] = judge;
    this.criterionCodes[i] = criterion;
    this.textCodes[i] = text;
    this.lines[i] = line;
    if (comment) this.comments.set(i, comment);
    return i;
  }

  /** Appends row i of another sheet, column by column (no object per row). */
  copyRow(from: ScoreSheet, i: number): void {
    this.add(
      from.entryId(i),
      from.judgeId(i),
      from.criterion(i),
      from.text(i),
      from.decimalComma[i] === 1,
      this.fileId(from.file(i)),
      from.lines[i]!,
      from.columns[i]!,
      from.entryColumns[i]!,
      from.judgeColumns[i]!,
      from.criterionColumns[i]!,
      from.comments.get(i),
      from.stage(i),
    );
  }

  /** The stage as written for row i ('' when none). */
  stage(i: number): string {
    return this.stageTexts[this.stageIndex[i]!]!;
  }

  file(i: number): string {
    return this.files[this.fileIndex[i]!]!;
  }

  /** Row i as an object (for diagnostics and small consumers). */
  at(i: number): ScoreRow {
    const row: ScoreRow = {
      entryId: this.entryId(i),
      judgeId: this.judgeId(i),
      criterionRaw: this.criterion(i),
      text: this.text(i),
      decimalComma: this.decimalComma[i] === 1,
      source: { file: this.file(i), line: this.lines[i]! },
    };
    if (this.columns[i]) row.column = this.columns[i]!;
    const fieldColumns: NonNullable<ScoreRow['fieldColumns']> = {};
    if (this.entryColumns[i]) fieldColumns.entry_id = this.entryColumns[i]!;
    if (this.judgeColumns[i]) fieldColumns.judge_id = this.judgeColumns[i]!;
    if (this.criterionColumns[i]) fieldColumns.criterion = this.criterionColumns[i]!;
    if (Object.keys(fieldColumns).length > 0) row.fieldColumns = fieldColumns;
    const comment = this.comments.get(i);
    if (comment !== undefined) row.comment = comment;
    const stage = this.stage(i);
    if (stage !== '') row.stage = stage;
    return row;
  }

  *[Symbol.iterator](): Iterator<ScoreRow> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  static from(rows: Iterable<ScoreRow>): ScoreSheet {
    if (rows instanceof ScoreSheet) return rows;
    const sheet = new ScoreSheet();
    for (const row of rows) sheet.push(row);
    return sheet;
  }
}
