/**
 * All score rows of all sheets, stored by column. A national year has ~100,000 scores and a
 * stress year 5,000,000: one object per score would cost gigabytes, columns cost ~25 bytes a
 * score. Repeated texts (ids, criterion names, values like "7.5") are interned, so each
 * distinct string is stored once.
 */
import type { ScoreRow } from './records.js';

const INITIAL = 1024;

function grow<T extends Int32Array | Uint8Array | Uint16Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  next.set(a);
  return next;
}

export class ScoreSheet implements Iterable<ScoreRow> {
  length = 0;
  // Not readonly: reserve() replaces them with arrays of the final size (growing a 5-million
  // element array by push leaves twice its size in garbage).
  entryIds: string[] = [];
  judgeIds: string[] = [];
  /** The criterion as written (long form) or the criterion id (wide form). */
  criteria: string[] = [];
  texts: string[] = [];
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
  private readonly strings = new Map<string, string>();
  private readonly fileIds = new Map<string, number>();

  /** The one stored copy of a string (ids, criterion names and values repeat a lot). */
  intern(s: string): string {
    const found = this.strings.get(s);
    if (found !== undefined) return found;
    this.strings.set(s, s);
    return s;
  }

  fileId(file: string): number {
    let id = this.fileIds.get(file);
    if (id === undefined) {
      id = this.files.length;
      this.files.push(file);
      this.fileIds.set(file, id);
    }
    return id;
  }

  push(row: ScoreRow): void {
    this.add(row.entryId, row.judgeId, row.criterionRaw, row.text, row.decimalComma, this.fileId(row.source.file), row.source.line, row.column ?? 0, row.fieldColumns?.entry_id ?? 0, row.fieldColumns?.judge_id ?? 0, row.fieldColumns?.criterion ?? 0, row.comment, row.stage);
  }

  /** Makes room for `size` rows in all (a loader that knows the row count avoids doubling). */
  reserve(size: number): void {
    if (size <= this.lines.length) return;
    this.growColumns(size);
    const presized = (a: string[]) => {
      const next = new Array<string>(size);
      for (let i = 0; i < this.length; i++) next[i] = a[i]!;
      return next;
    };
    this.entryIds = presized(this.entryIds);
    this.judgeIds = presized(this.judgeIds);
    this.criteria = presized(this.criteria);
    this.texts = presized(this.texts);
  }

  /** Room for `size` rows in every numeric column (at least doubling, so adds stay amortised O(1)). */
  private growColumns(size: number): void {
    this.fileIndex = grow(this.fileIndex, size);
    this.lines = grow(this.lines, size);
    this.columns = grow(this.columns, size);
    this.entryColumns = grow(this.entryColumns, size);
    this.judgeColumns = grow(this.judgeColumns, size);
    this.criterionColumns = grow(this.criterionColumns, size);
    this.decimalComma = grow(this.decimalComma, size);
    this.stageIndex = grow(this.stageIndex, size);
  }

  /** Drops the room reserve() made and no row used. */
  trim(): void {
    for (const a of [this.entryIds, this.judgeIds, this.criteria, this.texts]) if (a.length > this.length) a.length = this.length;
  }

  add(entryId: string, judgeId: string, criterion: string, text: string, decimalComma: boolean, file: number, line: number, column: number, entryColumn: number, judgeColumn: number, criterionColumn: number, comment?: string, stage = ''): void {
    const i = this.length++;
    if (i >= this.lines.length) this.growColumns(i + 1);
    // Rows come grouped (an entry's 25 scores, a judge's 5): the previous row's string is
    // the interned one whenever it is equal, without a lookup.
    const prev = i - 1;
    const e = this.entryIds[prev];
    this.entryIds[i] = e === entryId ? e : this.intern(entryId);
    const j = this.judgeIds[prev];
    this.judgeIds[i] = j === judgeId ? j : this.intern(judgeId);
    const c = this.criteria[prev];
    this.criteria[i] = c === criterion ? c : this.intern(criterion);
    const t = this.texts[prev];
    this.texts[i] = t === text ? t : this.intern(text);
    this.fileIndex[i] = file;
    this.lines[i] = line;
    this.columns[i] = column;
    this.entryColumns[i] = entryColumn;
    this.judgeColumns[i] = judgeColumn;
    this.criterionColumns[i] = criterionColumn;
    this.decimalComma[i] = decimalComma ? 1 : 0;
    if (comment) this.comments.set(i, comment);
    let stageId = this.stageIds.get(stage);
    if (stageId === undefined) {
      stageId = this.stageTexts.length;
      this.stageTexts.push(stage);
      this.stageIds.set(stage, stageId);
    }
    this.stageIndex[i] = stageId;
  }

  /** Appends row i of another sheet, column by column (no object per row). */
  copyRow(from: ScoreSheet, i: number): void {
    this.add(
      from.entryIds[i]!,
      from.judgeIds[i]!,
      from.criteria[i]!,
      from.texts[i]!,
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
      entryId: this.entryIds[i]!,
      judgeId: this.judgeIds[i]!,
      criterionRaw: this.criteria[i]!,
      text: this.texts[i]!,
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
