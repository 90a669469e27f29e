/**
 * loadCompetition: every input a command names — rubric, entries, score sheets, judges — read,
 * parsed and turned into typed records. Problems found here become diagnostics; a missing file or
 * an invalid rubric stops the command (KippError, exit 2).
 */
import { existsSync } from 'node:fs';
import { diagnostic, KippError, type Diagnostic } from '../model/diagnostic.js';
import type { FileKind } from '../model/names.js';
import type { Competition, Entry, InputFile, Judge, RawRecord } from '../model/records.js';
import type { Rubric } from '../model/rubric.js';
import { ScoreSheet } from '../model/scoresheet.js';
import { vocabulary } from '../model/vocabulary.js';
import type { Delimiter } from './csv.js';
import { listInputs, MissingFile, readInput } from './files.js';
import { loadRubric, type LoadedRubric } from './rubric.js';
import { readTable, type RowStream, type Table } from './table.js';

export interface LoadOptions {
  entries: string[];
  scores?: string[];
  /** One judges file or folder (several: `kipp verify` re-reading a folder's files). */
  judges?: string | readonly string[] | undefined;
  /** A rubric path; null or undefined for the embedded default. */
  rubric?: string | null | undefined;
  delimiter?: Delimiter | undefined;
  /** Called with a short message before each file is read (progress on stderr). */
  progress?: (message: string) => void;
}

const ENTRY_FIELDS = new Set(['id', 'title', 'agency', 'agency_type', 'region', 'category', 'group', 'implemented_since', 'summary', 'video_url']);
// title, agency and category: context that `kipp assign` prints on each judge's sheet (read, not used).
const SCORE_FIELDS = new Set(['entry_id', 'judge_id', 'criterion', 'score', 'comment', 'title', 'agency', 'category']);
const JUDGE_FIELDS = new Set(['id', 'name', 'agency', 'region', 'expertise']);

export function loadCompetition(options: LoadOptions, loadedRubric?: LoadedRubric): Competition {
  const { rubric, path: rubricPath, sha256: rubricSha } = loadedRubric ?? loadRubric(options.rubric ?? null);
  const vocab = vocabulary(rubric);
  const criterionColumn = (normalized: string) => vocab.criterion(normalized);

  // Every path is checked before anything is read, so that all missing files are named at once.
  const missing: Diagnostic[] = [];
  const expand = (paths: string[], kind: FileKind) =>
    paths.flatMap((named) => {
      const { path: p, stage } = kind === 'scores' ? stageOfSheet(named, rubric) : { path: named, stage: undefined };
      try {
        const files = listInputs(p);
        if (files.length === 0) missing.push(diagnostic('file-not-found', `directory ${p} holds no .csv, .yaml, .yml or .json file for ${kind}`, { file: p }));
        return files.map((f) => ({ path: f, kind, stage }));
      } catch (err) {
        if (err instanceof MissingFile) {
          missing.push(diagnostic('file-not-found', `${kind} file not found: check the path`, { file: err.path }));
          return [];
        }
        throw err;
      }
    });
  const files = [
    ...expand(options.entries, 'entries'),
    ...expand(options.scores ?? [], 'scores'),
    ...expand(options.judges === undefined ? [] : typeof options.judges === 'string' ? [options.judges] : [...options.judges], 'judges'),
  ];
  if (missing.length > 0) throw new KippError('usage', missing.map((d) => `${d.file}: ${d.message}`).join('\n'), missing);

  const diagnostics: Diagnostic[] = [];
  const inputs: InputFile[] = [];
  const entries: Entry[] = [];
  const scores = new ScoreSheet();
  let judges: Judge[] | null = null;

  for (const { path, kind, stage } of files) {
    options.progress?.(`reading ${kind} ${path}`);
    let input;
    try {
      input = readInput(path);
    } catch (err) {
      if (err instanceof MissingFile) throw new KippError('usage', err.message, [diagnostic('file-not-found', err.message, { file: path })]);
      throw err;
    }
    inputs.push(stage !== undefined ? { path, kind, sha256: input.sha256, stage } : { path, kind, sha256: input.sha256 });
    const tableOptions = { kind, criterion: criterionColumn, delimiter: options.delimiter };
    if (kind === 'scores') {
      const found: Diagnostic[] = [];
      const reader = new SheetReader(scores, path, vocab.criterionIds, found, rubric.stages.length > 0, stage);
      reader.stageName = (raw) => vocab.stage(raw);
      const table = readTable(input, tableOptions, reader);
      if (table.records.length > 0) reader.records(table);
      reader.finish(table.decimalComma);
      append(diagnostics, table.diagnostics);
      append(diagnostics, found);
      continue;
    }
    const table = readTable(input, tableOptions);
    // Appended in loops: push(...rows) overflows the call stack past ~100,000 rows.
    append(diagnostics, table.diagnostics);
    if (kind === 'entries') append(entries, toEntries(table, vocab.criterionIds, rubric.fields, diagnostics));
    else append((judges ??= []), toJudges(table, path, diagnostics));
  }

  return {
    rubric,
    rubricSource: { path: rubricPath, sha256: rubricSha, name: rubric.name, version: rubric.version },
    entries,
    scores,
    judges,
    hasScoreSheets: (options.scores ?? []).length > 0,
    inputs,
    diagnostics,
  };
}

