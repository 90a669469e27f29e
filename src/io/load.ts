/**
 * readCompetition: every input a command names — entries, score sheets, judges, with the rubric
 * already loaded — read, parsed and turned into typed records. Problems found here become
 * diagnostics; a missing file stops the command (KippError, exit 2). The library's
 * loadCompetition (competition.ts) loads the rubric first, an invalid one stopping it too.
 */
import { existsSync } from 'node:fs';
import { diagnostic, KippError, type Diagnostic } from '../model/diagnostic.js';
import type { FileKind } from '../model/names.js';
import type { Competition, DeclaredConflict, Entry, InputFile, Judge, RawRecord } from '../model/records.js';
import type { Rubric } from '../model/rubric.js';
import { vocabulary } from '../model/vocabulary.js';
import type { Delimiter } from './csv.js';
import { listInputs, MissingFile, readInputOrStop } from './files.js';
import type { LoadedRubric } from './rubric-source.js';
import { startSheetWorker } from './sheet-thread.js';
import { readScoreSheets, unknownField } from './sheets.js';
import { readTable, type Table } from './table.js';

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
}

const ENTRY_FIELDS = new Set(['id', 'title', 'agency', 'agency_type', 'region', 'category', 'group', 'implemented_since', 'summary', 'video_url']);
const JUDGE_FIELDS = new Set(['id', 'name', 'agency', 'region', 'expertise']);

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
    ...expand(options.conflicts === undefined ? [] : typeof options.conflicts === 'string' ? [options.conflicts] : [...options.conflicts], 'conflicts'),
  ];
  if (missing.length > 0) throw new KippError('usage', missing.map((d) => `${d.file}: ${d.message}`).join('\n'), missing);

  // Score sheets of a stress year (millions of rows) are read by a worker thread while this one
  // reads the entries and judges; small ones here, after them.
  const sheetFiles = files.filter((f) => f.kind === 'scores').map(({ path, stage }) => ({ path, stage }));
  const pending = startSheetWorker(sheetFiles, rubric, options.delimiter, options.workerMinBytes, options.progress);

  const read = {
    entries: { inputs: [] as InputFile[], diagnostics: [] as Diagnostic[] },
    judges: { inputs: [] as InputFile[], diagnostics: [] as Diagnostic[] },
    conflicts: { inputs: [] as InputFile[], diagnostics: [] as Diagnostic[] },
  };
  const entries: Entry[] = [];
  let judges: Judge[] | null = null;
  const conflicts: DeclaredConflict[] = [];
  for (const { path, kind } of files) {
    if (kind === 'scores') continue;
    options.progress?.(`reading ${kind} ${path}`);
    const input = readInputOrStop(path);
    const { inputs, diagnostics } = read[kind];
    inputs.push({ path, kind, sha256: input.sha256 });
    const table = readTable(input, { kind, criterion: criterionColumn, delimiter: options.delimiter });
    // Appended in loops: push(...rows) overflows the call stack past ~100,000 rows.
    append(diagnostics, table.diagnostics);
    if (kind === 'entries') append(entries, toEntries(table, vocab.criterionIds, rubric.fields, diagnostics));
    else if (kind === 'conflicts') append(conflicts, toConflicts(table, path, diagnostics));
    else append((judges ??= []), toJudges(table, path, diagnostics));
  }
  options.meanwhile?.({ rubric, entries });
  let sheets = pending?.();
  if (pending !== undefined && sheets === undefined) options.progress?.('the worker threads did not read the score sheets: reading them here');
  sheets ??= readScoreSheets(sheetFiles, rubric, options);
  const scores = sheets.sheet;
  const inputs = [...read.entries.inputs, ...sheets.inputs, ...read.judges.inputs, ...read.conflicts.inputs];
  const diagnostics: Diagnostic[] = [];
  for (const part of [read.entries.diagnostics, sheets.diagnostics, read.judges.diagnostics, read.conflicts.diagnostics]) append(diagnostics, part);

  return {
    rubric,
    rubricSource: { path: rubricPath, sha256: rubricSha, name: rubric.name, version: rubric.version },
    entries,
    scores,
    judges,
    ...(conflicts.length > 0 ? { conflicts } : {}),
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
    diagnostics.push(unknownField(name, kind, first?.source.file ?? file, first?.columns ? table.headerLine : first?.source.line, column));
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
  // Criterion columns are looked for only where the file has them (most entries files have none).
  const inline = criterionIds.filter((c) => table.fields.includes(c));
  return table.records.map((r) => {
    // Entries without criterion columns share one empty map (200,000 entries: one map, not 200,000).
    const inlineScores = inline.some((c) => r.fields.has(c)) ? new Map<string, { text: string; column?: number }>() : NO_INLINE_SCORES;
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
    const known = rubric.stages.length > 0 ? `the rubric's stages are ${rubric.stages.map((s) => s.name).join(', ')}` : 'the rubric defines no stages';
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
      diagnostics.push(diagnostic('missing-field', 'the judge has no id: fill it in or delete the row', { file, line: r.source.line, column: r.columns?.get('id'), field: 'id' }));
      continue;
    }
    judges.push({ id, name: text(r, 'name'), agency: text(r, 'agency'), region: text(r, 'region'), fields: r.fields, source: r.source });
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
      diagnostics.push(diagnostic('missing-field', `the declared conflict has no ${field}: fill it in (judge_id, entry_id, reason) or delete the row`, { file, line: r.source.line, column: r.columns?.get(field), field }));
    }
    if (missing.length > 0) continue;
    const columns = r.columns ? { judge_id: r.columns.get('judge_id'), entry_id: r.columns.get('entry_id') } : undefined;
    out.push({ judgeId: text(r, 'judge_id'), entryId: text(r, 'entry_id'), reason: text(r, 'reason'), source: r.source, ...(columns ? { columns: columns as DeclaredConflict['columns'] & object } : {}) });
  }
  return out;
}
