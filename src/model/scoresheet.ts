/**
 * All score rows of all sheets, stored by column. A national year has ~100,000 scores and a
 * stress year 5,000,000: one object per score would cost gigabytes, and even one pointer per
 * text per score (four arrays of 5,000,000 strings) is 160 MB the garbage collector walks again
 * and again. Texts (ids, criterion names, values like "7.5") are kept in `strings`; the columns
 * hold their codes, and rules that look a text up (is this entry known? what number is "7.5"?)
 * do it once per code. Where a row is and how it was read (its file, the columns of its cells,
 * the decimal-comma flag, its stage) is the same for every row of a long sheet and for a few
 * dozen kinds of rows of a wide one: each such combination, a place, is kept once, and a row
 * holds its place's number. Lines go up one by one (a long sheet) or stay for a row's few
 * scores (a wide one): they are kept as runs (line-runs.ts). A row costs 20 bytes of typed
 * arrays (it cost 33 with those seven values and its line per row: 65 MB more in a stress year).
 *
 * A text may have more than one code: in a sheet joined from the two parts of a file read in
 * two (appendSheet), the second part's texts follow the first's, so a text both parts hold has
 * a code from each; and the first file's reader numbers its own cells (newCode), so two
 * spellings it trims to one text have a code each. Rules may cache what they find per code;
 * none may take two codes for two texts (checkScores numbers judges by name, not by code).
 */
import { grow, numberOf } from './arrays.js';
import { CommentRuns, type CommentRunsParts } from './comment-runs.js';
import { LineRuns, type LineRunsParts } from './line-runs.js';
import type { ScoreRow } from './records.js';

const INITIAL = 1024;

/**
 * to[base + i] = map[from[i]] for the first `count` rows of `from`, into rows of `to` never
 * written (they hold 0): a 0 is not written (see placeCodes). With no `map`, from[i] itself.
 */
function copyPlaces(to: Int32Array, from: Int32Array, map: Int32Array | undefined, base: number, count: number): void {
  if (map === undefined) {
    for (let i = 0; i < count; i++) if (from[i] !== 0) to[base + i] = from[i]!;
  } else
    for (let i = 0; i < count; i++) {
      const place = map[from[i]!]!;
      if (place !== 0) to[base + i] = place;
    }
}

/** to[base + i] = from[i] + offset for the first `count` rows. */
function shiftInt32(to: Int32Array, from: Int32Array, offset: number, base: number, count: number): void {
  for (let i = 0; i < count; i++) to[base + i] = from[i]! + offset;
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
  /** The row's place (see Place): its number in `places`. */
  placeCodes: Int32Array,
} as const;

type ColumnName = keyof typeof COLUMNS;
type Columns = { [K in ColumnName]: InstanceType<(typeof COLUMNS)[K]> };
const COLUMN_NAMES = Object.keys(COLUMNS) as ColumnName[];
/** Columns holding codes into the sheet's texts (shifted when sheets are joined). */
const TEXT_CODED = ['entryCodes', 'judgeCodes', 'criterionCodes', 'textCodes'] as const;

/**
 * What a place holds, in this order, PLACE_SIZE numbers a place in `places`: the file (index
 * into `files`), the 1-based CSV columns of the score, entry_id, judge_id and criterion cells
 * (0 when unknown: YAML/JSON, or a wide sheet's criterion), the decimal-comma flag (1: the
 * file's numbers may use one), and the stage as written (index into `stageTexts`, 0: none).
 */
export type Place = [
  file: number,
  column: number,
  entryColumn: number,
  judgeColumn: number,
  criterionColumn: number,
  decimalComma: number,
  stage: number,
];
const PLACE_SIZE = 7;
const FILE = 0;
const COLUMN = 1;
const ENTRY_COLUMN = 2;
const JUDGE_COLUMN = 3;
const CRITERION_COLUMN = 4;
const DECIMAL_COMMA = 5;
const STAGE = 6;

/** A ScoreSheet as plain data (ScoreSheet.toParts / fromParts). */
export interface ScoreSheetParts {
  length: number;
  strings: string[];
  files: string[];
  stageTexts: string[];
  places: number[];
  comments: CommentRunsParts;
  stageColumns: [number, number][];
  columns: Columns;
  lines: LineRunsParts;
}

