/**
 * Declared conflicts (`--conflicts`): a judge names entries they must not score (a former
 * employer, a relative, a consultancy). Applied in docs/reference/scoring.md step 2 beside the same-agency rule
 * (src/validate/scores.ts). A row naming a judge or an entry that does not exist is an error at
 * its line: a typo would otherwise leave the conflicted scores in the ranking.
 */
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Competition, DeclaredConflict } from '../model/records.js';

export interface DeclaredConflicts {
  /** Judge id → entry index → the declaration (the first one, when a pair is declared twice). */
  byJudge: Map<string, Map<number, DeclaredConflict>>;
  diagnostics: Diagnostic[];
}

/**
 * @param entryIndex entry id → index into the checked entries (an id shared by several entries
 *   carries no scores: its declarations are not needed).
 * @param sheetJudges the judges named in the score sheets: the known judges when no judges file
 *   was given.
 */
export function checkDeclaredConflicts(
  competition: Competition,
  entryIndex: ReadonlyMap<string, number>,
  sharedIds: ReadonlySet<string>,
  sheetJudges: Iterable<string>,
): DeclaredConflicts {
  const byJudge = new Map<string, Map<number, DeclaredConflict>>();
  const diagnostics: Diagnostic[] = [];
  const declared = competition.conflicts ?? [];
  if (declared.length === 0) return { byJudge, diagnostics };
  const judges = new Set(competition.judges ? competition.judges.map((j) => j.id) : sheetJudges);
  const where = competition.judges ? 'the judges file' : 'the score sheets';
  for (const c of declared) {
    const at = (field: 'judge_id' | 'entry_id') => ({
      file: c.source.file,
      line: c.source.line,
      column: c.columns?.[field],
      field,
      entry_id: c.entryId,
    });
    let ok = true;
    if (!judges.has(c.judgeId)) {
      diagnostics.push(
        diagnostic(
          'unknown-judge',
          `declared conflict names judge "${c.judgeId}", who is not in ${where}: correct the id`,
          at('judge_id'),
        ),
      );
      ok = false;
    }
    const entry = sharedIds.has(c.entryId) ? undefined : entryIndex.get(c.entryId);
    if (entry === undefined && !sharedIds.has(c.entryId)) {
      diagnostics.push(
        diagnostic(
          'unknown-entry',
          `declared conflict names entry "${c.entryId}", which is not in the entries: correct the id`,
          at('entry_id'),
        ),
      );
      ok = false;
    }
    if (!ok || entry === undefined) continue;
    let entries = byJudge.get(c.judgeId);
    if (!entries) byJudge.set(c.judgeId, (entries = new Map<number, DeclaredConflict>()));
    if (!entries.has(entry)) entries.set(entry, c);
  }
  return { byJudge, diagnostics };
}
