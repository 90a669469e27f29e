/**
 * "showing 46 of 240 entries — 2 entries tie at rank 45 for 1 place of --top 45, all shown":
 * what a report narrowed by --top or --category leaves out, in every format that has prose (the
 * table and Markdown footers, the HTML ranking; kipp score says it on stderr for CSV and JSON,
 * and the JSON report holds it as `selection`).
 */
import type { Rubric } from '../../model/rubric.js';
import type { ScoreResult, Selection } from '../../model/result.js';
import { categoryLabel, placesText, word, type Lang } from '../shared/labels.js';

/** Whether the report shows less than the whole competition (then it must say so). */
export function isNarrowed(selection: Selection | undefined): selection is Selection {
  return selection !== undefined && (selection.category !== null || selection.top !== null);
}

export function selectionText(selection: Selection | undefined, rubric: Rubric, lang: Lang): string | null {
  if (!isNarrowed(selection)) return null;
  const counts = { n: selection.shown, m: selection.of };
  const head =
    selection.category !== null
      ? word('showing_in', lang, { ...counts, c: categoryLabel(rubric, selection.category, lang) })
      : word('showing', lang, counts);
  const { tie } = selection;
  if (tie === null) return head;
  return `${head} — ${word('top_tie', lang, { k: tie.entries, r: tie.rank, p: placesText(tie.places, lang), t: selection.top! })}`;
}

/**
 * The counts a report's summary gives: of the list its entries were drawn from (every entry, or
 * the category's), not of the entries a --top shows ("5 entries, 5 ranked" above "showing 5 of
 * 40" hid the year's unranked entries).
 */
export function drawnFrom(result: ScoreResult): { entries: number; ranked: number; unranked: number; passed: number } {
  const s = result.selection;
  if (isNarrowed(s)) return { entries: s.of, ranked: s.ofRanked, unranked: s.of - s.ofRanked, passed: s.ofPassed };
  const ranked = result.entries.filter((e) => e.rank !== null).length;
  const passed = result.entries.filter((e) => e.passed).length;
  return { entries: result.entries.length, ranked, unranked: result.entries.length - ranked, passed };
}