export class ScoreSheet implements Iterable<ScoreRow>, Columns {
  length = 0;
  /**
   * The texts the code columns index (each once, but for a joined sheet: see the top of this
   * file). Not readonly: release() replaces them.
   */
  strings: string[] = [];
  // The per-row columns (COLUMNS). Not readonly: growColumns() replaces them.
  entryCodes = new Int32Array(INITIAL);
  judgeCodes = new Int32Array(INITIAL);
  /** The criterion as written (long form) or the criterion id (wide form). */
  criterionCodes = new Int32Array(INITIAL);
  textCodes = new Int32Array(INITIAL);
  /** The judges' comments, by row (see comment-runs.ts): not readonly, fromParts() replaces them. */
  private comments = new CommentRuns();
  readonly files: string[] = [];
  /** Each row's line (see line()), as runs: not readonly, fromParts() replaces it. */
  private lines = new LineRuns();
  /**
   * Rows are only ever appended, and a new row holds place 0 (columns start, and grow, as
   * zeros): place 0 is never written, only other places. A sheet whose rows are all at its
   * first place (one long CSV file: a stress year's 5 million rows) then never writes this
   * column, and pages never written cost no memory (20 MB; reading them costs none either).
   */
  placeCodes = new Int32Array(INITIAL);
  /** Every place rows have, PLACE_SIZE numbers each (see Place). */
  readonly places: number[] = [];
  private readonly placeIds = new Map<string, number>();
  /** The last place given per score column: a wide row's scores take turns at a few places. */
  private readonly lastPlace: number[] = [];
  readonly stageTexts: string[] = [''];
  /** Per file index: the 1-based CSV column of its `stage` column (for diagnostics). */
  readonly stageColumns = new Map<number, number>();
  private readonly stageIds = new Map<string, number>([['', 0]]);
  /**
   * Text → code for the first `indexed` texts: code() brings it up to date before it looks a
   * text up (a sheet made by fromParts or joined, and texts given by newCode, are indexed only
   * when a look-up needs them, each once).
   */
  private codes = new Map<string, number>();
  private indexed = 0;
  private readonly fileIds = new Map<string, number>();
  /** Set by release(): the rows' texts are gone. */
  private released = false;

  /**
   * Hands the rows' texts over to the one caller that needs them last: the four code columns
   * and the texts they index. The caller may rewrite those columns in place (checkScores makes
   * its records in them: 80 MB less at the peak of a stress year). The sheet keeps each row's
   * place and line, so file(), line(), columnOf(), stage() and the like still answer; anything
   * that reads a row's texts (entryId(), at(), toParts(), joining, adding rows) throws.
   */
  release(): Pick<Columns, (typeof TEXT_CODED)[number]> & { strings: string[] } {
    this.readable();
    const { entryCodes, judgeCodes, criterionCodes, textCodes, strings } = this;
    this.entryCodes = this.judgeCodes = this.criterionCodes = this.textCodes = new Int32Array(0);
    this.strings = [];
    this.forgetCodes();
    this.released = true;
    return { entryCodes, judgeCodes, criterionCodes, textCodes, strings };
  }

  /** Throws once release() has handed the texts over: a read after it is a bug, never an empty answer. */
  private readable(): void {
    if (this.released)
      throw new Error(
        "this score sheet's texts were handed over by release() (scoring with takeSheet): read them before scoring",
      );
  }

  /** The code of a text (given one the first time it is seen). */
  code(s: string): number {
    this.readable();
    const { codes, strings } = this;
    // Texts added since the last look-up (newCode, fromParts, a join): a text keeps its first code.
    for (; this.indexed < strings.length; this.indexed++)
      if (!codes.has(strings[this.indexed]!)) codes.set(strings[this.indexed]!, this.indexed);
    const code = numberOf(s, strings, codes);
    this.indexed = strings.length;
    return code;
  }

  /** The look-up index, emptied: code() rebuilds it from `strings` when next asked. */
  private forgetCodes(): void {
    this.codes = new Map<string, number>();
    this.indexed = 0;
  }

