/**
 * `kipp score` end to end on the shipped example: what a secretariat sees, and the contract
 * a pipeline relies on (stdout/stderr split, exit codes, byte-identical JSON, safe --output).
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_INPUTS, kipp, kippIn, ROOT, type Run } from './run.js';
import { tempFolder } from '../tmp.js';

const EX = 'fixtures/example';
const INPUTS = EXAMPLE_INPUTS;

describe('the README first command', () => {
  let run: Run;
  beforeAll(async () => {
    run = await kippIn(['score', ...INPUTS]);
  });
  it('prints the ranked table of the example competition and exits 0', () => {
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.some((l) => /│ 1\s+│ KIPP-2018-011 │/.test(l))).toBe(true);
    // the tie: KIPP-2018-017 and KIPP-2018-031 hold identical scores from the same judges
    expect(lines.filter((l) => /│ 4=\s+│ KIPP-2018-0(17|31) │/.test(l))).toHaveLength(2);
    expect(run.stdout).toContain('Top 40: 40/40');
    expect(run.stdout).not.toMatch(/\u001b\[/); // no colour off a terminal
  });
  it('reports the conflict of interest on stderr, not stdout', () => {
    expect(run.stderr).toMatch(/scores-wide\.csv:\d+(:\d+)?: warning conflict-of-interest \[KIPP-2018-016\]/);
    expect(run.stdout).not.toContain('conflict-of-interest');
  });
});

describe('JSON report', () => {
  const args = ['score', ...INPUTS, '--as-of', '2026-11-22', '--format', 'json'];
  let first: Run;
  beforeAll(async () => {
    first = await kippIn(args);
  });
  it('is byte-identical from run to run', () => {
    expect(first.status).toBe(0);
    // a second run in its own process, the built CLI: also what kippIn() stands for
    expect(kipp(args).stdout).toBe(first.stdout);
  });
  it('has the SPEC section 6 shape', () => {
    const report = JSON.parse(first.stdout);
    expect(Object.keys(report).slice(0, 4)).toEqual(['kipp', 'rubric', 'inputs', 'as_of']);
    expect(report.rubric).toMatchObject({ name: 'KIPP 2018', version: 1 });
    expect(report.rubric.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.inputs.map((i: { kind: string }) => i.kind)).toEqual(['entries', 'scores', 'scores', 'judges']);
    expect(report.entries).toHaveLength(48);
    const e16 = report.entries.find((e: { id: string }) => e.id === 'KIPP-2018-016');
    expect(e16.judges).toBe(4); // J04's scores excluded for the conflict
    expect(report.shortlists).toEqual([
      { name: 'top-99', size: 99, taken: 48, cutoff_tie: false },
      { name: 'top-40', size: 40, taken: 40, cutoff_tie: false },
    ]);
  });
  it('adds a generation time only with SOURCE_DATE_EPOCH', async () => {
    expect(JSON.parse(first.stdout).generated).toBeUndefined();
    const stamped = JSON.parse((await kippIn(args, { env: { SOURCE_DATE_EPOCH: '1700000000' } })).stdout);
    expect(stamped.generated).toBe('2023-11-14T22:13:20.000Z');
  });
});

describe('narrowing and other formats', () => {
  it('--category and --top narrow what is shown without changing ranks', async () => {
    const report = JSON.parse(
      (await kippIn(['score', ...INPUTS, '--format', 'json', '--category', 'inklusif', '--top', '3'])).stdout,
    );
    expect(report.entries.map((e: { category: string }) => e.category)).toEqual([
      'inclusive',
      'inclusive',
      'inclusive',
    ]);
    expect(report.entries[0].rank).toBe(3);
  });
  it('csv has a header and one row per entry with 2-decimal totals', async () => {
    const run = await kippIn(['score', ...INPUTS, '--format', 'csv']);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^rank,category_rank,id,title,agency,category,group,total,novelty,/);
    expect(lines).toHaveLength(49);
    expect(lines[1]).toMatch(/^1,1,KIPP-2018-011,.*,88\.44,/);
  });
  it('md renders a table', async () => {
    const run = await kippIn(['score', ...INPUTS, '--format', 'md', '--lang', 'id']);
    expect(run.stdout).toMatch(/^# KIPP 2018/);
    expect(run.stdout).toContain('| Peringkat | Kode | Judul |');
  });
});

describe('bad input reaches the user as a clear message and the right exit code', () => {
  it('a missing file: exit 2, named on stderr, nothing on stdout', async () => {
    const run = await kippIn(['score', `${EX}/entries.csv`, '--scores', 'no-such-sheet.csv']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no-such-sheet.csv');
    expect(run.stderr).toContain('file-not-found');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('an unknown column: a warning with file, line and column', async () => {
    const dir = tempFolder('kipp-');
    writeFileSync(join(dir, 'entries.csv'), 'id,title,agency,category,kategroi_lama\nA1,Judul,Instansi,governance,x\n');
    const run = await kippIn(['score', join(dir, 'entries.csv')]);
    expect(run.stderr).toMatch(/entries\.csv:1:5: warning unknown-field/);
  });

  it('a rubric typo: exit 2 with the key path and line', async () => {
    const dir = tempFolder('kipp-');
    writeFileSync(
      join(dir, 'rubric.yaml'),
      'name: R\nscale: { min: 1, max: 10 }\ncriteria:\n  novelty: { wieght: 100 }\n',
    );
    const run = await kippIn(['score', `${EX}/entries.csv`, '--rubric', join(dir, 'rubric.yaml')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/rubric\.yaml:4: error invalid-rubric: criteria\.novelty\.wieght: unknown key/);
    expect(run.stderr).toMatch(/criteria\.novelty\.weight: required/);
  });

  it('weights summing to 90: exit 2', async () => {
    const dir = tempFolder('kipp-');
    writeFileSync(
      join(dir, 'rubric.yaml'),
      'name: R\nscale: { min: 1, max: 10 }\ncriteria:\n  novelty: { weight: 50 }\n  benefit: { weight: 40 }\n',
    );
    const run = await kippIn(['score', `${EX}/entries.csv`, '--rubric', join(dir, 'rubric.yaml')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/invalid-rubric: criteria: criterion weights sum to 90, not 100/);
  });

  it('a bad option value: exit 2', async () => {
    expect((await kippIn(['score', `${EX}/entries.csv`, '--as-of', '2026-02-30'])).status).toBe(2);
    expect((await kippIn(['score', `${EX}/entries.csv`, '--format', 'pdf'])).status).toBe(2);
    expect((await kippIn(['score', `${EX}/entries.csv`, '--top', 'ten'])).status).toBe(2);
  });

  it('data errors: the report is printed and the exit code is 1', async () => {
    const dir = tempFolder('kipp-');
    writeFileSync(
      join(dir, 'entries.csv'),
      'id,title,agency,category,implemented_since,novelty,effectiveness,benefit,replicability,sustainability\nA,T,Ag,governance,2020-01-01,8,8,8,8,11\n',
    );
    const run = await kippIn(['score', join(dir, 'entries.csv'), '--format', 'json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).entries[0].flags).toEqual(['incomplete']);
    expect(run.stderr).toMatch(/entries\.csv:2:10: error score-out-of-range/);
  });
});

describe('--output', () => {
  it('writes the file, never over an input, and needs --force to replace', async () => {
    const dir = tempFolder('kipp-');
    copyFileSync(`${EX}/entries.csv`, join(dir, 'entries.csv'));
    const before = readFileSync(join(dir, 'entries.csv'), 'utf8');
    const over = await kippIn(['score', join(dir, 'entries.csv'), '--output', join(dir, 'entries.csv')]);
    expect(over.status).toBe(2);
    expect(over.stderr).toContain('input');
    expect(readFileSync(join(dir, 'entries.csv'), 'utf8')).toBe(before);

    const out = join(dir, 'report.json');
    expect((await kippIn(['score', join(dir, 'entries.csv'), '--output', out])).status).toBe(1); // inline scores absent: too few judges
    expect(JSON.parse(readFileSync(out, 'utf8')).entries).toHaveLength(48);
    expect((await kippIn(['score', join(dir, 'entries.csv'), '--output', out])).status).toBe(2);
    expect((await kippIn(['score', join(dir, 'entries.csv'), '--output', out, '--force'])).status).toBe(1);
    expect(existsSync(out)).toBe(true);
  });
});

describe('kipp score with score sheets read in worker threads', () => {
  // KIPP_WORKER_MIN_BYTES=0 sends even the example's small sheets to worker threads: one sheet
  // is read in two halves, two sheets in one worker. The report must not change by a byte.
  const ex = join(ROOT, 'fixtures/example');
  const cases = {
    'one sheet, two halves': [
      join(ex, 'entries.csv'),
      '--scores',
      join(ex, 'scores-long.csv'),
      '--judges',
      join(ex, 'judges.csv'),
    ],
    'two sheets, one worker': [
      join(ex, 'entries.csv'),
      '--scores',
      join(ex, 'scores-wide.csv'),
      join(ex, 'scores-long.csv'),
      '--judges',
      join(ex, 'judges.csv'),
    ],
  };
  for (const [name, args] of Object.entries(cases)) {
    it(`${name}: the same JSON report, byte for byte`, async () => {
      const alone = await kippIn(['score', ...args, '--format', 'json', '--as-of', '2026-01-01'], {
        env: { KIPP_WORKER_MIN_BYTES: 'off' },
      });
      const threaded = await kippIn(['score', ...args, '--format', 'json', '--as-of', '2026-01-01'], {
        env: { KIPP_WORKER_MIN_BYTES: '0' },
      });
      expect(threaded.stdout).toBe(alone.stdout);
      expect(threaded.stderr).toBe(alone.stderr);
      expect(threaded.status).toBe(alone.status);
      expect(JSON.parse(threaded.stdout).entries.length).toBeGreaterThan(40);
    });
  }

  it('a score repeated in the two halves is a repeated record in both readers', async () => {
    // The halves' texts are joined without matching them (ScoreSheet.appendSheet): a judge
    // named in both halves has two codes. The first data row written again at the end puts
    // the same entry, judge and criterion in both halves.
    const lines = readFileSync(join(ex, 'scores-long.csv'), 'utf8').trimEnd().split('\n');
    const dir = tempFolder('kipp-halves-');
    const sheet = join(dir, 'scores.csv');
    writeFileSync(sheet, [...lines, lines[1]!].join('\n') + '\n');
    const args = [
      join(ex, 'entries.csv'),
      '--scores',
      sheet,
      '--judges',
      join(ex, 'judges.csv'),
      '--as-of',
      '2026-01-01',
    ];
    for (const command of ['score', 'judges']) {
      const run = (env: string) =>
        kippIn([command, ...args, '--format', 'json'], { env: { KIPP_WORKER_MIN_BYTES: env } });
      const [alone, threaded] = [await run('off'), await run('0')];
      expect(threaded.stdout).toBe(alone.stdout);
      expect(threaded.status).toBe(alone.status);
    }
    const report = JSON.parse(
      (await kippIn(['score', ...args, '--format', 'json'], { env: { KIPP_WORKER_MIN_BYTES: '0' } })).stdout,
    );
    const [entry, judge, criterion] = lines[1]!.split(',');
    const repeated = report.diagnostics.filter((d: { code: string }) => d.code === 'duplicate-score');
    expect(repeated.map((d: { entry_id: string; line: number }) => [d.entry_id, d.line])).toEqual([
      [entry, 2],
      [entry, lines.length + 1],
    ]);
    expect(report.entries.find((e: { id: string }) => e.id === entry).criteria[criterion!]).toBeDefined();
    const judges = JSON.parse(
      (await kippIn(['judges', ...args, '--format', 'json'], { env: { KIPP_WORKER_MIN_BYTES: '0' } })).stdout,
    );
    expect(JSON.stringify(judges)).toContain(judge);
  });

  it('refuses a KIPP_WORKER_MIN_BYTES that is not a number (exit 2)', async () => {
    const r = await kippIn(['score', join(ex, 'entries.csv'), '--scores', join(ex, 'scores-long.csv')], {
      env: { KIPP_WORKER_MIN_BYTES: 'lots' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('KIPP_WORKER_MIN_BYTES=lots');
  });
});

describe('kipp score piped into a reader that stops early (| head)', () => {
  it("stops writing, exits with the command's code, and prints no stack trace", async () => {
    // A national year's JSON report (~2 MB) is far more than a pipe holds.
    const { generate } = (await import(join(ROOT, 'bench/generate.mjs'))) as {
      generate: (size: string, dir: string) => Promise<unknown>;
    };
    const dir = tempFolder('kipp-head-');
    await generate('national', dir);
    const { spawn } = await import('node:child_process');
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin/kipp.js'),
        'score',
        join(dir, 'entries.csv'),
        '--scores',
        join(dir, 'scores.csv'),
        '--judges',
        join(dir, 'judges.csv'),
        '--as-of',
        '2026-01-01',
        '--format',
        'json',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH ?? '' },
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let first = '';
    child.stdout.once('data', (d: Buffer) => {
      first = d.toString().slice(0, 20);
      child.stdout.destroy(); // as `head -c 100` does once it has its bytes
    });
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(first.startsWith('{')).toBe(true);
    expect(stderr).not.toMatch(/EPIPE|Unhandled|node:events/);
    expect(code).toBe(0);
  });
});
