/**
 * Issue #18.3, `kipp validate --assignment assignment.csv`, end to end with the built CLI: kipp
 * assign hands out the sheets, the test fills them in as judges would and returns them with
 * deliberate problems; each problem's place (line, column) is worked out here from the files
 * kipp assign wrote, never from kipp's own check.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { kippIn } from './run.js';
import { tempFolder } from '../tmp.js';

const ENTRIES = 'fixtures/example/entries.csv';
const JUDGES = 'fixtures/assign/judges-small.csv';
const CRITERIA = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];
const AS_OF = ['--as-of', '2026-11-22'];
const CODES = new Set(['missing-sheet', 'unassigned-score', 'other-assignment']);
type Row = Record<string, string>;
interface Found {
  code: string;
  severity: string;
  file?: string;
  line?: number;
  column?: number;
  field?: string;
  entry_id?: string;
}

const readCsv = (path: string): Row[] => parse<Row>(readFileSync(path), { columns: true, bom: true });
const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;

/** A judge's sheet filled in: every criterion 8, as a judge returns it (CSV, every cell quoted). */
function fill(sheet: string, to: string, extra: Row[] = []): number {
  const rows = [...readCsv(sheet), ...extra].map((r) => ({
    ...r,
    ...Object.fromEntries(CRITERIA.map((c) => [c, '8'])),
  }));
  const header = Object.keys(rows[0]!);
  writeFileSync(
    to,
    `${[header.join(','), ...rows.map((r) => header.map((h) => quote(r[h] ?? '')).join(','))].join('\n')}\n`,
  );
  return rows.length + 1; // the last row's line
}

/** kipp assign on the example with the small panel, two judges an entry: `seed`, into `out`. */
function assign(seed: string, out: string, sheetFormat?: 'xlsx') {
  return kippIn([
    'assign',
    ENTRIES,
    '--judges',
    JUDGES,
    '--per-entry',
    '2',
    '--seed',
    seed,
    ...(sheetFormat !== undefined ? ['--sheet-format', sheetFormat] : []),
    '--output-dir',
    out,
  ]);
}

async function validate(scores: string[], assignment: string) {
  const run = await kippIn([
    'validate',
    ENTRIES,
    '--judges',
    JUDGES,
    '--scores',
    ...scores,
    '--assignment',
    assignment,
    ...AS_OF,
    '--format',
    'json',
  ]);
  const found = (JSON.parse(run.stdout) as { diagnostics: (Found & { message: string })[] }).diagnostics;
  return {
    status: run.status,
    stderr: run.stderr,
    all: found,
    ours: found.filter((d) => CODES.has(d.code)).map(({ message: _m, ...d }) => d),
  };
}

describe('#18.3 kipp validate --assignment', () => {
  let dir: string;
  let out: string;
  let pairs: Row[];
  beforeAll(async () => {
    dir = tempFolder('kipp-assignment-');
    out = join(dir, 'out');
    expect((await assign('5', out)).status).toBe(0);
    pairs = readCsv(join(out, 'assignment.csv'));
  }, 120_000); // a run of the built CLI: slow on a loaded machine
  const assignment = () => join(out, 'assignment.csv');
  const judges = () => [...new Set(pairs.map((p) => p.judge_id!))];

  it('#18.3: every sheet back and filled in: nothing to say, exit 0', async () => {
    const back = join(dir, 'complete');
    mkdirSync(back);
    for (const j of judges()) fill(join(out, 'sheets', `${j}.csv`), join(back, `${j}.csv`));
    const r = await validate([back], assignment());
    expect(r.all).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('#18.3: a missing judge, an unassigned entry and a workbook of another assignment, each at its file, line and cell', async () => {
    const [late, busy, other] = judges() as [string, string, string];
    const back = join(dir, 'returned');
    mkdirSync(back);
    // `busy` also scores an entry given to others only (copied from another judge's sheet).
    const notBusy = pairs.find((p) => !pairs.some((q) => q.entry_id === p.entry_id && q.judge_id === busy))!;
    const foreign = readCsv(join(out, 'sheets', `${notBusy.judge_id}.csv`)).find(
      (r) => r.entry_id === notBusy.entry_id,
    )!;
    let busyLastLine = 0;
    for (const j of judges()) {
      if (j === late) continue;
      const line = fill(
        join(out, 'sheets', `${j}.csv`),
        join(back, `${j}.csv`),
        j === busy ? [{ ...foreign, judge_id: busy }] : [],
      );
      if (j === busy) busyLastLine = line;
    }
    // `other`'s workbook from another run of kipp assign (another seed: another assignment).
    const earlier = join(dir, 'earlier');
    expect((await assign('6', earlier, 'xlsx')).status).toBe(0);
    copyFileSync(join(earlier, 'sheets', `${other}.xlsx`), join(back, `${other}-old.xlsx`));

    const r = await validate([back], assignment());
    const lateLine = 2 + pairs.findIndex((p) => p.judge_id === late); // header on line 1
    expect(r.ours).toEqual(
      [
        { code: 'other-assignment', severity: 'warning', file: join(back, `${other}-old.xlsx`) },
        {
          code: 'unassigned-score',
          severity: 'error',
          file: join(back, `${busy}.csv`),
          line: busyLastLine,
          column: 1,
          field: 'entry_id',
          entry_id: notBusy.entry_id,
        },
        { code: 'missing-sheet', severity: 'error', file: assignment(), line: lateLine, column: 2, field: 'judge_id' },
      ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/kipp validate: \d+ errors?/);
  }, 120_000);

  it('#18.3: workbooks of this very assignment raise no other-assignment; when every workbook names one other id, it is said once, at assignment.csv', async () => {
    const same = join(dir, 'same');
    expect((await assign('5', same, 'xlsx')).status).toBe(0);
    // The CSV run and the XLSX run of one seed write the same assignment.csv, so the same id.
    expect(readFileSync(join(same, 'assignment.csv'))).toEqual(readFileSync(assignment()));
    expect(
      (await validate([join(same, 'sheets')], assignment())).ours.filter((d) => d.code === 'other-assignment'),
    ).toEqual([]);

    const edited = join(dir, 'edited.csv');
    writeFileSync(edited, readFileSync(assignment(), 'utf8').replace(/\r\n$/, '\r\n\r\n')); // the same pairs, other bytes
    const r = await validate([join(same, 'sheets')], edited);
    expect(r.ours.filter((d) => d.code === 'other-assignment')).toEqual([
      { code: 'other-assignment', severity: 'warning', file: edited, line: 1 },
    ]);
    expect(readdirSync(join(same, 'sheets')).length).toBeGreaterThan(1);
  }, 120_000);

  it('#18.3: a missing assignment file is a usage error (exit 2), file-not-found at the path', async () => {
    const r = await kippIn([
      'validate',
      ENTRIES,
      '--judges',
      JUDGES,
      '--assignment',
      join(dir, 'nope.csv'),
      ...AS_OF,
      '--format',
      'json',
    ]);
    expect(r.status).toBe(2);
    expect((JSON.parse(r.stdout) as { diagnostics: Found[] }).diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['file-not-found', join(dir, 'nope.csv')],
    ]);
  });
});