  /**
   * A new code for a text, not looked up: for the first reader of a sheet, which numbers its
   * own texts (a CSV file's distinct cells, each once). The text may have a code already (a
   * spelling the reader trims to the same text): it then has two, as a joined sheet's texts may
   * (see the top of this file). A worker reading half a stress year spent ~80 ms looking its
   * 100,000 ids up in a map that could only say "new"; they are indexed only if a later code()
   * asks (a second file of the sheet).
   */
  newCode(s: string): number {
    this.readable();
    return this.strings.push(s) - 1;
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
    this.readable();
    other.readable();
    const base = this.length;
    const count = other.length;
    // Exactly the room needed: the last rows come in at once, and doubling a stress year's
    // first half (2.5 million rows in five columns) would hold 50 MB that no row ever uses.
    if (base + count > this.entryCodes.length) this.growColumns(base + count, true);
    const offset = this.strings.length;
    for (const text of other.strings) this.strings.push(text);
    this.forgetCodes(); // rebuilt on the next code(): a text then keeps its first code
    const files = Int32Array.from(other.files, (name) => this.fileId(name));
    const stages = Int32Array.from(other.stageTexts, (text) => this.stageCode(text));
    const places = Int32Array.from({ length: other.places.length / PLACE_SIZE }, (_, p) => {
      const place = other.placeAt(p);
      place[FILE] = files[place[FILE]]!;
      place[STAGE] = stages[place[STAGE]]!;
      // spread-ok: a place is seven numbers
      return this.placeOf(...place);
    });
    for (const name of TEXT_CODED) shiftInt32(this[name], other[name], offset, base, count);
    copyPlaces(this.placeCodes, other.placeCodes, places.every((v, k) => v === k) ? undefined : places, base, count);
    this.lines.append(other.lines);
    this.comments.append(other.comments, base);
    for (const [f, column] of other.stageColumns)
      if (!this.stageColumns.has(files[f]!)) this.stageColumns.set(files[f]!, column);
    this.length = base + count;
  }

  /**
   * Columns cut to the rows they hold (a worker's before it posts them: doubling leaves up to
   * half of each column empty, 50 MB of a stress year's half that the main thread would hold).
   */
  compact(): void {
    this.readable();
    if (this.entryCodes.length === this.length) return;
    for (const name of COLUMN_NAMES) (this as Columns)[name] = this[name].slice(0, this.length);
  }

  /** Everything the sheet holds, as plain data a worker thread can post (typed arrays transfer). */
  toParts(): ScoreSheetParts {
    this.readable();
    const { length, strings, files, stageTexts, places } = this;
    const columns = {} as Columns;
    for (const name of COLUMN_NAMES) (columns as Record<ColumnName, unknown>)[name] = this[name];
    return {
      length,
      strings,
      files,
      stageTexts,
      places,
      comments: this.comments.toParts(),
      stageColumns: [...this.stageColumns],
      columns,
      lines: this.lines.toParts(),
    };
  }

  static fromParts(parts: ScoreSheetParts): ScoreSheet {
    const sheet = new ScoreSheet();
    sheet.length = parts.length;
    for (const text of parts.strings) sheet.strings.push(text); // indexed when code() first asks
    for (const name of COLUMN_NAMES) (sheet as Columns)[name] = parts.columns[name];
    sheet.lines = LineRuns.fromParts(parts.lines);
    parts.files.forEach((file) => sheet.fileId(file));
    parts.stageTexts.forEach((stage) => sheet.stageCode(stage));
    for (let p = 0; p < parts.places.length; p += PLACE_SIZE)
      // spread-ok: a place is seven numbers
      sheet.placeOf(...(parts.places.slice(p, p + PLACE_SIZE) as Place));
    sheet.comments = CommentRuns.fromParts(parts.comments);
    for (const [file, column] of parts.stageColumns) sheet.stageColumns.set(file, column);
    return sheet;
  }

  entryId(i: number): string {
    this.readable();
    return this.strings[this.entryCodes[i]!]!;
  }

  judgeId(i: number): string {
    this.readable();
    return this.strings[this.judgeCodes[i]!]!;
  }

