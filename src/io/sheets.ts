/**
 * Score sheets: every score file read into one columnar ScoreSheet. CSV rows stream in as they
 * are parsed (no record objects); YAML/JSON records are added after parsing. Kept apart from
 * load.ts (and from zod and the rubric schema) so that the sheet worker (sheet-worker.ts) can
 * run it without loading them.
 */
import { Buffer } from 'node:buffer';
import { diagnostic, pushLimited, quoted, type Diagnostic } from '../model/diagnostic.js';
import type { InputFile } from '../model/records.js';
import type { Rubric } from '../model/rubric.js';
import { ScoreSheet } from '../model/scoresheet.js';
import { vocabulary } from '../model/vocabulary.js';
import type { Delimiter } from './csv.js';
import { formatOf, readInputOrStop, sha256 } from './files.js';
import { readTable, type RowStream, type Table } from './table.js';
import type { WorkbookSheet } from './xlsx.js';

// title, agency and category: context that `kipp assign` prints on each judge's sheet (read, not used).
const SCORE_FIELDS = new Set(['entry_id', 'judge_id', 'criterion', 'score', 'comment', 'title', 'agency', 'category']);

/**
 * Free-text columns a score cut at its decimal comma spills into when they follow a score
 * column (splitScore). Columns kipp does not know are not checked: a judge's own `total`
 * column right after the scores holds a number on every row.
 */
const SPILL_FIELDS = new Set(['comment', 'title', 'agency']);
/** A cell that is only a number: the rest of a score cut at its decimal comma, or a shifted score. */
const SPILLED = /^\d{1,3}(\.\d+)?$/;

/** A score file to read, and the stage it was given for (`--scores NAME=FILE`). */
export interface SheetFile {
  path: string;
  stage: string | undefined;
}

export interface ReadSheets {
  sheet: ScoreSheet;
  /** One per file, in the order given. */
  inputs: InputFile[];
  diagnostics: Diagnostic[];
  /** With `stopAt`: where reading stopped (undefined: the file was read to its end), and its line. */
  stoppedAt?: number;
  stoppedLine?: number;
  /**
   * With `stopAt`: where the rows' diagnostics begin (before: the file's, its header's and its
   * CSV's): the second part's go in at both places, as one reader would have listed them.
   */
  rowDiagnosticsAt?: number;
}

export interface SheetReadOptions {
  delimiter?: Delimiter | undefined;
  progress?: ((message: string) => void) | undefined;
  /** One CSV file read in two parts: stop at this byte offset if a record starts there. */
  stopAt?: number | undefined;
  /** The file's bytes, already read (one file read in two parts shares them between threads). */
  bytes?: Uint8Array | undefined;
  /** With `bytes`, false: leave sha256 empty (the thread that read the bytes hashes them). */
  hash?: boolean;
  /** Workbooks among the files, their sheets already read (see LoadOptions). */
  workbooks?: ReadonlyMap<string, WorkbookSheet> | undefined;
}

/** Reads the score files, in order, into one ScoreSheet. A missing file stops it (KippError). */
export function readScoreSheets(
  files: readonly SheetFile[],
  rubric: Rubric,
  options: SheetReadOptions = {},
): ReadSheets {
  const { delimiter, progress, stopAt, bytes, hash = true } = options;
  const vocab = vocabulary(rubric);
  const sheet = new ScoreSheet();
  const inputs: InputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let stoppedAt: number | undefined;
  let stoppedLine = 0;
  let rowDiagnosticsAt = 0;
  for (const { path, stage } of files) {
    progress?.(`reading scores ${path}`);
    const book = options.workbooks?.get(path);
    const input =
      book !== undefined
        ? { path, bytes: new Uint8Array(0), sha256: book.sha256, format: 'xlsx' as const }
        : bytes !== undefined
          ? { path, bytes, sha256: hash ? sha256(bytes) : '', format: formatOf(path) }
          : readInputOrStop(path);
    inputs.push({
      path,
      kind: 'scores',
      sha256: input.sha256,
      ...(stage !== undefined ? { stage } : {}),
      ...(book !== undefined && book.sheet !== '' ? { sheet: book.sheet } : {}),
    });
    const found: Diagnostic[] = [];
    const reader = new SheetReader(sheet, path, vocab.criterionIds, found, rubric.stages.length > 0, stage);
    reader.stageName = (raw) => vocab.stage(raw);
    const table = readTable(
      input,
      {
        kind: 'scores',
        criterion: (normalized) => vocab.criterion(normalized),
        delimiter,
        ...(stopAt !== undefined ? { stopAt } : {}),
        workbook: book,
      },
      reader,
    );
    if (table.records.length > 0) reader.records(table);
    reader.finish(table.decimalComma);
    for (const d of table.diagnostics) diagnostics.push(d);
    rowDiagnosticsAt = diagnostics.length;
    for (const d of found) diagnostics.push(d);
    stoppedAt = table.stoppedAt;
    stoppedLine = table.stoppedLine ?? 0;
  }
  return stoppedAt !== undefined
    ? { sheet, inputs, diagnostics, stoppedAt, stoppedLine, rowDiagnosticsAt }
    : { sheet, inputs, diagnostics };
}

