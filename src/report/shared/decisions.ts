/**
 * The decisions section every score report carries when `--decisions` was given: one line per
 * applied decision (what it did, who, when, why, and where it is written). Shared by the table,
 * Markdown and HTML formatters; JSON projects the decisions as they are.
 */
import type { AppliedDecision } from '../../model/decisions.js';
import type { ScoreResult } from '../../model/result.js';
import { shortlistLabel, word, type Lang } from './labels.js';

export function decisionLine(
  result: Pick<ScoreResult, 'rubric'>,
  d: AppliedDecision,
  lang: Lang,
): { what: string; who: string } {
  const s =
    d.shortlist !== undefined
      ? shortlistLabel(result.rubric, d.shortlist, lang) + (d.category !== undefined ? ` (${d.category})` : '')
      : '';
  const list = (ids: readonly string[] | undefined) => (ids && ids.length > 0 ? ids.join(', ') : word('none', lang));
  const what =
    d.action === 'resolve_tie'
      ? word('decision_resolve_tie', lang, { s, take: list(d.entries), out: list(d.left_out) })
      : word(`decision_${d.action}`, lang, { e: d.entries[0] ?? '', s });
  return {
    what,
    who: word('decision_by', lang, { by: d.by, date: d.date, reason: d.reason, file: d.file, line: d.line }),
  };
}

/** Plain lines (table and Markdown bullet text); empty when no decisions file was given. */
export function decisionLines(result: ScoreResult, lang: Lang): string[] {
  return (result.decisions ?? []).map((d) => {
    const { what, who } = decisionLine(result, d, lang);
    return `${what} — ${who}`;
  });
}

/** What one decision did to one of its entries, as a row's cell says it (before who, when and why). */
function effectOn(result: ScoreResult, d: AppliedDecision, id: string, lang: Lang): string {
  const s =
    d.shortlist !== undefined
      ? shortlistLabel(result.rubric, d.shortlist, lang) + (d.category !== undefined ? ` (${d.category})` : '')
      : '';
  if (d.action === 'resolve_tie') return word(d.entries.includes(id) ? 'cell_taken' : 'cell_left_out', lang, { s });
  return word(`cell_${d.action}`, lang, { s });
}

/**
 * The decisions column of the exports and of `kipp score --format csv`: for each entry a decision
 * touched (taken or left out at a tied cut-off, removed, moved), what it did, who, when and why;
 * several joined by "; ", in file order. Built once per export (entries a decision names), not
 * per row. The reason is text someone typed: the formats guard it like any other text cell.
 */
export function decisionCells(result: ScoreResult, lang: Lang): Map<string, string> {
  const cells = new Map<string, string>();
  for (const d of result.decisions ?? []) {
    for (const id of [...d.entries, ...(d.left_out ?? [])]) {
      const text = word('cell_by', lang, {
        what: effectOn(result, d, id, lang),
        by: d.by,
        date: d.date,
        reason: d.reason,
      });
      const before = cells.get(id);
      cells.set(id, before === undefined ? text : `${before}; ${text}`);
    }
  }
  return cells;
}
