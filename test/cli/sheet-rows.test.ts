/**
 * Issue #16, items 1–4, as a secretariat sees them: `kipp score` and `kipp validate` on the
 * files the issue reproduced. A row that cannot be read exactly is an error at its line (exit
 * 1), never a score the judge did not write, never an internal error (exit 70), and the
 * two-thread read gives the same report as one thread.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kippIn } from './run.js';
import { tempFolder } from '../tmp.js';

const dir = tempFolder('kipp-sheet-rows-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entries = join(dir, 'entries.csv');
writeFileSync(
  entries,
  'id,title,agency,category,implemented_since\nE1,Satu,Instansi A,governance,2015-01-01\nE2,Dua,Instansi B,governance,2015-01-01\n',
);

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function score(sheet: string, env: Record<string, string> = {}) {
  return await kippIn(['score', entries, '--scores', sheet, '--as-of', '2026-01-01', '--format', 'json'], { env });
}

/** Every row of E1 and E2 by one judge (long form), so that only the rows under test are wrong. */
const CRITERIA = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];
const complete = (judge: string, score: number) =>
  ['E1', 'E2'].flatMap((e) => CRITERIA.map((c) => `${e},${judge},${c},${score}`)).join('\n');

describe('#16 score rows that do not fit their header, end to end', () => {
  it('#16.1: a short row is an error at its line (exit 1): E2 never gets the 9 of the row above', async () => {
    const sheet = file(
      'short.csv',
      `entry_id,judge_id,criterion,score\n${complete('J1', 7)}\nE1,J2,novelty,9\nE2,J2\n`,
    );
    const r = await score(sheet);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${sheet}:13:3: error parse-error`);
    const e2 = JSON.parse(r.stdout).entries.find((e: { id: string }) => e.id === 'E2');
    expect(e2.judges).toBe(1);
  });

  it("#16.1: a short first row is exit 1 with the row's line, not an internal error (exit 70)", async () => {
    const sheet = file('short-first.csv', `entry_id,judge_id,criterion,score\nE2,J1\n${complete('J1', 7)}\n`);
    const r = await kippIn(['validate', entries, '--scores', sheet, '--as-of', '2026-01-01']);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/TypeError|internal error/i);
    expect(r.stdout + r.stderr).toContain('2:3');
  });

  it("#16.2: LibreOffice's 6 | 5 under an empty last header is an error at the row that names the decimal comma", async () => {
    const sheet = file(
      'libreoffice.csv',
      `Kode Inovasi;Juri;Kriteria;Nilai;\n${complete('J1', 7).replaceAll(',', ';')}\nE1;J2;Kebaruan;6;5\n`,
    );
    const r = await score(sheet);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${sheet}:12:5: error parse-error`);
    expect(r.stderr).toContain('look like the score 6,5');
    expect(r.stderr).not.toContain('unknown-field');
  });

  it('#16.3: K1,J1,8,5,7,9,6,8 under kipp init\'s wide header is an error, not 8/5/7/9/6 with comment "8"', async () => {
    const sheet = file(
      'init-wide.csv',
      'kode_inovasi,juri,kebaruan,efektivitas,bermanfaat,replikasi,berkelanjutan,komentar\nE1,J1,8,5,7,9,6,8\nE2,J1,8,7,9,6,8,baik\n',
    );
    const r = await score(sheet);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${sheet}:2:8: error parse-error`);
    expect(r.stderr).toContain('decimal comma');
  });

  it('#16.4: a sheet with long runs of ,,, above its header: two threads give the report one thread gives, every row read', async () => {
    const sheet = file(
      'debris.csv',
      `${',,,\n'.repeat(2000)}entry_id,judge_id,criterion,score\n${complete('J1', 7)}\n${complete('J2', 9)}\n`,
    );
    const alone = await score(sheet, { KIPP_WORKER_MIN_BYTES: 'off' });
    const threaded = await score(sheet, { KIPP_WORKER_MIN_BYTES: '0' });
    expect(alone.status).toBe(0);
    expect(JSON.parse(alone.stdout).entries.map((e: { id: string; judges: number }) => [e.id, e.judges])).toEqual([
      ['E1', 2],
      ['E2', 2],
    ]);
    expect(threaded.stdout).toBe(alone.stdout);
    expect(threaded.stderr).toBe(alone.stderr);
    expect(threaded.status).toBe(alone.status);
  });
});
