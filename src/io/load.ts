/**
 * readCompetition: every input a command names — entries, score sheets, judges, with the rubric
 * already loaded — read, parsed and turned into typed records. Problems found here become
 * diagnostics; a missing file stops the command (KippError, exit 2). The library's
 * loadCompetition (competition.ts) loads the rubric first, an invalid one stopping it too.
 */
import { existsSync } from 'node:fs';
import { diagnostic, inSheets, KippError, limitDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { aliasesOf, ROW_NUMBER_FIELD, type FileKind } from '../model/names.js';
import type { ScoreSheet } from '../model/scoresheet.js';
import {
  type AssignmentMeta,
  REQUIRED_ENTRY_FIELDS,
  type Competition,
  type DeclaredConflict,
  type Entry,
  type InputFile,
  type Judge,
  type RawRecord,
} from '../model/records.js';
import type { Rubric } from '../model/rubric.js';
import { vocabulary } from '../model/vocabulary.js';
import type { Delimiter } from './csv.js';
import { expandInput, inputIdentity, isZip, MissingFile, readInputOrStop, type InputBytes } from './files.js';
import type { LoadedRubric } from './rubric-source.js';
import { startSheetWorker } from './sheet-thread.js';
import { readScoreSheets, unknownField } from './sheets.js';
import { readTable, type Table } from './table.js';
import { readWorkbooks, splitSheet, type WorkbookSheet } from './xlsx.js';

export interface LoadOptions {
  entries: string[];
  scores?: string[];
  /** One judges file or folder (several: `kipp verify` re-reading a folder's files). */
  judges?: string | readonly string[] | undefined;
  /** Declared-conflicts files (`--conflicts`): judge_id, entry_id, reason. */
  conflicts?: string | readonly string[] | undefined;
  /** A rubric path; null or undefined for the embedded default. */
  rubric?: string | null | undefined;
  delimiter?: Delimiter | undefined;
  /** Called with a short message before each file is read (progress on stderr). */
  progress?: (message: string) => void;
  /** Told what a named folder holds that is not read and not refused (hidden files, READMEs). */
  note?: (message: string) => void;
  /**
   * Score files of at least this many bytes in all are read by a worker thread, in parallel with
   * the entries (default 16 MiB; Infinity: never).
   */
  workerMinBytes?: number;
  /**
   * Called with the rubric and the entries once they are read, before the score sheets are
   * waited for: work that needs only those (the entry checks) is done while worker threads
   * still read a large sheet.
   */
  meanwhile?: (loaded: { rubric: Rubric; entries: Entry[] }) => void;
  /**
   * The workbooks among the inputs, each sheet already read (readCompetitionAsync does this):
   * by path as named, without `#Sheet`. A workbook not in here is refused.
   */
  workbooks?: ReadonlyMap<string, WorkbookSheet> | undefined;
}

const ENTRY_FIELDS = new Set([
  'id',
  'title',
  'agency',
  'agency_type',
  'region',
  'category',
  'group',
  'implemented_since',
  'summary',
  'video_url',
  ROW_NUMBER_FIELD,
]);
const JUDGE_FIELDS = new Set(['id', 'name', 'agency', 'region', 'expertise', ROW_NUMBER_FIELD]);

/**
 * Reads every input with the rubric already loaded (`options.rubric` is not read here): the
 * command line opens the rubric first (rubric-source.ts's openRubric), so that a shipped rubric
 * costs no YAML parser or zod. The library's loadCompetition (competition.ts) loads it itself.
 */
export function readCompetition(options: LoadOptions, loadedRubric: LoadedRubric): Competition {
  const { rubric, path: rubricPath, sha256: rubricSha } = loadedRubric;
  const vocab = vocabulary(rubric);
  const criterionColumn = (normalized: string) => vocab.criterion(normalized);

  // Every path is checked before anything is read, so that all missing files are named at once.
  const missing: Diagnostic[] = [];
  const refused: Diagnostic[] = [];
  // Files that give nothing to read, each with the error that says why (Competition.unreadFiles).
  const unreadFiles: { path: string; kind: FileKind }[] = [];
  const expand = (paths: string[], kind: FileKind) =>
    paths.flatMap((named) => {
      const { path: arg, stage } = kind === 'scores' ? stageOfSheet(named, rubric) : { path: named, stage: undefined };
      const p = splitSheet(arg, existsSync).path;
      try {
        const { files, skipped, refused: notRead } = expandInput(p);
        if (files.length === 0 && notRead.length === 0)
          missing.push(
            diagnostic('file-not-found', `directory ${p} holds no .csv, .yaml, .yml, .json or .xlsx file for ${kind}`, {
              file: p,
            }),
          );
        if (skipped.length > 0)
          options.note?.(`${p}: skipped ${skipped.join(', ')} (not data: hidden, lock or documentation files)`);
        for (const r of notRead) {
          refused.push(diagnostic('unsupported-format', r.message, { file: r.path }));
          unreadFiles.push({ path: r.path, kind });
        }
        return files.map((f) => ({ path: f, kind, stage, named: p }));
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
    ...expand(
      options.judges === undefined ? [] : typeof options.judges === 'string' ? [options.judges] : [...options.judges],
      'judges',
    ),
    ...expand(
      options.conflicts === undefined
        ? []
        : typeof options.conflicts === 'string'
          ? [options.conflicts]
          : [...options.conflicts],
      'conflicts',
    ),
  ];
  if (missing.length > 0)
    throw new KippError('usage', missing.map((d) => `${d.file}: ${d.message}`).join('\n'), missing);
  refuseRepeatedInputs(files);

  // Score sheets of a stress year (millions of rows) are read by a worker thread while this one
  // reads the entries and judges; small ones here, after them.
  const sheetFiles = files.filter((f) => f.kind === 'scores').map(({ path, stage }) => ({ path, stage }));
  // A workbook's rows are already read (readWorkbooks): the worker reads only text files.
  const workbooks = options.workbooks;
  const pending = sheetFiles.some((f) => workbooks?.has(f.path))
    ? undefined
    : startSheetWorker(sheetFiles, rubric, options.delimiter, options.workerMinBytes, options.progress);

  const read = {
    entries: { inputs: [] as InputFile[], diagnostics: [] as Diagnostic[] },
    judges: { inputs: [] as InputFile[], diagnostics: [] as Diagnostic[] },
    conflicts: { inputs: [] as InputFile[], diagnostics: [] as Diagnostic[] },
  };
  const entries: Entry[] = [];
  let judges: Judge[] | null = null;
  const conflicts: DeclaredConflict[] = [];
  // One file at a time in a function of its own: its bytes and its table (13.7 MB and 200,000
  // row objects in a stress year) are garbage once it returns. Read in this function's loop,
  // the last file's stayed reachable from its frame while the score sheets were still read.
  const readFile = (path: string, kind: 'entries' | 'judges' | 'conflicts') => {
    options.progress?.(`reading ${kind} ${path}`);
    const book = workbooks?.get(path);
    const input = book !== undefined ? workbookInput(book) : readInputOrStop(path);
    const { inputs, diagnostics } = read[kind];
    inputs.push(
      book !== undefined && book.sheet !== ''
        ? { path, kind, sha256: input.sha256, sheet: book.sheet }
        : { path, kind, sha256: input.sha256 },
    );
    const table = readTable(input, { kind, criterion: criterionColumn, delimiter: options.delimiter, workbook: book });
    // Appended in loops: push(...rows) overflows the call stack past ~100,000 rows.
    append(diagnostics, table.diagnostics);
    // A conflicts file with no rows declares none (the state before anyone declares one).
    if (kind !== 'conflicts' && !hasRecordsToRead(table, path, kind, diagnostics)) {
      unreadFiles.push({ path, kind });
      if (kind === 'judges') judges ??= [];
      return;
    }
    if (kind === 'entries') append(entries, toEntries(table, vocab.criterionIds, rubric.fields, diagnostics));
    else if (kind === 'conflicts') {
      const declared = toConflicts(table, path, diagnostics);
      // Refused as a whole (not a file kipp reads, no header it knows) or every row refused: none
      // of its conflicts could be applied.
      if (declared.length === 0 && diagnostics.some((d) => d.file === path && d.severity === 'error'))
        unreadFiles.push({ path, kind });
      append(conflicts, declared);
    } else append((judges ??= []), toJudges(table, path, diagnostics));
  };
  for (const { path, kind } of files) if (kind !== 'scores') readFile(path, kind);
  options.meanwhile?.({ rubric, entries });
  let sheets = pending?.();
  if (pending !== undefined && sheets === undefined)
    options.progress?.('the worker threads did not read the score sheets: reading them here');
  sheets ??= readScoreSheets(sheetFiles, rubric, options);
  const scores = sheets.sheet;
  for (const path of sheetsWithoutScores(scores, sheetFiles)) {
    unreadFiles.push({ path, kind: 'scores' });
    if (sheets.diagnostics.some((d) => d.file === path && d.severity === 'error')) continue; // already said why
    sheets.diagnostics.push(
      diagnostic(
        'empty-file',
        'the score sheet holds no scores: it is empty, has only a header, or every score cell is empty. A truncated upload or an unfilled sheet? Fill it in, or leave it out',
        { file: path },
      ),
    );
  }
  const inputs = [...read.entries.inputs, ...sheets.inputs, ...read.judges.inputs, ...read.conflicts.inputs];
  const diagnostics: Diagnostic[] = [];
  for (const part of [
    refused,
    read.entries.diagnostics,
    sheets.diagnostics,
    read.judges.diagnostics,
    read.conflicts.diagnostics,
  ])
    append(diagnostics, part);
  // Each file's lists were limited as they grew; the parts joined (the halves of a sheet read by
  // two threads among them) are limited once more, as one list.
  limitDiagnostics(diagnostics);
  inSheets(diagnostics, inputs);
  const workbookMeta = new Map<string, AssignmentMeta | null>();
  for (const [path, book] of workbooks ?? []) if (book.meta !== undefined) workbookMeta.set(path, book.meta);

  return {
    rubric,
    rubricSource: { path: rubricPath, sha256: rubricSha, name: rubric.name, version: rubric.version },
    entries,
    scores,
    judges,
    ...(conflicts.length > 0 ? { conflicts } : {}),
    hasScoreSheets: (options.scores ?? []).length > 0,
    inputs,
    ...(workbookMeta.size > 0 ? { workbookMeta } : {}),
    diagnostics,
    unreadFiles,
  };
}

/**
 * readCompetition for inputs that may be Excel workbooks: every workbook among them
 * (by its bytes, in a named folder too) is read first, one sheet each, with exceljs's
 * asynchronous streaming reader; then everything is loaded as readCompetition does.
 */
export async function readCompetitionAsync(options: LoadOptions, loadedRubric: LoadedRubric): Promise<Competition> {
  const found: { path: string; sheet: string | undefined }[] = [];
  const named = [
    ...options.entries,
    ...(options.scores ?? []).map((arg) => {
      try {
        return stageOfSheet(arg, loadedRubric.rubric).path;
      } catch {
        return arg; // readCompetition says why
      }
    }),
    ...[options.judges ?? [], options.conflicts ?? []].flat(),
  ];
  for (const arg of named) {
    const { path, sheet } = splitSheet(arg, existsSync);
    try {
      for (const file of expandInput(path).files) if (isZip(file)) found.push({ path: file, sheet });
    } catch {
      // a missing path: readCompetition names every one of them at once
    }
  }
  if (found.length === 0) return readCompetition(options, loadedRubric);
  const workbooks = await readWorkbooks(found, (path) => readInputOrStop(path).bytes);
  return readCompetition({ ...options, workbooks }, loadedRubric);
}

/**
 * The same file named twice (twice on the command line, as a path and its `./` or symlinked
 * twin, inside a named folder and by itself, or `-` twice) would be read twice: every record a
 * duplicate of itself, hundreds of errors that point at the same line. A usage error instead,
 * before anything is read.
 */
function refuseRepeatedInputs(files: readonly { path: string; kind: FileKind; named: string }[]): void {
  const seen = new Map<string, { path: string; kind: FileKind; named: string }>();
  const problems: string[] = [];
  for (const file of files) {
    const id = inputIdentity(file.path);
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, file);
      continue;
    }
    const by = first.named !== file.named ? `by ${first.named} and by ${file.named}, ` : '';
    const as = `${by}${first.kind === file.kind ? `both as ${file.kind}` : `as ${first.kind} and as ${file.kind}`}`;
    problems.push(
      file.path === '-'
        ? `standard input (-) is named twice (${as}): it can be read once; save one of the inputs to a file`
        : first.path === file.path
          ? `${file.path} is named twice (${as}): name each input once`
          : `${first.path} and ${file.path} are the same file (${as}): name each input once`,
    );
  }
  if (problems.length > 0) throw new KippError('usage', problems.join('\n'));
}

/** What each kind of file cannot do without: a header with none of these is not that kind of file. */
const REQUIRED_COLUMNS: Record<'entries' | 'judges', readonly string[]> = {
  entries: REQUIRED_ENTRY_FIELDS,
  judges: ['id'],
};

/**
 * False when the file gives no records to read, with the error that says why (an
 * empty, BOM-only or header-only entries file used to pass CI as `0 errors`): a header with
 * none of the kind's required columns (its records would each be missing every field; one
 * error at the header names the columns instead), or no records at all.
 */
function hasRecordsToRead(table: Table, file: string, kind: 'entries' | 'judges', diagnostics: Diagnostic[]): boolean {
  const required = REQUIRED_COLUMNS[kind];
  const what = kind === 'entries' ? 'entries' : 'judges';
  if (table.fields.length > 0 && !required.some((f) => table.fields.includes(f))) {
    const wanted = required.map((f) => `${f} (${aliasesOf(kind, f).join(', ') || 'no alias'})`).join(', ');
    const shown = table.fields
      .slice(0, 6)
      .map((f) => `"${f.length > 40 ? `${f.slice(0, 40)}…` : f}"`)
      .join(', ');
    const line =
      table.records[0]?.columns !== undefined || table.records.length === 0
        ? table.headerLine
        : table.records[0]!.source.line;
    diagnostics.push(
      diagnostic(
        'missing-field',
        `the file has none of the columns a file of ${what} needs: ${wanted}; its columns are ${shown}${table.fields.length > 6 ? ', …' : ''}. Is it the right file, and is its first row the header?`,
        {
          file,
          line,
          field: required[0],
        },
      ),
    );
    return false;
  }
  if (table.records.length > 0) return true;
  if (!table.diagnostics.some((d) => d.severity === 'error')) {
    const state = table.fields.length > 0 ? `it has a header but no ${what} under it` : 'it is empty';
    diagnostics.push(
      diagnostic(
        'empty-file',
        `the file holds no ${what}: ${state}. A truncated upload or an unfilled template? Fill it in, or leave it out`,
        { file },
      ),
    );
  }
  return false;
}

/** The score files that gave the sheet no row (the sheet numbers its files as it reads them). */
function sheetsWithoutScores(sheet: ScoreSheet, files: readonly { path: string }[]): string[] {
  if (files.length === 0) return [];
  const seen = new Uint8Array(sheet.files.length);
  let left = sheet.files.length;
  // Stops once every file has a row: a single sheet stops at its first row.
  for (let i = 0; i < sheet.length && left > 0; i++) {
    const f = sheet.fileIndexOf(i);
    if (seen[f] === 0) {
      seen[f] = 1;
      left--;
    }
  }
  return [...new Set(files.map((f) => f.path))].filter((path) => {
    const f = sheet.files.indexOf(path);
    return f < 0 || seen[f] === 0;
  });
}

/** A workbook's input as the readers take it: hashed when it was read, its rows in `book`. */
function workbookInput(book: WorkbookSheet): InputBytes {
  return { path: book.path, bytes: new Uint8Array(0), sha256: book.sha256, format: 'xlsx' };
}

function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function warnUnknownFields(
  table: Table,
  known: (name: string) => boolean,
  kind: string,
  diagnostics: Diagnostic[],
): void {
  const file = table.records[0]?.source.file;
  for (const name of table.fields) {
    if (known(name)) continue;
    const first = table.records.find((r) => r.fields.has(name));
    const column = first?.columns?.get(name);
    diagnostics.push(
      unknownField(
        name,
        kind,
        first?.source.file ?? file,
        first?.columns ? table.headerLine : first?.source.line,
        column,
      ),
    );
  }
}

function text(record: RawRecord, field: string): string {
  return record.fields.get(field) ?? '';
}

/** Never written to: only entries with criterion columns get a map of their own. */
const NO_INLINE_SCORES = new Map<string, { text: string; column?: number }>();

function toEntries(
  table: Table,
  criterionIds: string[],
  fieldRules: Record<string, unknown>,
  diagnostics: Diagnostic[],
): Entry[] {
  const criteria = new Set(criterionIds);
  warnUnknownFields(
    table,
    (name) => ENTRY_FIELDS.has(name) || criteria.has(name) || name in fieldRules,
    'entry',
    diagnostics,
  );
  // Criterion columns are looked for only where the file has them (most entries files have none).
  const inline = criterionIds.filter((c) => table.fields.includes(c));
  return table.records.map((r) => {
    // Entries without criterion columns share one empty map (200,000 entries: one map, not 200,000).
    const inlineScores = inline.some((c) => r.fields.has(c))
      ? new Map<string, { text: string; column?: number }>()
      : NO_INLINE_SCORES;
    for (const c of inline) {
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
 * `--scores presentation=FILE` gives a sheet for one stage. An argument that exists as a path is
 * a path, even with an `=` in its name; otherwise NAME must be a stage of the rubric.
 */
export function stageOfSheet(arg: string, rubric: Rubric): { path: string; stage: string | undefined } {
  const m = /^([A-Za-z][A-Za-z0-9_-]*)=(.+)$/.exec(arg);
  if (!m || existsSync(arg)) return { path: arg, stage: undefined };
  const [, name, path] = m as unknown as [string, string, string];
  const stage = vocabulary(rubric).stage(name);
  if (stage === undefined) {
    const known =
      rubric.stages.length > 0
        ? `the rubric's stages are ${rubric.stages.map((s) => s.name).join(', ')}`
        : 'the rubric defines no stages';
    throw new KippError('usage', `--scores ${arg}: "${name}" is not a stage (${known})`);
  }
  return { path, stage };
}

function toJudges(table: Table, file: string, diagnostics: Diagnostic[]): Judge[] {
  warnUnknownFields(table, (name) => JUDGE_FIELDS.has(name), 'judge', diagnostics);
  const judges: Judge[] = [];
  for (const r of table.records) {
    const id = text(r, 'id');
    if (id === '') {
      diagnostics.push(
        diagnostic('missing-field', 'the judge has no id: fill it in or delete the row', {
          file,
          line: r.source.line,
          column: r.columns?.get('id'),
          field: 'id',
        }),
      );
      continue;
    }
    judges.push({
      id,
      name: text(r, 'name'),
      agency: text(r, 'agency'),
      region: text(r, 'region'),
      fields: r.fields,
      source: r.source,
    });
  }
  return judges;
}

const CONFLICT_FIELDS = new Set(['judge_id', 'entry_id', 'reason']);

/**
 * A declared-conflicts file: one row per judge and entry. Every field is required — a conflict
 * without its reason cannot be shown to the jury — so an empty one is a missing-field error and
 * the row is not applied.
 */
function toConflicts(table: Table, file: string, diagnostics: Diagnostic[]): DeclaredConflict[] {
  warnUnknownFields(table, (name) => CONFLICT_FIELDS.has(name), 'conflict', diagnostics);
  const out: DeclaredConflict[] = [];
  for (const r of table.records) {
    const missing = ['judge_id', 'entry_id', 'reason'].filter((f) => text(r, f) === '');
    for (const field of missing) {
      diagnostics.push(
        diagnostic(
          'missing-field',
          `the declared conflict has no ${field}: fill it in (judge_id, entry_id, reason) or delete the row`,
          { file, line: r.source.line, column: r.columns?.get(field), field },
        ),
      );
    }
    if (missing.length > 0) continue;
    const columns = r.columns
      ? { judge_id: r.columns.get('judge_id'), entry_id: r.columns.get('entry_id') }
      : undefined;
    out.push({
      judgeId: text(r, 'judge_id'),
      entryId: text(r, 'entry_id'),
      reason: text(r, 'reason'),
      source: r.source,
      ...(columns ? { columns } : {}),
    });
  }
  return out;
}
