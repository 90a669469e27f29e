/**
 * `kipp assign` in CSV: assignment.csv and each judge's wide score sheet, written as `kipp
 * export` writes CSV (a byte-order mark, the chosen delimiter, every field holding `,` `;` tab,
 * a quote or a line break quoted, CRLF: src/report/export/csv.ts). Ids are written as they are
 * (the sheets must name the same entries and judges when read back); the context columns are
 * formula-safe text (OWASP CSV injection).
 */
import { neutralizeFormula } from '../shared/cells.js';
import { formatCsvText, type CsvDelimiter } from '../export/csv.js';
import type { Lang } from '../shared/labels.js';
import { columnName, sheetHeader, type JudgeSheet } from './sheet.js';

export interface AssignCsvOptions {
  delimiter: CsvDelimiter;
  lang: Lang;
}

const DEFAULTS: AssignCsvOptions = { delimiter: ',', lang: 'en' };

export function formatAssignmentCsv(
  pairs: readonly { entryId: string; judgeId: string }[],
  options: AssignCsvOptions = DEFAULTS,
): string {
  const header = [columnName('entry_id', options.lang), columnName('judge_id', options.lang)];
  return formatCsvText([header, ...pairs.map((p) => [p.entryId, p.judgeId])], options.delimiter);
}

/** One judge's sheet; `criterionHeaders` from criterionHeaders (sheet.ts), in rubric order. */
export function formatSheetCsv(
  sheet: JudgeSheet,
  criterionHeaders: readonly string[],
  options: AssignCsvOptions = DEFAULTS,
): string {
  const empty = criterionHeaders.map(() => '');
  const rows = sheet.entries.map((e) => [
    e.id,
    sheet.judgeId,
    neutralizeFormula(e.title),
    neutralizeFormula(e.agency),
    neutralizeFormula(e.category),
    ...empty,
    '',
  ]);
  return formatCsvText([sheetHeader(criterionHeaders, options.lang), ...rows], options.delimiter);
}
