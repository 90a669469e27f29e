/**
 * The decisions section every score report carries when `--decisions` was given: one line per
 * applied decision (what it did, who, when, why, and where it is written). Shared by the table,
 * Markdown and HTML formatters; JSON projects the decisions as they are.
 */
import type { AppliedDecision } from '../model/decisions.js';
import type { ScoreResult } from '../model/result.js';
import { plenaryWord, shortlistLabel, type Lang } from './labels.js';

export function decisionLine(result: ScoreResult, d: AppliedDecision, lang: Lang): { what: string; who: string } {
  const s = d.shortlist !== undefined ? shortlistLabel(result.rubric, d.shortlist, lang) + (d.category !== undefined ? ` (${d.category})` : '') : '';
  const list = (ids: readonly string[] | undefined) => (ids && ids.length > 0 ? ids.join(', ') : plenaryWord('none', lang));
  const what =
    d.action === 'resolve_tie'
      ? plenaryWord('decision_resolve_tie', lang, { s, take: list(d.entries), out: list(d.left_out) })
      : plenaryWord(`decision_${d.action}`, lang, { e: d.entries[0] ?? '', s });
  return { what, who: plenaryWord('decision_by', lang, { by: d.by, date: d.date, reason: d.reason, file: d.file, line: d.line }) };
}

/** Plain lines (table and Markdown bullet text); empty when no decisions file was given. */
export function decisionLines(result: ScoreResult, lang: Lang): string[] {
  return (result.decisions ?? []).map((d) => {
    const { what, who } = decisionLine(result, d, lang);
    return `${what} — ${who}`;
  });
}