function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function warnUnknownFields(table: Table, known: (name: string) => boolean, kind: string, diagnostics: Diagnostic[]): void {
  const file = table.records[0]?.source.file;
  for (const name of table.fields) {
    if (known(name)) continue;
    const first = table.records.find((r) => r.fields.has(name));
    const column = first?.columns?.get(name);
    diagnostics.push(
      diagnostic('unknown-field', `"${name}" is not a known ${kind} field: it is kept as is; check the spelling if it was meant to be one`, {
        file: first?.source.file ?? file,
        line: first?.columns ? table.headerLine : first?.source.line,
        column,
        field: name,
      }),
    );
  }
}

function text(record: RawRecord, field: string): string {
  return record.fields.get(field) ?? '';
}

/** Never written to: only entries with criterion columns get a map of their own. */
const NO_INLINE_SCORES = new Map<string, { text: string; column?: number }>();

function toEntries(table: Table, criterionIds: string[], fieldRules: Record<string, unknown>, diagnostics: Diagnostic[]): Entry[] {
  const criteria = new Set(criterionIds);
  warnUnknownFields(table, (name) => ENTRY_FIELDS.has(name) || criteria.has(name) || name in fieldRules, 'entry', diagnostics);
  return table.records.map((r) => {
    // Entries without criterion columns share one empty map (200,000 entries: one map, not 200,000).
    const inlineScores = criterionIds.some((c) => r.fields.has(c)) ? new Map<string, { text: string; column?: number }>() : NO_INLINE_SCORES;
    for (const c of criterionIds) {
      const value = r.fields.get(c);
      if (value === undefined) continue;
      const column = r.columns?.get(c);
      inlineScores.set(c, column !== undefined ? { text: value, column } : { text: value });
    }
    return {
      id: text(r, 'id'),
      title: text(r, 'title'),
      agency: text(r, 'agency'),
      categoryRaw: text(r, 'category'),
      agencyTypeRaw: text(r, 'agency_type'),
      region: text(r, 'region'),
      groupRaw: text(r, 'group'),
      implementedSinceRaw: text(r, 'implemented_since'),
      fields: r.fields,
      ...(r.columns ? { columns: r.columns } : {}),
      inlineScores,
      decimalComma: r.decimalComma,
      source: r.source,
    };
  });
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
  }

  /** Decides the form (long or wide) from the header; reports what is missing or unknown. */
  header(_names: (string | null)[], columns: Map<string, number>, line: number, rows?: number): void {
    const has = (f: string) => columns.has(f);
    this.long = has('criterion') && has('score');
    this.wide = this.criterionIds.filter(has).map((criterion) => ({ code: this.sheet.code(criterion), index: columns.get(criterion)! - 1 }));
    if (!this.long && this.wide.length === 0) {
      this.diagnostics.push(
        diagnostic('missing-field', `a score sheet needs either "criterion" and "score" columns (long form) or one column per criterion (wide form: ${this.criterionIds.join(', ')})`, {
          file: this.file,
          line,
        }),
      );
      this.skip = true;
      return;
    }
    for (const required of ['entry_id', 'judge_id']) {
      if (!has(required)) {
        const aliases = required === 'entry_id' ? 'id_inovasi, kode_inovasi' : 'juri, id_juri, evaluator';
        this.diagnostics.push(diagnostic('missing-field', `the score sheet has no "${required}" column: add it (aliases: ${aliases})`, { file: this.file, line, field: required }));
        this.skip = true;
      }
    }
    if (this.skip) return;
    const criterionSet = new Set(this.criterionIds);
    for (const [name, column] of columns) {
      if (SCORE_FIELDS.has(name) || (this.staged && name === 'stage') || (!this.long && criterionSet.has(name))) continue;
      this.diagnostics.push(unknownField(name, 'score sheet', this.file, line, column));
    }
    const at = (f: string) => (columns.get(f) ?? 0) - 1;
    this.entryAt = at('entry_id');
    this.judgeAt = at('judge_id');
    this.criterionAt = this.long ? at('criterion') : -1;
    this.scoreAt = this.long ? at('score') : -1;
    this.commentAt = at('comment');
    this.stageAt = this.staged ? at('stage') : -1;
    if (this.stageAt >= 0) this.sheet.stageColumns.set(this.fileId, this.stageAt + 1);
    if (rows !== undefined) this.sheet.reserve(this.sheet.length + rows * (this.long ? 1 : this.wide.length));
  }

  /**
   * The sheet's code of cell k. A CSV cell's code within its file (`codes`) is translated once
   * into the sheet's; other cells are looked up by text.
   */
  private code(cells: string[], k: number, codes: Int32Array | undefined): number {
    const csv = codes === undefined || k < 0 ? -1 : codes[k]!;
    if (csv < 0) return this.sheet.code(cells[k] ?? '');
    if (csv >= this.translated.length) {
      const more = new Int32Array(Math.max(csv + 1, this.translated.length * 2));
      more.set(this.translated);
      this.translated = more;
    }
    let code = this.translated[csv]! - 1;
    if (code < 0) {
      code = this.sheet.code(cells[k]!);
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
      for (const [field, value, index] of [['entry_id', entryId, this.entryAt], ['judge_id', judgeId, this.judgeAt]] as const) {
        if (value === '') this.diagnostics.push(diagnostic('missing-field', `the row has no ${field}: fill it in or delete the row`, { file: this.file, line, column: index + 1, field }));
      }
      return;
    }
    const comment = this.commentAt >= 0 ? (cells[this.commentAt] ?? '') : '';
    const stage = this.stageAt >= 0 ? (cells[this.stageAt] ?? '') || (this.sheetStage ?? '') : (this.sheetStage ?? '');
    if (this.sheetStage !== undefined && stage !== this.sheetStage && this.stageName(stage) !== this.sheetStage) {
      this.diagnostics.push(
        diagnostic('unknown-stage', `the row says stage "${stage}", but the sheet was given as --scores ${this.sheetStage}=${this.file}: correct the row or the option`, {
          file: this.file,
          line,
          column: this.stageAt + 1,
          field: 'stage',
          entry_id: entryId,
        }),
      );
      return;
    }
    const sheet = this.sheet;
    const entry = this.code(cells, this.entryAt, codes);
    const judge = this.code(cells, this.judgeAt, codes);
    const stageCode = stage === '' ? 0 : sheet.stageCode(stage);
    if (this.long) {
      const text = this.code(cells, this.scoreAt, codes);
      const criterion = this.code(cells, this.criterionAt, codes);
      sheet.addCodes(entry, judge, criterion, text, false, this.fileId, line, this.scoreAt + 1, this.entryAt + 1, this.judgeAt + 1, this.criterionAt + 1, comment, stageCode);
      return;
    }
    for (const { code, index } of this.wide) {
      if ((cells[index] ?? '') === '') continue; // an empty cell is "not scored"
      sheet.addCodes(entry, judge, code, this.code(cells, index, codes), false, this.fileId, line, index + 1, this.entryAt + 1, this.judgeAt + 1, 0, comment, stageCode);
    }
  }

  /** Set by loadCompetition: resolves a stage value to its name. */
  stageName: (raw: string) => string | undefined = () => undefined;

  /** YAML/JSON records: the same rules, one record at a time. */
  records(table: Table): void {
    const columns = new Map(table.fields.map((f, i) => [f, i + 1]));
    const line = table.records[0]?.source.line ?? 1;
    this.header([], columns, line);
    // Unknown keys in YAML/JSON are reported at the first record that has them.
    const names = table.fields;
    for (const r of table.records) {
      this.row(names.map((f) => r.fields.get(f) ?? ''), r.source.line);
    }
    // YAML/JSON carry no columns.
    for (let i = this.start; i < this.sheet.length; i++) {
      this.sheet.columns[i] = 0;
      this.sheet.entryColumns[i] = 0;
      this.sheet.judgeColumns[i] = 0;
      this.sheet.criterionColumns[i] = 0;
    }
    this.sheet.stageColumns.delete(this.fileId);
    for (const d of this.diagnostics) if (d.file === this.file && d.code !== 'unknown-field') delete d.column;
  }

  /** Numbers of a CSV file whose delimiter is not a comma may use a decimal comma. */
  finish(decimalComma: boolean): void {
    if (decimalComma) this.sheet.decimalComma.fill(1, this.start, this.sheet.length);
  }
}

