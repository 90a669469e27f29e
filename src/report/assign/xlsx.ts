/**
 * `kipp assign --sheet-format xlsx`: each judge's sheet as a workbook with one worksheet, the
 * same columns as the CSV sheet. Ids and context columns are text cells (an id such as 08123
 * keeps its zero; a title starting with "=" stays text), criterion columns are number columns
 * left empty for the judge, the header is frozen and filtered. The bytes come from the shared
 * writer (src/report/xlsx.ts), so the same assignment gives the same file.
 */
import { writeXlsx, type SheetColumn } from '../xlsx.js';
import { CONTEXT_COLUMNS, type JudgeSheet } from './sheet.js';

export async function formatSheetXlsx(sheet: JudgeSheet, criterionIds: readonly string[]): Promise<Uint8Array> {
  const text = (header: string, width?: number): SheetColumn => ({ header, kind: 'text', ...(width !== undefined ? { width } : {}) });
  const columns: SheetColumn[] = [
    text('entry_id'),
    text('judge_id'),
    ...CONTEXT_COLUMNS.map((c) => text(c)),
    ...criterionIds.map((c): SheetColumn => ({ header: c, kind: 'number', width: Math.max(10, c.length + 4) })),
    text('comment', 40),
  ];
  const rows = sheet.entries.map((e) => [e.id, sheet.judgeId, e.title, e.agency, e.category, ...criterionIds.map(() => null), null]);
  return writeXlsx([{ name: sheet.judgeId, columns, rows, freezeHeader: true, filter: true }]);
}