  /** The criterion of row i as written (long form) or its id (wide form). */
  criterion(i: number): string {
    this.readable();
    return this.strings[this.criterionCodes[i]!]!;
  }

  /** The score of row i as written. */
  text(i: number): string {
    this.readable();
    return this.strings[this.textCodes[i]!]!;
  }

  fileId(file: string): number {
    return numberOf(file, this.files, this.fileIds);
  }

  /** The code of a stage as written. */
  stageCode(stage: string): number {
    return numberOf(stage, this.stageTexts, this.stageIds);
  }

  /** The number of a place (given one the first time it is seen). */
  placeOf(...[file, column, entryColumn, judgeColumn, criterionColumn, decimalComma, stage]: Place): number {
    const { places } = this;
    const last = this.lastPlace[column];
    if (last !== undefined) {
      const at = last * PLACE_SIZE;
      if (
        places[at + FILE] === file &&
        places[at + ENTRY_COLUMN] === entryColumn &&
        places[at + JUDGE_COLUMN] === judgeColumn &&
        places[at + CRITERION_COLUMN] === criterionColumn &&
        places[at + DECIMAL_COMMA] === decimalComma &&
        places[at + STAGE] === stage
      )
        return last;
    }
    const key = `${file} ${column} ${entryColumn} ${judgeColumn} ${criterionColumn} ${decimalComma} ${stage}`;
    let place = this.placeIds.get(key);
    if (place === undefined) {
      place = places.length / PLACE_SIZE;
      places.push(file, column, entryColumn, judgeColumn, criterionColumn, decimalComma, stage);
      this.placeIds.set(key, place);
    }
    this.lastPlace[column] = place;
    return place;
  }

  /** Place number p as its values (a copy). */
  placeAt(p: number): Place {
    return this.places.slice(p * PLACE_SIZE, (p + 1) * PLACE_SIZE) as Place;
  }

  /** Rows from..to marked as read from a file whose numbers may (or may not) use a decimal comma. */
  setDecimalComma(from: number, to: number, decimalComma: boolean): void {
    this.changePlaces(from, to, (place) => (place[DECIMAL_COMMA] = decimalComma ? 1 : 0));
  }

  /** Rows from..to given no columns (YAML/JSON rows have none). */
  clearColumns(from: number, to: number): void {
    this.changePlaces(from, to, (place) => place.fill(0, COLUMN, CRITERION_COLUMN + 1));
  }

  /** Rows from..to moved to the place `change` makes of theirs (each place changed once). */
  private changePlaces(from: number, to: number, change: (place: Place) => void): void {
    const moved = new Map<number, number>();
    for (let i = from; i < to; i++) {
      const p = this.placeCodes[i]!;
      let q = moved.get(p);
      if (q === undefined) {
        const place = this.placeAt(p);
        change(place);
        // spread-ok: a place is seven numbers
        moved.set(p, (q = this.placeOf(...place)));
      }
      if (q !== p) this.placeCodes[i] = q;
    }
  }

  /** Rows from..to, added by addScore and not placed yet, at one place. */
  fillPlace(from: number, to: number, ...place: Place): void {
    // spread-ok: a place is seven numbers
    const p = this.placeOf(...place);
    if (p !== 0) this.placeCodes.fill(p, from, to); // they hold place 0 already (see placeCodes)
  }

  /** Per place number: its values at `field` of Place (for a loop over rows: placeField(…)[placeCodes[i]]). */
  placeField(field: 'file' | 'decimalComma'): Int32Array {
    const k = field === 'file' ? FILE : DECIMAL_COMMA;
    return Int32Array.from({ length: this.places.length / PLACE_SIZE }, (_, p) => this.places[p * PLACE_SIZE + k]!);
  }

  /** Index into `files` of row i's file. */
  fileIndexOf(i: number): number {
    return this.places[this.placeCodes[i]! * PLACE_SIZE + FILE]!;
  }

  /** The 1-based CSV column of row i's score; 0 when unknown. */
  columnOf(i: number): number {
    return this.places[this.placeCodes[i]! * PLACE_SIZE + COLUMN]!;
  }

