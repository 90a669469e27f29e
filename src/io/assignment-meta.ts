/**
 * The hidden `kipp` sheet of a workbook `kipp assign` wrote: key/value rows in columns A and B
 * (src/report/assign/xlsx.ts writes them). A workbook without one — made by hand, or re-saved
 * from a CSV sheet — has no metadata (null): nothing is claimed about it.
 *
 * exceljs is loaded lazily (only a command given --assignment and a workbook pays for it). The
 * workbook is read whole: a judge's form is small, and the metadata sheet is the last one.
 */
import { readFileSync } from 'node:fs';

export const META_SHEET = 'kipp';

export interface AssignmentMeta {
  /** The assignment id (src/io/assignment.ts): the first 16 hex digits of assignment.csv's SHA-256. */
  assignmentId: string;
  judgeId: string;
  kippVersion: string;
  rubricSha256: string;
  /** Every key/value row of the sheet, as written. */
  values: Record<string, string>;
  /** The name of the sheet they were read from. */
  sheet: string;
}

/** The metadata of a workbook's bytes, or null when it has no `kipp` sheet with an assignment id. */
export async function readAssignmentMeta(bytes: Uint8Array): Promise<AssignmentMeta | null> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  // The sheet named `kipp`, else a hidden sheet that holds the key (a judge whose id is `kipp`
  // gets a score sheet of that name and the metadata sheet `kipp (2)`).
  // A visible sheet is the judge's, whatever it holds.
  const candidates = workbook.worksheets.filter((s) => s.name === META_SHEET || s.state !== 'visible').sort((a, b) => Number(b.name === META_SHEET) - Number(a.name === META_SHEET));
  for (const sheet of candidates) {
    const values: Record<string, string> = {};
    sheet.eachRow((row) => {
      const key = cellText(row.getCell(1).value);
      if (key !== '' && !(key in values)) values[key] = cellText(row.getCell(2).value);
    });
    const id = values.kipp_assignment;
    if (id === undefined || id === '') continue;
    return { assignmentId: id, judgeId: values.judge_id ?? '', kippVersion: values.kipp_version ?? '', rubricSha256: values.rubric_sha256 ?? '', values, sheet: sheet.name };
  }
  return null;
}

/** The metadata of a workbook file (see readAssignmentMeta). */
export async function readAssignmentMetaFile(path: string): Promise<AssignmentMeta | null> {
  return readAssignmentMeta(readFileSync(path));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Rich text (a workbook re-saved by another program may split a text into runs).
  if (typeof value === 'object' && 'richText' in value) return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('').trim();
  return '';
}
