/**
 * Score rules — SPEC 3 steps 1 and 2, and the judge-count rule of step 5:
 * every score becomes a record or a diagnostic; repeated records keep no copy; records of a judge
 * with a conflict of interest are set aside; entries with too few judges are found.
 */
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { foldText } from '../model/names.js';
import type { Competition, Judge, ScoreRow } from '../model/records.js';
import { vocabulary } from '../model/vocabulary.js';
import { describeNumberProblem, parseScore } from '../io/number.js';
import type { CheckedEntry } from './entries.js';

export const INLINE_JUDGE = 'inline';

/** A score that passed step 1. */
export interface ScoreRecord {
  /** Index into the checked entries. */
  entry: number;
  judge: string;
  criterion: string;
  value: number;
  source: ScoreRow['source'];
  column?: number;
  /** The CSV column of the row's judge_id (for conflict-of-interest). */
  judgeColumn?: number;
}

export interface CheckedScores {
  /** Records remaining after steps 1–2, in input order. */
  records: ScoreRecord[];
  /** Records excluded in step 2 (conflict of interest). */
  conflicts: ScoreRecord[];
  /** Per entry index: criterion ids with fewer than the required distinct judges. */
  tooFewJudges: Map<number, string[]>;
  /** Distinct judges per entry index, over the remaining records. */
  judgeCounts: number[];
  /** True when the scores came from the entries' own criterion columns. */
  inline: boolean;
  diagnostics: Diagnostic[];
}

