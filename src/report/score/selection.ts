/**
 * "showing 46 of 240 entries — 2 entries tie at rank 45 for 1 place of --top 45, all shown":
 * what a report narrowed by --top or --category leaves out, in every format that has prose (the
 * table and Markdown footers, the HTML ranking; kipp score says it on stderr for CSV and JSON,
 * and the JSON report holds it as `selection`).
 */
import type { Rubric } from '../../model/rubric.js';
import type { Selection } from '../../model/result.js';
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