/**
 * `--scores presentation=FILE` gives a sheet for one stage. An argument that exists as a path is
 * a path, even with an `=` in its name; otherwise NAME must be a stage of the rubric.
 */
export function stageOfSheet(arg: string, rubric: Rubric): { path: string; stage: string | undefined } {
  const m = /^([A-Za-z][A-Za-z0-9_-]*)=(.+)$/.exec(arg);
  if (!m || existsSync(arg)) return { path: arg, stage: undefined };
  const [, name, path] = m as unknown as [string, string, string];
  const stage = vocabulary(rubric).stage(name);
  if (stage === undefined) {
    const known = rubric.stages.length > 0 ? `the rubric's stages are ${rubric.stages.map((s) => s.name).join(', ')}` : 'the rubric defines no stages';
    throw new KippError('usage', `--scores ${arg}: "${name}" is not a stage (${known})`);
  }
  return { path, stage };
}

function unknownField(name: string, kind: string, file: string, line: number | undefined, column: number | undefined): Diagnostic {
  return diagnostic('unknown-field', `"${name}" is not a known ${kind} field: it is kept as is; check the spelling if it was meant to be one`, { file, line, column, field: name });
}

function toJudges(table: Table, file: string, diagnostics: Diagnostic[]): Judge[] {
  warnUnknownFields(table, (name) => JUDGE_FIELDS.has(name), 'judge', diagnostics);
  const judges: Judge[] = [];
  for (const r of table.records) {
    const id = text(r, 'id');
    if (id === '') {
      diagnostics.push(diagnostic('missing-field', 'the judge has no id: fill it in or delete the row', { file, line: r.source.line, column: r.columns?.get('id'), field: 'id' }));
      continue;
    }
    judges.push({ id, name: text(r, 'name'), agency: text(r, 'agency'), region: text(r, 'region'), fields: r.fields, source: r.source });
  }
  return judges;
}
