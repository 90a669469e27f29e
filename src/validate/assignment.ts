/**
 * `--assignment assignment.csv`: the score sheets against the assignment kipp wrote. Pure: the
 * assignment, the score rows (from any format: CSV, YAML, JSON or workbook sheets alike) and the
 * metadata of the workbooks among the sheets come in, diagnostics go out.
 *
 * - missing-sheet (error): a judge with assigned entries has no score row at all — their sheet
 *   did not come back (or came back empty). At assignment.csv, the judge's first row.
 * - unassigned-score (error): a score row for an entry its judge was not assigned (or from a
 *   judge the assignment does not name). The assignment kept judges away from entries of their
 *   own agency or region and from declared conflicts; a score outside it may break that, so it is
 *   not ranked on silently. At the row, its entry_id cell; once per row (a wide row holds several
 *   scores). Not for an entry or judge that is unknown altogether: unknown-entry / unknown-judge
 *   already stand at that cell.
 * - other-assignment (warning): a workbook whose hidden `kipp` sheet names another assignment id.
 *   A warning: the scores themselves are checked pair by pair above, and a secretariat that adds
 *   a reassignment to assignment.csv by hand changes its id, which would otherwise turn every
 *   workbook red. When every workbook (two or more) names the same other id, it is said once, at
 *   assignment.csv: the file was edited or replaced, not the workbooks.
 */
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { ScoreRow } from '../model/records.js';
import { ScoreSheet } from '../model/scoresheet.js';
import type { LoadedAssignment } from '../io/assignment.js';
import type { ScoreWorkbook } from '../io/assignment-meta.js';
import { pushAll } from '../model/arrays.js';

const pairKey = (judgeId: string, entryId: string) => `${judgeId}\u0000${entryId}`;

/** The entry ids, and the judge ids of a judges file (null: none given), of the competition. */
export interface KnownIds {
  entries: ReadonlySet<string>;
  judges: ReadonlySet<string> | null;
}

export function checkAssignment(
  assignment: LoadedAssignment,
  scores: ScoreSheet | Iterable<ScoreRow>,
  workbooks: readonly ScoreWorkbook[],
  known?: KnownIds,
): Diagnostic[] {
  const out: Diagnostic[] = [...assignment.diagnostics];
  const assigned = new Set(assignment.pairs.map((p) => pairKey(p.judgeId, p.entryId)));
  // A pair that is fine here, or reported as unknown-entry / unknown-judge already.
  const fine = (judgeId: string, entryId: string) =>
    assigned.has(pairKey(judgeId, entryId)) ||
    (known !== undefined && (!known.entries.has(entryId) || (known.judges !== null && !known.judges.has(judgeId))));
  const scoredBy = new Set<string>();
  const judges = new Set(assignment.pairs.map((p) => p.judgeId));

  const unassigned = (judgeId: string, entryId: string, file: string, line: number, column: number | undefined) => {
    const judgeKnown = judges.has(judgeId);
    const why = judgeKnown
      ? `judge ${judgeId} was not assigned entry ${entryId} in ${assignment.path}`
      : `judge ${judgeId} has no entries in ${assignment.path}`;
    out.push(
      diagnostic(
        'unassigned-score',
        `${why}: delete the row if it was scored by mistake; if the secretariat reassigned the entry, add the pair to ${assignment.path}`,
        {
          file,
          line,
          ...(column ? { column } : {}),
          field: 'entry_id',
          entry_id: entryId,
        },
      ),
    );
  };

  if (scores instanceof ScoreSheet) {
    // By codes: a stress year has millions of scores and few distinct pairs.
    const width = scores.strings.length;
    const known = new Map<number, boolean>();
    let lastFile = -1;
    let lastLine = -1;
    for (let i = 0; i < scores.length; i++) {
      const judge = scores.judgeCodes[i]!;
      const entry = scores.entryCodes[i]!;
      const key = judge * width + entry;
      let ok = known.get(key);
      if (ok === undefined) {
        ok = fine(scores.judgeId(i), scores.entryId(i));
        known.set(key, ok);
        scoredBy.add(scores.judgeId(i));
      }
      const file = scores.fileIndexOf(i);
      const line = scores.line(i);
      // The scores of one wide row are next to each other: one diagnostic per row.
      if (!ok && !(file === lastFile && line === lastLine))
        unassigned(
          scores.judgeId(i),
          scores.entryId(i),
          scores.files[file]!,
          line,
          scores.entryColumnOf(i) || undefined,
        );
      lastFile = file;
      lastLine = line;
    }
  } else {
    const rows = new Set<string>();
    for (const row of scores) {
      scoredBy.add(row.judgeId);
      if (fine(row.judgeId, row.entryId)) continue;
      const at = `${row.source.file}\u0000${row.source.line}`;
      if (rows.has(at)) continue;
      rows.add(at);
      unassigned(row.judgeId, row.entryId, row.source.file, row.source.line, row.fieldColumns?.entry_id);
    }
  }

  const firstPair = new Map<string, { line: number; column: number | undefined; count: number }>();
  for (const p of assignment.pairs) {
    const seen = firstPair.get(p.judgeId);
    if (seen) seen.count++;
    else firstPair.set(p.judgeId, { line: p.source.line, column: p.judgeColumn, count: 1 });
  }
  for (const [judgeId, { line, column, count }] of firstPair) {
    if (scoredBy.has(judgeId)) continue;
    out.push(
      diagnostic(
        'missing-sheet',
        `judge ${judgeId} has ${count} assigned ${count === 1 ? 'entry' : 'entries'} but no score in the score sheets: their sheet has not come back, or came back empty; add it to --scores`,
        {
          file: assignment.path,
          line,
          column,
          field: 'judge_id',
        },
      ),
    );
  }

  pushAll(out, otherAssignments(assignment, workbooks));
  return out;
}

function otherAssignments(assignment: LoadedAssignment, workbooks: readonly ScoreWorkbook[]): Diagnostic[] {
  const marked = workbooks.filter(
    (w): w is ScoreWorkbook & { meta: NonNullable<ScoreWorkbook['meta']> } => w.meta !== null,
  );
  const other = marked.filter((w) => w.meta.assignmentId !== assignment.id);
  if (other.length === 0) return [];
  const ids = new Set(other.map((w) => w.meta.assignmentId));
  if (marked.length >= 2 && other.length === marked.length && ids.size === 1) {
    const [id] = ids;
    return [
      diagnostic(
        'other-assignment',
        `all ${marked.length} workbooks were written for assignment ${id}, and this file is assignment ${assignment.id}: it was edited or replaced after the workbooks went out; give the assignment.csv kipp assign wrote with them (the pairs are checked one by one either way)`,
        {
          file: assignment.path,
          line: 1,
        },
      ),
    ];
  }
  return other.map((w) =>
    diagnostic(
      'other-assignment',
      `this workbook was written for assignment ${w.meta.assignmentId}${w.meta.judgeId !== '' ? ` (judge ${w.meta.judgeId})` : ''}, not for ${assignment.path} (assignment ${assignment.id}): it may be from an earlier run or another competition; ask the judge for the workbook of this assignment`,
      {
        file: w.path,
      },
    ),
  );
}