/** The line the second part's first record is numbered with before it is shifted (far above any real line). */
export const TAIL_LINE_BASE = 2 ** 30;

/**
 * The second part of a CSV score file read in two: the records from byte `start` (a record
 * start, as the first part's reader confirms) to the end, read with the file's own header and
 * delimiter, their lines counted from TAIL_LINE_BASE. Only the records' own diagnostics are
 * kept (the header's are the first part's): the CSV reader's and the rows'.
 */
export function readSheetTail(
  file: SheetFile,
  fileBytes: Uint8Array,
  start: number,
  rubric: Rubric,
  delimiter: Delimiter | undefined,
): { sheet: ScoreSheet; csvDiagnostics: Diagnostic[]; rowDiagnostics: Diagnostic[] } {
  // The records' lines count from TAIL_LINE_BASE: the first part's reader finds the cut's real
  // line, and the joined sheet's lines are shifted then (sheet-thread.ts). No message text
  // holds a record's line, only the line fields.
  const line = TAIL_LINE_BASE;
  const all = Buffer.from(fileBytes.buffer, fileBytes.byteOffset, fileBytes.byteLength);
  const vocab = vocabulary(rubric);
  const sheet = new ScoreSheet();
  const found: Diagnostic[] = [];
  const reader = new SheetReader(sheet, file.path, vocab.criterionIds, found, rubric.stages.length > 0, file.stage);
  reader.stageName = (raw) => vocab.stage(raw);
  // The whole file's bytes, read as its own reader reads them (the same delimiter detection),
  // but from `start` once the header is read.
  const table = readTable(
    { path: file.path, bytes: all, sha256: '', format: 'csv' },
    { kind: 'scores', criterion: (normalized) => vocab.criterion(normalized), delimiter, resume: { at: start, line } },
    reader,
  );
  reader.finish(table.decimalComma);
  // The header's findings, and the encoding's (a finding about the whole file), are the first part's.
  const ofRecords = (d: Diagnostic) => d.code !== 'encoding' && d.line !== undefined && d.line >= line;
  return { sheet, csvDiagnostics: table.diagnostics.filter(ofRecords), rowDiagnostics: found.filter(ofRecords) };
}

/**
 * Reads one score sheet into the shared columnar ScoreSheet: CSV rows stream in as they are
 * parsed (no record objects), YAML/JSON records are added after parsing.
 */
class SheetReader implements RowStream {
  private skip = false;
  private long = false;
  /** Wide form: per criterion column, the sheet's code of the criterion id and the cell index. */
  private wide: { code: number; index: number }[] = [];
  /** By a CSV cell's code: the sheet's code + 1 (0: not seen yet). */
  private translated = new Int32Array(1024);
  /** The sheet held no text when this file's reading began (see code()). */
  private readonly firstFile: boolean;
  private entryAt = -1;
  private judgeAt = -1;
  private criterionAt = -1;
  private scoreAt = -1;
  private commentAt = -1;
  private stageAt = -1;
  private readonly fileId: number;
  readonly start: number;

  constructor(
    private readonly sheet: ScoreSheet,
    private readonly file: string,
    private readonly criterionIds: string[],
    private readonly diagnostics: Diagnostic[],
    /** The rubric scores in stages: the `stage` column is read. */
    private readonly staged = false,
    /** The stage the sheet was given for (`--scores NAME=FILE`). */
    private readonly sheetStage?: string,
  ) {
    this.fileId = sheet.fileId(file);
    this.start = sheet.length;
    this.firstFile = sheet.strings.length === 0;
  }

