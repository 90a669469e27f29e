/**
 * The words of a score report's cells that the terminal table and Markdown share. Apart from
 * table.ts, which loads chalk and Node's tty module on import: Markdown has no colours.
 */
import type { EntryResult, ScoreResult } from '../../model/result.js';
import type { CutLine } from './cuts.js';
import { categoryLabel, shortlistLabel, word } from '../shared/labels.js';
import type { ReportOptions } from './options.js';
import { fixed2, safeText } from '../shared/text.js';

/** A stage's total and rank in one cell: `90.00 (#2)`; `–` when not ranked in the stage. */
export function stageCell(e: EntryResult, stage: string): string {
  const s = e.stages?.[stage];
  if (s === undefined || s.total === null) return '–';
  return `${fixed2(s.total)} (#${s.rank})`;
}

/** A group's label in the report's language (groups have short labels: Umum, Replikasi). */
export function groupName(rubric: ScoreResult['rubric'], id: string, lang: ReportOptions['lang']): string {
  const g = rubric.groups.find((k) => k.id === id);
  if (g === undefined) return safeText(id);
  return lang === 'id' ? g.label.id : g.label.en;
}

export function statusOf(e: EntryResult, options: ReportOptions): string {
  if (e.flags.length > 0) return `${e.flags.map((f) => word(f, options.lang)).join(', ')}: ${e.reasons.join(', ')}`;
  if (!e.passed) return `${word('failed', options.lang)}: ${e.reasons.join(', ')}`;
  return '';
}

/** "Top 40 — cut line: 40/40" (per category with the category), and the tie warning when there is one. */
export function cutText(result: ScoreResult, cut: CutLine, lang: ReportOptions['lang']): string {
  const scope = cut.category !== undefined ? ` (${categoryLabel(result.rubric, cut.category, lang)})` : '';
  return `${shortlistLabel(result.rubric, cut.shortlist, lang)}${scope} — ${word('cut', lang)}: ${cut.taken}/${cut.size}${cut.cutoffTie ? ` — ${word('cutoff_tie', lang)}` : ''}`;
}
