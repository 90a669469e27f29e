/**
 * `kipp score --format csv`: one row per entry, 2-decimal figures, formula-safe text cells.
 * A field holding `;` or a tab is quoted as well as one holding `,`, a quote or a line break,
 * as in `kipp export` (src/report/export-csv.ts): LibreOffice's import splits on all three.
 *
 * Written by hand, a row at a time into one string (issue 22): csv-stringify made a record array
 * and several strings per field, and its garbage was half of a stress year's CSV time. The bytes
 * are csv-stringify's with `record_delimiter: '\n'` and `quoted_match: /[;\t\r]/` (kept so by
 * test/report/score-csv.test.ts, which compares the two; the field is the export's csvField).
 */
import type { ScoreResult } from '../model/result.js';
import { neutralizeFormula } from './cells.js';
import { csvField } from './export-csv.js';
import type { ReportOptions } from './options.js';
import { fixed2 } from './text.js';

export function formatCsv(result: ScoreResult, _options: ReportOptions): string {
  const criteria = result.rubric.criteria.map((k) => k.id);
  const stages = result.rubric.stages.map((s) => s.name);
  const header = ['rank', 'category_rank', 'id', 'title', 'agency', 'category', 'group', 'total', ...criteria, ...stages.flatMap((s) => [`${s}_total`, `${s}_rank`]), 'judges', 'passed', 'tied', 'reasons', 'shortlists', 'flags'];
  const text = (s: string) => csvField(neutralizeFormula(s));
  let out = header.map(csvField).join(',') + '\n';
  for (const e of result.entries) {
    let row = `${e.rank ?? ''},${e.category_rank ?? ''},${text(e.id)},${text(e.title)},${text(e.agency)},${text(e.category)},${text(e.group ?? '')},${fixed2(e.total)}`;
    for (const k of criteria) row += ',' + fixed2(e.criteria[k]);
    for (const s of stages) row += `,${fixed2(e.stages?.[s]?.total ?? null)},${e.stages?.[s]?.rank ?? ''}`;
    row += `,${e.judges},${e.passed ? 'true' : 'false'},${e.tied ? 'true' : 'false'},${csvField(e.reasons.join(' '))},${csvField(e.shortlists.join(' '))},${csvField(e.flags.join(' '))}\n`;
    out += row;
  }
  return out;
}
