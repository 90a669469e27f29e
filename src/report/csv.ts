/**
 * `kipp score --format csv`: one row per entry, 2-decimal figures, formula-safe text cells.
 * A field holding `;` or a tab is quoted as well as one holding `,`, a quote or a line break,
 * as in `kipp export` (src/report/export-csv.ts): LibreOffice's import splits on all three.
 */
import { stringify } from 'csv-stringify/sync';
import type { ScoreResult } from '../model/result.js';
import { neutralizeFormula } from './cells.js';
import { decisionCells } from './decisions.js';
import type { ReportOptions } from './options.js';
import { fixed2 } from './text.js';

export function formatCsv(result: ScoreResult, options: ReportOptions): string {
  const criteria = result.rubric.criteria.map((k) => k.id);
  const stages = result.rubric.stages.map((s) => s.name);
  const header = ['rank', 'category_rank', 'id', 'title', 'agency', 'category', 'group', 'total', ...criteria, ...stages.flatMap((s) => [`${s}_total`, `${s}_rank`]), 'judges', 'passed', 'tied', 'reasons', 'shortlists', 'flags'];
  // With --decisions only (a report without keeps its columns): what the jury decided on the entry.
  const decided = result.decisions !== undefined ? decisionCells(result, options.lang) : undefined;
  if (decided) header.push('decisions');
  const rows = result.entries.map((e) => [
    e.rank ?? '',
    e.category_rank ?? '',
    neutralizeFormula(e.id),
    neutralizeFormula(e.title),
    neutralizeFormula(e.agency),
    neutralizeFormula(e.category),
    neutralizeFormula(e.group ?? ''),
    fixed2(e.total),
    ...criteria.map((k) => fixed2(e.criteria[k])),
    ...stages.flatMap((s) => [fixed2(e.stages?.[s]?.total ?? null), e.stages?.[s]?.rank ?? '']),
    e.judges,
    e.passed ? 'true' : 'false',
    e.tied ? 'true' : 'false',
    e.reasons.join(' '),
    e.shortlists.join(' '),
    e.flags.join(' '),
    ...(decided ? [neutralizeFormula(decided.get(e.id) ?? '')] : []),
  ]);
  return stringify([header, ...rows], { record_delimiter: '\n', quoted_match: /[;\t\r]/ });
}