export function checkScores(competition: Competition, checked: CheckedEntry[]): CheckedScores {
  const { rubric } = competition;
  const vocab = vocabulary(rubric);
  const diagnostics: Diagnostic[] = [];
  const inline = !competition.hasScoreSheets;

  // Entry ids: an id shared by several entries cannot carry scores (SPEC 3.1).
  const byId = new Map<string, number>();
  const shared = new Set<string>();
  checked.forEach((c, i) => {
    const id = c.entry.id;
    if (id === '') return;
    if (byId.has(id)) shared.add(id);
    else byId.set(id, i);
  });

  const rows: ScoreRow[] = inline ? inlineRows(checked) : competition.scores;
  if (!inline) warnIgnoredInline(checked, diagnostics);

  const judgeIds = competition.judges ? new Set(competition.judges.map((j) => j.id)) : null;
  const valid: ScoreRecord[] = [];
  // A wide row is several scores: an unknown entry or judge in it is one problem, not one per cell.
  const rowsReported = new Set<string>();
  const oncePerRow = (row: ScoreRow, code: string) => {
    const key = `${row.source.file}\u0000${row.source.line}\u0000${code}`;
    if (rowsReported.has(key)) return false;
    rowsReported.add(key);
    return true;
  };
  for (const row of rows) {
    const at = { file: row.source.file, line: row.source.line, column: row.column, entry_id: row.entryId };
    const index = byId.get(row.entryId);
    if (index === undefined) {
      if (oncePerRow(row, 'unknown-entry')) {
        diagnostics.push(
          diagnostic('unknown-entry', `score for entry "${row.entryId}", which is not in the entries: check the id`, { ...at, column: row.fieldColumns?.entry_id, field: 'entry_id' }),
        );
      }
      continue;
    }
    if (shared.has(row.entryId)) continue; // reported once as duplicate-id on the entries
    if (judgeIds && !inline && !judgeIds.has(row.judgeId)) {
      if (oncePerRow(row, 'unknown-judge')) {
        diagnostics.push(
          diagnostic('unknown-judge', `judge "${row.judgeId}" is not in the judges file: add the judge or correct the id`, { ...at, column: row.fieldColumns?.judge_id, field: 'judge_id' }),
        );
      }
      continue;
    }
    const criterion = vocab.criterion(row.criterionRaw);
    if (criterion === undefined) {
      diagnostics.push(
        diagnostic('unknown-criterion', `"${row.criterionRaw}" is not a criterion of the rubric (${vocab.criterionIds.join(', ')})`, {
          ...at,
          column: row.fieldColumns?.criterion ?? row.column,
          field: 'criterion',
        }),
      );
      continue;
    }
    const value = parseScore(row.text, row.decimalComma);
    if (value === undefined) {
      const hint = row.text === '' ? 'the score is empty: fill it in or delete the row' : describeNumberProblem(row.text, row.decimalComma);
      diagnostics.push(diagnostic('score-not-a-number', `${criterion}: ${hint}`, { ...at, field: criterion }));
      continue;
    }
    if (value < rubric.scale.min || value > rubric.scale.max) {
      diagnostics.push(
        diagnostic('score-out-of-range', `${criterion}: ${row.text} is outside the scale ${rubric.scale.min}–${rubric.scale.max}`, { ...at, field: criterion }),
      );
      continue;
    }
    const record: ScoreRecord = { entry: index, judge: row.judgeId, criterion, value, source: row.source };
    if (row.column !== undefined) record.column = row.column;
    if (row.fieldColumns?.judge_id !== undefined) record.judgeColumn = row.fieldColumns.judge_id;
    valid.push(record);
  }

  // Repeated records: an error, and scoring keeps none of the copies.
  const copies = new Map<string, ScoreRecord[]>();
  for (const r of valid) {
    const key = `${r.entry}\u0000${r.judge}\u0000${r.criterion}`;
    const list = copies.get(key);
    if (list) list.push(r);
    else copies.set(key, [r]);
  }
  const unique: ScoreRecord[] = [];
  for (const r of valid) {
    const list = copies.get(`${r.entry}\u0000${r.judge}\u0000${r.criterion}`)!;
    if (list.length === 1) {
      unique.push(r);
      continue;
    }
    const others = list.filter((o) => o !== r).map((o) => `${o.source.file}:${o.source.line}`).join(', ');
    diagnostics.push(
      diagnostic('duplicate-score', `judge "${r.judge}" scored ${r.criterion} of this entry more than once (also at ${others}): keep one; none is used until then`, {
        file: r.source.file,
        line: r.source.line,
        column: r.column,
        field: r.criterion,
        entry_id: checked[r.entry]!.entry.id,
      }),
    );
  }

  // Step 2: conflicts of interest.
  const records: ScoreRecord[] = [];
  const conflicts: ScoreRecord[] = [];
  const judgeAgency = new Map<string, string>((competition.judges ?? []).map((j: Judge) => [j.id, foldText(j.agency)]));
  const reported = new Set<string>();
  for (const r of unique) {
    const agency = judgeAgency.get(r.judge);
    const entry = checked[r.entry]!.entry;
    if (agency && agency === foldText(entry.agency)) {
      conflicts.push(r);
      const key = `${r.entry}\u0000${r.judge}`;
      if (!reported.has(key)) {
        reported.add(key);
        diagnostics.push(
          diagnostic('conflict-of-interest', `judge "${r.judge}" belongs to the entry's agency "${entry.agency}": their scores for this entry are excluded`, {
            file: r.source.file,
            line: r.source.line,
            column: r.judgeColumn,
            field: 'judge_id',
            entry_id: entry.id,
          }),
        );
      }
    } else records.push(r);
  }

  // Step 5's judge count: distinct judges per entry and criterion.
  const minJudges = inline ? 1 : rubric.minJudges;
  const perCriterion = checked.map(() => new Map<string, Set<string>>());
  const judgesPerEntry = checked.map(() => new Set<string>());
  for (const r of records) {
    const m = perCriterion[r.entry]!;
    let set = m.get(r.criterion);
    if (!set) m.set(r.criterion, (set = new Set()));
    set.add(r.judge);
    judgesPerEntry[r.entry]!.add(r.judge);
  }
  const tooFewJudges = new Map<number, string[]>();
  checked.forEach((c, i) => {
    if (c.entry.id === '' || shared.has(c.entry.id)) return;
    const short = rubric.criteria.map((k) => k.id).filter((k) => (perCriterion[i]!.get(k)?.size ?? 0) < minJudges);
    if (short.length === 0) return;
    tooFewJudges.set(i, short);
    const detail = short.map((k) => `${k} ${perCriterion[i]!.get(k)?.size ?? 0}`).join(', ');
    diagnostics.push(
      diagnostic('too-few-judges', `needs at least ${minJudges} judge${minJudges === 1 ? '' : 's'} on every criterion, has ${detail}: the entry is not ranked`, {
        file: c.entry.source.file,
        line: c.entry.source.line,
        entry_id: c.entry.id,
      }),
    );
  });

  return { records, conflicts, tooFewJudges, judgeCounts: judgesPerEntry.map((s) => s.size), inline, diagnostics };
}

function inlineRows(checked: CheckedEntry[]): ScoreRow[] {
  const rows: ScoreRow[] = [];
  for (const { entry } of checked) {
    for (const [criterion, cell] of entry.inlineScores) {
      if (cell.text === '') continue; // "not scored"
      const row: ScoreRow = { entryId: entry.id, judgeId: INLINE_JUDGE, criterionRaw: criterion, text: cell.text, decimalComma: entry.decimalComma, source: entry.source };
      if (cell.column !== undefined) row.column = cell.column;
      rows.push(row);
    }
  }
  return rows;
}

function warnIgnoredInline(checked: CheckedEntry[], diagnostics: Diagnostic[]): void {
  const files = new Map<string, number>();
  for (const { entry } of checked) {
    if ([...entry.inlineScores.values()].some((s) => s.text !== '') && !files.has(entry.source.file)) files.set(entry.source.file, entry.source.line);
  }
  for (const [file, line] of files) {
    diagnostics.push(diagnostic('inline-scores-ignored', 'the entries carry criterion columns, but score sheets were given: the inline scores are ignored', { file, line }));
  }
}
