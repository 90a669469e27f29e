/**
 * loadCompetition: every input a command names — rubric, entries, score sheets, judges — read,
 * parsed and turned into typed records. Problems found here become diagnostics; a missing file or
 * an invalid rubric stops the command (KippError, exit 2).
 */
import { diagnostic, KippError, type Diagnostic } from '../model/diagnostic.js';
import type { FileKind } from '../model/names.js';
import type { Competition, Entry, InputFile, Judge, RawRecord, ScoreRow } from '../model/records.js';
import { vocabulary } from '../model/vocabulary.js';
import type { Delimiter } from './csv.js';
import { listInputs, MissingFile, readInput } from './files.js';
import { loadRubric, type LoadedRubric } from './rubric.js';
import { readTable, type Table } from './table.js';

export interface LoadOptions {
  entries: string[];
  scores?: string[];
  judges?: string | undefined;
  /** A rubric path; null or undefined for the embedded default. */
  rubric?: string | null | undefined;
  delimiter?: Delimiter | undefined;
  /** Called with a short message before each file is read (progress on stderr). */
  progress?: (message: string) => void;
}

const ENTRY_FIELDS = new Set(['id', 'title', 'agency', 'agency_type', 'region', 'category', 'group', 'implemented_since', 'summary', 'video_url']);
const SCORE_FIELDS = new Set(['entry_id', 'judge_id', 'criterion', 'score', 'comment']);
const JUDGE_FIELDS = new Set(['id', 'name', 'agency', 'region', 'expertise']);

export function loadCompetition(options: LoadOptions, loadedRubric?: LoadedRubric): Competition {
  const { rubric, path: rubricPath, sha256: rubricSha } = loadedRubric ?? loadRubric(options.rubric ?? null);
  const vocab = vocabulary(rubric);
  const criterionColumn = (normalized: string) => vocab.criterion(normalized);

  // Every path is checked before anything is read, so that all missing files are named at once.
  const missing: Diagnostic[] = [];
  const expand = (paths: string[], kind: FileKind) =>
    paths.flatMap((p) => {
      try {
        const files = listInputs(p);
        if (files.length === 0) missing.push(diagnostic('file-not-found', `directory ${p} holds no .csv, .yaml, .yml or .json file for ${kind}`, { file: p }));
        return files.map((f) => ({ path: f, kind }));
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
    ...expand(options.judges !== undefined ? [options.judges] : [], 'judges'),
  ];
  if (missing.length > 0) throw new KippError('usage', missing.map((d) => `${d.file}: ${d.message}`).join('\n'), missing);

  const diagnostics: Diagnostic[] = [];
  const inputs: InputFile[] = [];
  const entries: Entry[] = [];
  const scores: ScoreRow[] = [];
  let judges: Judge[] | null = null;

  for (const { path, kind } of files) {
    options.progress?.(`reading ${kind} ${path}`);
    let input;
    try {
      input = readInput(path);
    } catch (err) {
      if (err instanceof MissingFile) throw new KippError('usage', err.message, [diagnostic('file-not-found', err.message, { file: path })]);
      throw err;
    }
    inputs.push({ path, kind, sha256: input.sha256 });
    const table = readTable(input, { kind, criterion: criterionColumn, delimiter: options.delimiter });
    // Appended in loops: push(...rows) overflows the call stack past ~100,000 rows.
    append(diagnostics, table.diagnostics);
    if (kind === 'entries') append(entries, toEntries(table, vocab.criterionIds, rubric.fields, diagnostics));
    else if (kind === 'scores') append(scores, toScoreRows(table, path, vocab.criterionIds, diagnostics));
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

function toEntries(table: Table, criterionIds: string[], fieldRules: Record<string, unknown>, diagnostics: Diagnostic[]): Entry[] {
  const criteria = new Set(criterionIds);
  warnUnknownFields(table, (name) => ENTRY_FIELDS.has(name) || criteria.has(name) || name in fieldRules, 'entry', diagnostics);
  return table.records.map((r) => {
    const inlineScores = new Map<string, { text: string; column?: number }>();
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

function toScoreRows(table: Table, file: string, criterionIds: string[], diagnostics: Diagnostic[]): ScoreRow[] {
  const has = (f: string) => table.fields.includes(f);
  const criteria = criterionIds.filter(has);
  const long = has('criterion') && has('score');
  if (!long && criteria.length === 0) {
    if (table.records.length > 0 || table.fields.length > 0) {
      diagnostics.push(
        diagnostic(
          'missing-field',
          `a score sheet needs either "criterion" and "score" columns (long form) or one column per criterion (wide form: ${criterionIds.join(', ')})`,
          { file, line: table.headerLine },
        ),
      );
    }
    return [];
  }
  for (const required of ['entry_id', 'judge_id']) {
    if (!has(required) && table.records.length > 0) {
      diagnostics.push(diagnostic('missing-field', `the score sheet has no "${required}" column: add it (aliases: ${required === 'entry_id' ? 'id_inovasi, kode_inovasi' : 'juri, id_juri, evaluator'})`, { file, line: table.headerLine, field: required }));
      return [];
    }
  }
  const criterionSet = new Set(criterionIds);
  warnUnknownFields(table, (name) => SCORE_FIELDS.has(name) || (!long && criterionSet.has(name)), 'score sheet', diagnostics);
  const rows: ScoreRow[] = [];
  for (const r of table.records) {
    const entryId = text(r, 'entry_id');
    const judgeId = text(r, 'judge_id');
    let problem = false;
    for (const [field, value] of [['entry_id', entryId], ['judge_id', judgeId]] as const) {
      if (value === '') {
        diagnostics.push(diagnostic('missing-field', `the row has no ${field}: fill it in or delete the row`, { file, line: r.source.line, column: r.columns?.get(field), field }));
        problem = true;
      }
    }
    if (problem) continue;
    const comment = r.fields.get('comment');
    const fieldColumns: NonNullable<ScoreRow['fieldColumns']> = {};
    for (const f of ['entry_id', 'judge_id', 'criterion'] as const) {
      const c = r.columns?.get(f);
      if (c !== undefined) fieldColumns[f] = c;
    }
    const base = { entryId, judgeId, decimalComma: r.decimalComma, source: r.source, ...(comment ? { comment } : {}), ...(r.columns ? { fieldColumns } : {}) };
    if (long) {
      const column = r.columns?.get('score');
      rows.push({ ...base, criterionRaw: text(r, 'criterion'), text: text(r, 'score'), ...(column !== undefined ? { column } : {}) });
    } else {
      for (const c of criteria) {
        const value = r.fields.get(c);
        if (value === undefined || value === '') continue; // an empty cell is "not scored"
        const column = r.columns?.get(c);
        rows.push({ ...base, criterionRaw: c, text: value, ...(column !== undefined ? { column } : {}) });
      }
    }
  }
  return rows;
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