  entryColumnOf(i: number): number {
    return this.places[this.placeCodes[i]! * PLACE_SIZE + ENTRY_COLUMN]!;
  }

  judgeColumnOf(i: number): number {
    return this.places[this.placeCodes[i]! * PLACE_SIZE + JUDGE_COLUMN]!;
  }

  criterionColumnOf(i: number): number {
    return this.places[this.placeCodes[i]! * PLACE_SIZE + CRITERION_COLUMN]!;
  }

  /** True when row i's file may write numbers with a decimal comma. */
  decimalCommaOf(i: number): boolean {
    return this.places[this.placeCodes[i]! * PLACE_SIZE + DECIMAL_COMMA] === 1;
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
    if (size > this.entryCodes.length) this.growColumns(size);
  }

  /** Room for `size` rows in every column (at least doubling, so adds stay amortised O(1)). */
  private growColumns(size: number, exact = false): void {
    this.readable();
    for (const name of COLUMN_NAMES) (this as Columns)[name] = grow(this[name], size, exact);
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
    const place = this.placeOf(file, column, entryColumn, judgeColumn, criterionColumn, decimalComma ? 1 : 0, stage);
    if (place !== 0) this.placeCodes[i] = place; // a new row holds place 0 already (see placeCodes)
  }

  /**
   * A row whose place (file, columns, decimal-comma flag and stage) its reader fills in
   * afterwards, for all of a file's rows at once (fillPlace: they are the same on every row of
   * a long CSV sheet). Returns the row's index.
   */
  addScore(
    entry: number,
    judge: number,
    criterion: number,
    text: number,
    line: number,
    comment: string | undefined,
  ): number {
    this.readable();
    const i = this.length++;
    if (i >= this.entryCodes.length) this.growColumns(i + 1);
    this.entryCodes[i] = entry;
    this.judgeCodes[i] = judge;
    this.criterionCodes[i] = criterion;
    this.textCodes[i] = text;
    this.lines.push(line);
    if (comment) this.comments.add(i, comment);
    return i;
  }

  /** Appends row i of another sheet, column by column (no object per row). */
  copyRow(from: ScoreSheet, i: number): void {
    this.add(
      from.entryId(i),
      from.judgeId(i),
      from.criterion(i),
      from.text(i),
      from.decimalCommaOf(i),
      this.fileId(from.file(i)),
      from.line(i),
      from.columnOf(i),
      from.entryColumnOf(i),
      from.judgeColumnOf(i),
      from.criterionColumnOf(i),
      from.comment(i),
      from.stage(i),
    );
  }

  /** The stage as written for row i ('' when none). */
  stage(i: number): string {
    return this.stageTexts[this.places[this.placeCodes[i]! * PLACE_SIZE + STAGE]!]!;
  }

  file(i: number): string {
    return this.files[this.fileIndexOf(i)]!;
  }

  /** The judge's comment on row i, if any (kept, not scored). */
  comment(i: number): string | undefined {
    return this.comments.get(i);
  }

  /** The line row i starts on in its file (for YAML and JSON, the line of its record). */
  line(i: number): number {
    return this.lines.line(i);
  }

  /** Every row's line moved by `delta` (the second part of a file read in two: see sheet-thread.ts). */
  shiftLines(delta: number): void {
    this.lines.shift(delta);
  }

  /** Row i as an object (for diagnostics and small consumers). */
  at(i: number): ScoreRow {
    const row: ScoreRow = {
      entryId: this.entryId(i),
      judgeId: this.judgeId(i),
      criterionRaw: this.criterion(i),
      text: this.text(i),
      decimalComma: this.decimalCommaOf(i),
      source: { file: this.file(i), line: this.line(i) },
    };
    const [, column, entryColumn, judgeColumn, criterionColumn] = this.placeAt(this.placeCodes[i]!);
    if (column) row.column = column;
    const fieldColumns: NonNullable<ScoreRow['fieldColumns']> = {};
    if (entryColumn) fieldColumns.entry_id = entryColumn;
    if (judgeColumn) fieldColumns.judge_id = judgeColumn;
    if (criterionColumn) fieldColumns.criterion = criterionColumn;
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
