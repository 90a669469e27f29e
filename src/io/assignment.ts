/**
 * The assignment `kipp assign` wrote (assignment.csv), read back for `--assignment`: its pairs,
 * each with its line, and its id.
 *
 * The assignment id is the first 16 hex digits of the SHA-256 of assignment.csv's bytes as kipp
 * wrote them. `kipp assign` stores it in every workbook it writes (the hidden `kipp` sheet,
 * src/report/assign/xlsx.ts), so a returned workbook names the assignment it was made for.
 * Editing assignment.csv by hand changes the id: every workbook then belongs to "another
 * assignment" (other-assignment), which is the point — the sheets no longer match the file.
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { diagnostic, type Diagnostic, type SourceRef } from '../model/diagnostic.js';
import { readInputOrStop } from './files.js';
import { readTable } from './table.js';

/** 16 hex digits (64 bits): enough that two assignments of one competition never share one. */
export const ASSIGNMENT_ID_LENGTH = 16;

export function assignmentId(bytes: Uint8Array | string): string {
  return createHash('sha256')
    .update(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes)
    .digest('hex')
    .slice(0, ASSIGNMENT_ID_LENGTH);
}

export interface AssignedPair {
  entryId: string;
  judgeId: string;
  source: SourceRef;
  /** 1-based column of the judge_id cell. */
  judgeColumn?: number;
}

export interface LoadedAssignment {
  path: string;
  id: string;
  sha256: string;
  pairs: AssignedPair[];
  /** Problems reading the file (parse errors, a row without entry_id or judge_id). */
  diagnostics: Diagnostic[];
}

/**
 * Reads assignment.csv (either language's header, any delimiter kipp writes). A file that cannot
 * be read stops the command (exit 2, file-not-found); a row without both ids is missing-field.
 */
export function readAssignment(path: string): LoadedAssignment {
  const input = readInputOrStop(path);
  // Its columns are a declared-conflicts file's (entry_id, judge_id, with their Indonesian names).
  const table = readTable({ ...input, format: 'csv' }, { kind: 'conflicts', criterion: () => undefined });
  const diagnostics = [...table.diagnostics];
  const pairs: AssignedPair[] = [];
  for (const field of ['entry_id', 'judge_id'] as const) {
    if (!table.fields.includes(field))
      diagnostics.push(
        diagnostic(
          'missing-field',
          `the assignment has no ${field} column: give the assignment.csv kipp assign wrote`,
          { file: path, line: table.headerLine, field },
        ),
      );
  }
  if (diagnostics.some((d) => d.code === 'missing-field'))
    return { path, id: assignmentId(input.bytes), sha256: input.sha256, pairs, diagnostics };
  for (const r of table.records) {
    const entryId = r.fields.get('entry_id') ?? '';
    const judgeId = r.fields.get('judge_id') ?? '';
    const missing = entryId === '' ? 'entry_id' : judgeId === '' ? 'judge_id' : undefined;
    if (missing !== undefined) {
      diagnostics.push(
        diagnostic(
          'missing-field',
          `the assignment row has no ${missing}: give the assignment.csv kipp assign wrote, unedited`,
          { file: path, line: r.source.line, column: r.columns?.get(missing), field: missing },
        ),
      );
      continue;
    }
    const judgeColumn = r.columns?.get('judge_id');
    pairs.push({ entryId, judgeId, source: r.source, ...(judgeColumn !== undefined ? { judgeColumn } : {}) });
  }
  return { path, id: assignmentId(input.bytes), sha256: input.sha256, pairs, diagnostics };
}