  /** Decides the form (long or wide) from the header; reports what is missing or unknown. */
  header(
    names: (string | null)[],
    columns: Map<string, number>,
    line: number,
    rows?: number,
    delimiter?: Delimiter,
  ): void {
    const has = (f: string) => columns.has(f);
    this.long = has('criterion') && has('score');
    this.wide = this.criterionIds
      .filter(has)
      .map((criterion) => ({ code: this.sheet.code(criterion), index: columns.get(criterion)! - 1 }));
    if (!this.long && this.wide.length === 0) {
      pushLimited(
        this.diagnostics,
        diagnostic(
          'missing-field',
          `a score sheet needs either "criterion" and "score" columns (long form) or one column per criterion (wide form: ${this.criterionIds.join(', ')})`,
          {
            file: this.file,
            line,
          },
        ),
      );
      this.skip = true;
      return;
    }
    for (const required of ['entry_id', 'judge_id']) {
      if (!has(required)) {
        const aliases = required === 'entry_id' ? 'id_inovasi, kode_inovasi' : 'juri, id_juri, evaluator';
        pushLimited(
          this.diagnostics,
          diagnostic('missing-field', `the score sheet has no "${required}" column: add it (aliases: ${aliases})`, {
            file: this.file,
            line,
            field: required,
          }),
        );
        this.skip = true;
      }
    }
    if (this.skip) return;
    const criterionSet = new Set(this.criterionIds);
    for (const [name, column] of columns) {
      if (SCORE_FIELDS.has(name) || (this.staged && name === 'stage') || (!this.long && criterionSet.has(name)))
        continue;
      pushLimited(this.diagnostics, unknownField(name, 'score sheet', this.file, line, column));
    }
    const at = (f: string) => (columns.get(f) ?? 0) - 1;
    this.entryAt = at('entry_id');
    this.judgeAt = at('judge_id');
    this.criterionAt = this.long ? at('criterion') : -1;
    this.scoreAt = this.long ? at('score') : -1;
    this.commentAt = at('comment');
    this.stageAt = this.staged ? at('stage') : -1;
    if (this.stageAt >= 0) this.sheet.stageColumns.set(this.fileId, this.stageAt + 1);
    if (delimiter === ',') {
      // A free-text column right after a score column is where a score cut in two at its
      // decimal comma spills over (see splitScore).
      const scores = this.long ? [this.scoreAt] : this.wide.map((w) => w.index);
      this.spill = scores.filter((k) => SPILL_FIELDS.has(names[k + 1] ?? ''));
      this.spillNames = this.spill.map((k) => names[k + 1]!);
    }
    if (rows !== undefined) this.sheet.reserve(this.sheet.length + rows * (this.long ? 1 : this.wide.length));
  }

  /**
   * The sheet's code of cell k. A CSV cell's code within its file (`codes`) is translated once:
   * into a new code of the sheet's when this is the sheet's first file (the file numbers each
   * distinct cell once: no look-up), else looked up, so that the files of a folder share their
   * ids' codes. Other cells are looked up by text.
   */
  private code(cells: string[], k: number, codes: Int32Array | undefined): number {
    // Past the row's cells, `codes` holds an earlier row's codes (see CsvHandlers.row).
    const csv = codes === undefined || k < 0 || k >= cells.length ? -1 : codes[k]!;
    if (csv < 0) return this.sheet.code(cells[k] ?? '');
    if (csv >= this.translated.length) {
      const more = new Int32Array(Math.max(csv + 1, this.translated.length * 2));
      more.set(this.translated);
      this.translated = more;
    }
    let code = this.translated[csv]! - 1;
    if (code < 0) {
      code = this.firstFile ? this.sheet.newCode(cells[k]!) : this.sheet.code(cells[k]!);
      this.translated[csv] = code + 1;
    }
    return code;
  }

  /** Cells arrive trimmed (the CSV reader and the YAML reader both clean them). */
  row(cells: string[], line: number, codes?: Int32Array): void {
    if (this.skip) return;
    const entryId = cells[this.entryAt] ?? '';
    const judgeId = cells[this.judgeAt] ?? '';
    if (entryId === '' || judgeId === '') {
      for (const [field, value, index] of [
        ['entry_id', entryId, this.entryAt],
        ['judge_id', judgeId, this.judgeAt],
      ] as const) {
        if (value === '')
          pushLimited(
            this.diagnostics,
            diagnostic('missing-field', `the row has no ${field}: fill it in or delete the row`, {
              file: this.file,
              line,
              column: index + 1,
              field,
            }),
          );
      }
      return;
    }
    const comment = this.commentAt >= 0 ? (cells[this.commentAt] ?? '') : '';
    const stage = this.stageAt >= 0 ? (cells[this.stageAt] ?? '') || (this.sheetStage ?? '') : (this.sheetStage ?? '');
    if (this.sheetStage !== undefined && stage !== this.sheetStage && this.stageName(stage) !== this.sheetStage) {
      pushLimited(
        this.diagnostics,
        diagnostic(
          'unknown-stage',
          `the row says stage ${quoted(stage)}, but the sheet was given as --scores ${this.sheetStage}=${this.file}: correct the row or the option`,
          {
            file: this.file,
            line,
            column: this.stageAt + 1,
            field: 'stage',
            entry_id: entryId,
          },
        ),
      );
      return;
    }
    if (this.spill.length > 0 && this.splitScore(cells, line)) return;
    const sheet = this.sheet;
    const entry = this.code(cells, this.entryAt, codes);
    const judge = this.code(cells, this.judgeAt, codes);
    const stageCode = stage === '' ? 0 : sheet.stageCode(stage);
    if (this.long) {
      const text = this.code(cells, this.scoreAt, codes);
      const criterion = this.code(cells, this.criterionAt, codes);
      if (codes !== undefined && this.stageAt < 0) {
        // A CSV row of a long sheet: its file, columns and stage are the same on every row and
        // are filled in by finish() (one place for them all); five columns are written here instead of six.
        sheet.addScore(entry, judge, criterion, text, line, comment);
        this.constantRows = true;
      } else
        sheet.addCodes(
          entry,
          judge,
          criterion,
          text,
          false,
          this.fileId,
          line,
          this.scoreAt + 1,
          this.entryAt + 1,
          this.judgeAt + 1,
          this.criterionAt + 1,
          comment,
          stageCode,
        );
      return;
    }
    for (const { code, index } of this.wide) {
      if ((cells[index] ?? '') === '') continue; // an empty cell is "not scored"
      sheet.addCodes(
        entry,
        judge,
        code,
        this.code(cells, index, codes),
        false,
        this.fileId,
        line,
        index + 1,
        this.entryAt + 1,
        this.judgeAt + 1,
        0,
        comment,
        stageCode,
      );
    }
  }

