/**
 * The hidden `kipp` sheet of a workbook `kipp assign` wrote: key/value rows in columns A and B
 * (src/report/assign/xlsx.ts writes them). A workbook without one — made by hand, or re-saved
 * from a CSV sheet — has no metadata (null): nothing is claimed about it.
 *
 * exceljs is loaded lazily (only a command given --assignment and a workbook pays for it).
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import type { Worksheet } from 'exceljs';
import type { AssignmentMeta } from '../model/records.js';
import { loadWorkbook } from './exceljs.js';
import { binaryKind } from './files.js';

export const META_SHEET = 'kipp';

export type { AssignmentMeta };

/** One worksheet as a reader sees it: its name, its state, and its rows' first two cells. */
export interface MetaSheet {
  name: string;
  state: string;
  rows: Iterable<readonly [unknown, unknown]>;
}

/**
 * The metadata among a workbook's sheets, or null. The sheet named `kipp`, else a hidden sheet
 * that holds the key (a judge whose id is `kipp` gets a score sheet of that name and the
 * metadata sheet `kipp (2)`); a visible sheet is the judge's, whatever it holds. Pure, so that a
 * reader that streams a workbook for its scores can hand over the hidden sheet it skips.
 */
export function assignmentMetaOf(sheets: Iterable<MetaSheet>): AssignmentMeta | null {
  const candidates = [...sheets]
    .filter((s) => s.name === META_SHEET || s.state !== 'visible')
    .sort((a, b) => Number(b.name === META_SHEET) - Number(a.name === META_SHEET));
  for (const sheet of candidates) {
    // A Map, not an object: a key is whatever the workbook holds (`__proto__`, `constructor`).
    const values = new Map<string, string>();
    for (const [a, b] of sheet.rows) {
      const key = cellText(a);
      if (key !== '' && !values.has(key)) values.set(key, cellText(b));
    }
    const id = values.get('kipp_assignment');
    if (id === undefined || id === '') continue;
    const value = (key: string) => values.get(key) ?? '';
    return {
      assignmentId: id,
      judgeId: value('judge_id'),
      kippVersion: value('kipp_version'),
      rubricSha256: value('rubric_sha256'),
      values: Object.fromEntries(values),
      sheet: sheet.name,
    };
  }
  return null;
}

/**
 * The metadata of a workbook's bytes, or null when it has no `kipp` sheet with an assignment id.
 * The whole workbook is loaded (about 75 ms for a judge's form of 300 entries): exceljs's
 * streaming reader cannot skip a sheet, and parses every row of it.
 */
export async function readAssignmentMeta(bytes: Uint8Array): Promise<AssignmentMeta | null> {
  const Workbook = await loadWorkbook();
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return assignmentMetaOf(
    workbook.worksheets.map((sheet) => ({
      name: sheet.name,
      state: sheet.state,
      rows: sheet.name === META_SHEET || sheet.state !== 'visible' ? rowsOf(sheet) : [],
    })),
  );
}

function rowsOf(sheet: Worksheet): [unknown, unknown][] {
  const rows: [unknown, unknown][] = [];
  sheet.eachRow((row) => rows.push([row.getCell(1).value, row.getCell(2).value]));
  return rows;
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
  if (typeof value === 'object' && 'richText' in value)
    return (value as { richText: { text: string }[] }).richText
      .map((r) => r.text)
      .join('')
      .trim();
  return '';
}

/** A workbook among the score sheets, and its metadata (null: none, or not a workbook exceljs opens). */
export interface ScoreWorkbook {
  path: string;
  meta: AssignmentMeta | null;
}

const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm']);

/**
 * The workbooks among score-sheet paths (files, and the files of folders, as `--scores` names
 * them): by extension or by the ZIP signature. One that cannot be opened has no metadata here —
 * reading its scores says what is wrong with it. `known` holds the metadata found while the
 * workbooks' data was read (Competition.workbookMeta); only the others are loaded for it.
 */
export async function scoreWorkbooks(
  paths: readonly string[],
  known?: ReadonlyMap<string, AssignmentMeta | null>,
): Promise<ScoreWorkbook[]> {
  const out: ScoreWorkbook[] = [];
  for (const path of paths) {
    if (!isWorkbook(path)) continue;
    let meta: AssignmentMeta | null;
    try {
      meta = known?.has(path) === true ? known.get(path)! : await readAssignmentMetaFile(path);
    } catch {
      meta = null;
    }
    out.push({ path, meta });
  }
  return out;
}

function isWorkbook(path: string): boolean {
  if (path === '-') return false;
  if (WORKBOOK_EXTENSIONS.has(extname(path).toLowerCase())) return true;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = new Uint8Array(8);
    return binaryKind(head.subarray(0, readSync(fd, head, 0, 8, 0))) === 'zip';
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
