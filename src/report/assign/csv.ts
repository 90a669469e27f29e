/**
 * `kipp assign` in CSV: assignment.csv and each judge's wide score sheet. Ids are written as
 * they are (the sheets must name the same entries and judges when read back); the context
 * columns are formula-safe text (OWASP CSV injection).
 */
import { stringify } from 'csv-stringify/sync';
import { neutralizeFormula } from '../cells.js';
import { sheetHeader, type JudgeSheet } from './sheet.js';

export function formatAssignmentCsv(pairs: readonly { entryId: string; judgeId: string }[]): string {
  return stringify([['entry_id', 'judge_id'], ...pairs.map((p) => [p.entryId, p.judgeId])], { record_delimiter: '\n' });
}

export function formatSheetCsv(sheet: JudgeSheet, criterionIds: readonly string[]): string {
  const empty = criterionIds.map(() => '');
  const rows = sheet.entries.map((e) => [
    e.id,
    sheet.judgeId,
    neutralizeFormula(e.title),
    neutralizeFormula(e.agency),
    neutralizeFormula(e.category),
    ...empty,
    '',
  ]);
  return stringify([sheetHeader(criterionIds), ...rows], { record_delimiter: '\n' });
}