  /**
   * In a comma-separated sheet an unquoted `8,5` is two cells, `8` and `5`. When the row lacked
   * its trailing cells (no empty comment written), the count still matches the header and
   * every cell after the cut sits one column to the right: the score reads 8 and the comment
   * (or a title) holds the `5`, or, in a wide sheet, the last criterion's score. So a row whose
   * free-text cell right after a score column holds only a number (up to three digits, maybe
   * with a decimal point) is refused at its line. A comment that is just a number is rare; a
   * word with it (`skor 5`) or a `;` file lets it through.
   */
  private splitScore(cells: string[], line: number): boolean {
    for (let s = 0; s < this.spill.length; s++) {
      const k = this.spill[s]!;
      const next = cells[k + 1] ?? '';
      const c = next.charCodeAt(0);
      if (c < 0x30 || c > 0x39 || !SPILLED.test(next)) continue;
      const field = this.spillNames[s]!;
      pushLimited(
        this.diagnostics,
        diagnostic(
          'parse-error',
          `the "${field}" cell, right after the scores, holds only a number ("${next}"): in a comma-separated file a score written with a decimal comma (like 6,5) is cut in two, and every later cell moves one column to the right. Write scores with a decimal point (6.5), or save the file with ";" as the delimiter; if "${next}" really is the ${field}, add a word to it. The row is not read`,
          { file: this.file, line, column: k + 2, field },
        ),
      );
      return true;
    }
    return false;
  }

  /** Score columns (0-based) followed by a free-text column, checked by splitScore, and that column's field. */
  private spill: number[] = [];
  private spillNames: string[] = [];

  /** Set by readCompetition: resolves a stage value to its name. */
  stageName: (raw: string) => string | undefined = () => undefined;

  /** YAML/JSON records: the same rules, one record at a time. */
  records(table: Table): void {
    const columns = new Map(table.fields.map((f, i) => [f, i + 1]));
    const line = table.records[0]?.source.line ?? 1;
    this.header([], columns, line);
    // Unknown keys in YAML/JSON are reported at the first record that has them.
    const names = table.fields;
    for (const r of table.records) {
      this.row(
        names.map((f) => r.fields.get(f) ?? ''),
        r.source.line,
      );
    }
    // YAML/JSON carry no columns.
    this.sheet.clearColumns(this.start, this.sheet.length);
    this.sheet.stageColumns.delete(this.fileId);
    for (const d of this.diagnostics) if (d.file === this.file && d.code !== 'unknown-field') delete d.column;
  }

  /** Numbers of a CSV file whose delimiter is not a comma may use a decimal comma. */
  finish(decimalComma: boolean): void {
    const { sheet, start } = this;
    const comma = decimalComma ? 1 : 0;
    if (this.constantRows)
      sheet.fillPlace(
        start,
        sheet.length,
        this.fileId,
        this.scoreAt + 1,
        this.entryAt + 1,
        this.judgeAt + 1,
        this.criterionAt + 1,
        comma,
        this.sheetStage === undefined ? 0 : sheet.stageCode(this.sheetStage),
      );
    // Rows added one by one were given no decimal comma (addCodes(…, false, …)).
    else if (decimalComma) sheet.setDecimalComma(start, sheet.length, true);
  }

  /** Rows were added with addScore: finish() fills their constant columns. */
  private constantRows = false;
}

/** A column or key that is no field of its kind of file (kept, not used). */
export function unknownField(
  name: string,
  kind: string,
  file: string | undefined,
  line: number | undefined,
  column: number | undefined,
): Diagnostic {
  return diagnostic(
    'unknown-field',
    `${quoted(name)} is not a known ${kind} field: it is kept as is; check the spelling if it was meant to be one`,
    { file, line, column, field: name },
  );
}
