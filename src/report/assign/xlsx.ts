/**
 * `kipp assign --sheet-format xlsx`: each judge's sheet as a workbook with one worksheet, the
 * same columns as the CSV sheet. Ids and context columns are text cells (an id such as 08123
 * keeps its zero; a title starting with "=" stays text), criterion columns are number columns
 * left empty for the judge, the header is frozen and filtered. The bytes come from the shared
 * writer (src/report/xlsx.ts), so the same assignment gives the same file.
 */
import type { Lang } from '../labels.js';
import { writeXlsx, type SheetColumn } from '../xlsx.js';
import { sheetHeader, type JudgeSheet } from './sheet.js';

/** One judge's workbook; `criterionHeaders` from criterionHeaders (sheet.ts), in rubric order. */
export async function formatSheetXlsx(sheet: JudgeSheet, criterionHeaders: readonly string[], lang: Lang = 'en'): Promise<Uint8Array> {
  const header = sheetHeader(criterionHeaders, lang);
  const text = (i: number, width?: number): SheetColumn => ({ header: header[i]!, kind: 'text', ...(width !== undefined ? { width } : {}) });
  const context = 5; // entry id, judge id, title, agency, category
  const columns: SheetColumn[] = [
    ...[0, 1, 2, 3, 4].map((i) => text(i)),
    ...criterionHeaders.map((c): SheetColumn => ({ header: c, kind: 'number', width: Math.max(10, c.length + 4) })),
    text(context + criterionHeaders.length, 40),
  ];
  const rows = sheet.entries.map((e) => [e.id, sheet.judgeId, e.title, e.agency, e.category, ...criterionHeaders.map(() => null), null]);
  return writeXlsx([{ name: sheet.judgeId, columns, rows, freezeHeader: true, filter: true }]);
}
