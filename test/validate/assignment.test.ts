/**
 * #18.3: the assignment check (src/validate/assignment.ts) and the assignment reader
 * (src/io/assignment.ts) on small hand-made inputs: each expected place is read off the input.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAssignment } from '../../src/io/assignment.js';
import type { ScoreRow } from '../../src/model/records.js';
import { ScoreSheet } from '../../src/model/scoresheet.js';
import { checkAssignment } from '../../src/validate/assignment.js';
import { tempFolder } from '../tmp.js';

const dir = tempFolder('kipp-assignment-unit-');
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** One wide row of two criteria: two scores on the same line, as the loader gives them. */
function wide(entryId: string, judgeId: string, line: number): ScoreRow[] {
  return ['novelty', 'benefit'].map((criterion, i) => ({
    entryId,
    judgeId,
    criterionRaw: criterion,
    text: '8',
    decimalComma: false,
    source: { file: 'nilai.csv', line },
    column: 3 + i,
    fieldColumns: { entry_id: 1, judge_id: 2 },
  }));
}

describe('#18.3 readAssignment', () => {
  it('#18.3: reads the Indonesian header with ";" and names a row without a judge; the id is 16 hex of the bytes\' SHA-256', () => {
    const text = '\uFEFFkode_inovasi;juri\r\n08123;J01\r\n08124;\r\n08124;J02\r\n';
    const a = readAssignment(file('penugasan.csv', text));
    expect(a.pairs.map((p) => [p.entryId, p.judgeId, p.source.line, p.judgeColumn])).toEqual([
      ['08123', 'J01', 2, 2],
      ['08124', 'J02', 4, 2],
    ]);
    expect(a.diagnostics.map((d) => [d.code, d.line, d.field])).toEqual([['missing-field', 3, 'judge_id']]);
    expect(a.id).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex').slice(0, 16));
  });

  it('#18.3: a file without a judge_id column is one missing-field at the header, and no pairs', () => {
    const a = readAssignment(file('pairs.csv', 'entry_id,reviewer\n08123,J01\n'));
    expect(a.pairs).toEqual([]);
    expect(a.diagnostics.map((d) => [d.code, d.line, d.field])).toEqual([['missing-field', 1, 'judge_id']]);
  });
});

describe('#18.3 checkAssignment', () => {
  const assignment = () =>
    readAssignment(file('assignment.csv', 'entry_id,judge_id\nE1,J01\nE2,J01\nE1,J02\nE2,J03\n'));
  const rows = [...wide('E1', 'J01', 2), ...wide('E2', 'J01', 3), ...wide('E2', 'J02', 4), ...wide('E9', 'J07', 5)];

  it('#18.3: one unassigned-score per row (not per score), a missing sheet per judge without scores, at their places', () => {
    const found = checkAssignment(assignment(), rows, []);
    expect(found.map((d) => [d.code, d.severity, d.file, d.line, d.column, d.field, d.entry_id])).toEqual([
      ['unassigned-score', 'error', 'nilai.csv', 4, 1, 'entry_id', 'E2'],
      ['unassigned-score', 'error', 'nilai.csv', 5, 1, 'entry_id', 'E9'],
      ['missing-sheet', 'error', join(dir, 'assignment.csv'), 5, 2, 'judge_id', undefined],
    ]);
    expect(found[1]!.message).toContain('judge J07 has no entries');
  });

  it('#18.3: the columnar ScoreSheet the loader builds gives the same diagnostics as plain rows', () => {
    const sheet = new ScoreSheet();
    for (const row of rows) sheet.push(row);
    expect(checkAssignment(assignment(), sheet, [])).toEqual(checkAssignment(assignment(), rows, []));
  });

  it('#18.3: other-assignment: per workbook, or once at assignment.csv when every workbook (two or more) names the same other id', () => {
    const a = assignment();
    const meta = (assignmentId: string, judgeId: string) => ({
      assignmentId,
      judgeId,
      kippVersion: '0',
      rubricSha256: '',
      values: {},
      sheet: 'kipp',
    });
    const mixed = checkAssignment(a, rows, [
      { path: 'J01.xlsx', meta: meta(a.id, 'J01') },
      { path: 'J02.xlsx', meta: meta('ffffffffffffffff', 'J02') },
      { path: 'J03.xlsx', meta: null },
    ]).filter((d) => d.code === 'other-assignment');
    expect(mixed.map((d) => [d.severity, d.file, d.line])).toEqual([['warning', 'J02.xlsx', undefined]]);
    const allOther = checkAssignment(a, rows, [
      { path: 'J01.xlsx', meta: meta('ffffffffffffffff', 'J01') },
      { path: 'J02.xlsx', meta: meta('ffffffffffffffff', 'J02') },
    ]).filter((d) => d.code === 'other-assignment');
    expect(allOther.map((d) => [d.file, d.line])).toEqual([[a.path, 1]]);
  });
});

describe('#18.3 checkAssignment and unknown ids', () => {
  it('#18.3: a row whose entry or judge is unknown altogether is left to unknown-entry / unknown-judge (one problem, one diagnostic)', () => {
    const a = readAssignment(file('assignment-known.csv', 'entry_id,judge_id\n08123,J01\n'));
    const rows = [...wide('8123', 'J01', 2), ...wide('08123', 'J1', 3), ...wide('08124', 'J01', 4)];
    const known = { entries: new Set(['08123', '08124']), judges: new Set(['J01']) };
    expect(checkAssignment(a, rows, [], known).map((d) => [d.code, d.line])).toEqual([['unassigned-score', 4]]);
    // Without a judges file, any judge id is known.
    expect(checkAssignment(a, rows, [], { ...known, judges: null }).map((d) => [d.code, d.line])).toEqual([
      ['unassigned-score', 3],
      ['unassigned-score', 4],
    ]);
  });
});
