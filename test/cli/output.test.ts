/**
 * Issue 17.6–17.8: what --output may name, checked before any input is read; `-` is standard
 * output; help, the version and commander's errors survive a pipe closed early.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, kippIn, ROOT } from './run.js';
import { tempFolder } from '../tmp.js';

const EX = join(ROOT, 'fixtures/example');
const INPUTS = [
  join(EX, 'entries.csv'),
  '--scores',
  join(EX, 'scores-wide.csv'),
  join(EX, 'scores-long.csv'),
  '--judges',
  join(EX, 'judges.csv'),
  '--as-of',
  '2026-11-22',
];
const fresh = () => tempFolder('kipp-out-');

describe('#17.6: --output takes only an extension the command writes; - is standard output', () => {
  it('#17.6 kipp score --output hasil.xlsx is refused (exit 2), points to kipp export, writes nothing', async () => {
    const dir = fresh();
    const r = await kippIn(['score', ...INPUTS, '--output', join(dir, 'hasil.xlsx')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot write a .xlsx file');
    expect(r.stderr).toContain('kipp export');
    expect(existsSync(join(dir, 'hasil.xlsx'))).toBe(false);
    expect(r.stdout).toBe('');
  });

  it('#17.6 an extension that does not fit --format is refused; one that does is written', async () => {
    const dir = fresh();
    const bad = await kippIn(['score', ...INPUTS, '--format', 'json', '--output', join(dir, 'report.csv')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('does not hold --format json');
    expect(existsSync(join(dir, 'report.csv'))).toBe(false);
    const good = await kippIn(['score', ...INPUTS, '--format', 'md', '--output', join(dir, 'report.markdown')]);
    expect(good.status).toBe(0);
    expect(readFileSync(join(dir, 'report.markdown'), 'utf8')).toMatch(/^# KIPP 2018\n/);
  });

  it('#17.6 --output - writes the report to standard output, and no file named -', async () => {
    const dir = fresh();
    const r = await kippIn(['score', ...INPUTS, '--format', 'json', '--output', '-'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).entries).toHaveLength(48);
    expect(existsSync(join(dir, '-'))).toBe(false);
    const e = await kippIn(['export', ...INPUTS, '--output', '-', '--delimiter', ';'], { cwd: dir });
    expect(e.status).toBe(0);
    expect(e.stdout.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^Rank;Category rank;ID;/);
    expect(existsSync(join(dir, '-'))).toBe(false);
    const v = await kippIn(['validate', ...INPUTS, '--format', 'json', '--output', '-'], { cwd: dir });
    expect(JSON.parse(v.stdout).summary).toBeDefined();
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('#17.6 validate and judges: the extension chooses the format, a spreadsheet is refused', async () => {
    const dir = fresh();
    expect((await kippIn(['validate', ...INPUTS, '--output', join(dir, 'v.xlsx')])).status).toBe(2);
    expect((await kippIn(['judges', ...INPUTS, '--output', join(dir, 'j.xlsx')])).status).toBe(2);
    expect((await kippIn(['judges', ...INPUTS, '--output', join(dir, 'j.json')])).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'j.json'), 'utf8')).judges.length).toBeGreaterThan(0);
    const sarif = await kippIn(['validate', ...INPUTS, '--format', 'sarif', '--output', join(dir, 'kipp.sarif.json')]);
    expect(sarif.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'kipp.sarif.json'), 'utf8')).version).toBe('2.1.0');
  });
});

describe('#17.7: every output precondition is checked before any input is read', () => {
  // The entries file does not exist: a run that read inputs first would say so (exit 2 too), so
  // each test asserts the message is the output's and names nothing of the inputs.
  const missing = join(ROOT, 'fixtures/example/no-such-entries.csv');
  const refusesFirst = async (args: string[], message: RegExp) => {
    const r = await kippIn(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain('no-such-entries');
  };

  it('#17.7 an existing --output without --force, for score, validate, judges and export', async () => {
    const dir = fresh();
    for (const [command, file] of [
      ['score', 'r.json'],
      ['validate', 'v.json'],
      ['judges', 'j.md'],
      ['export', 'e.csv'],
    ] as const) {
      const path = join(dir, file);
      writeFileSync(path, 'keep me');
      await refusesFirst(
        [command, missing, '--scores', join(EX, 'scores-long.csv'), '--output', path],
        /exists: pass --force/,
      );
      expect(readFileSync(path, 'utf8')).toBe('keep me');
    }
  });

  it('#17.7 --output naming an input (also one inside an input folder), before reading it', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'sheets'));
    writeFileSync(join(dir, 'sheets', 'a.csv'), 'entry_id,judge_id,criterion,score\n');
    await refusesFirst(
      ['score', missing, '--scores', join(dir, 'sheets'), '--output', join(dir, 'sheets', 'a.csv'), '--force'],
      /one of the input files/,
    );
    await refusesFirst(
      ['score', missing, '--judges', join(EX, 'judges.csv'), '--output', join(EX, 'judges.csv'), '--force'],
      /one of the input files/,
    );
    await refusesFirst(
      [
        'validate',
        missing,
        '--rubric',
        join(EX, 'rubric-top45.yaml'),
        '--output',
        join(EX, 'rubric-top45.yaml'),
        '--format',
        'pretty',
        '--force',
      ],
      /cannot write a \.yaml file/,
    );
  });

  it('#17.7 a missing folder, a file where the folder should be, a folder as the output', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'plain'), '');
    await refusesFirst(['score', missing, '--output', join(dir, 'nowhere', 'r.json')], /folder .* does not exist/);
    await refusesFirst(['score', missing, '--output', join(dir, 'plain', 'r.json')], /not a folder/);
    await refusesFirst(
      ['export', missing, '--output', join(dir, 'x.csv', '..', 'plain', 'e.csv')],
      /not a folder|does not exist/,
    );
    mkdirSync(join(dir, 'out.json'));
    await refusesFirst(['score', missing, '--output', join(dir, 'out.json')], /is a folder/);
  });

  it('#17.7 an extension the command cannot write, before reading', async () => {
    await refusesFirst(['score', missing, '--output', join(fresh(), 'hasil.xlsx')], /cannot write a \.xlsx file/);
    await refusesFirst(['export', missing, '--output', join(fresh(), 'hasil.pdf')], /use \.csv or \.xlsx/);
  });

  it('#17.7 kipp assign: a folder that already holds sheets, before reading', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'sheets'));
    writeFileSync(join(dir, 'sheets', 'J01.csv'), 'filled in\n');
    const r = await kippIn([
      'assign',
      missing,
      '--judges',
      join(EX, 'judges.csv'),
      '--per-entry',
      '2',
      '--output-dir',
      dir,
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/already holds 1 sheet file/);
    expect(r.stderr).not.toContain('no-such-entries');
    expect(readFileSync(join(dir, 'sheets', 'J01.csv'), 'utf8')).toBe('filled in\n');
  });
});

/** Runs kipp with stdout read until its first chunk and then closed, as `| head -1` does. */
async function closedEarly(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '' },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
  return { code, stderr };
}

describe('#17.8: help, version and usage errors piped into a reader that stops early', () => {
  it('#17.8 kipp score --help | head: no stack trace, exit 0, run after run', async () => {
    // Before the fix about half of these runs printed "Error: write EPIPE" with a stack and exited 1.
    for (let i = 0; i < 8; i++) {
      for (const args of [['score', '--help'], ['--help'], ['export', '--help']]) {
        const { code, stderr } = await closedEarly(args);
        expect(stderr).not.toMatch(/EPIPE|Unhandled|node:events|at /);
        expect(code).toBe(0);
      }
    }
  }, 60_000);

  it("#17.8 the version and commander's errors too (exit 0 and 2)", async () => {
    const version = await closedEarly(['--version']);
    expect(version.stderr).toBe('');
    expect(version.code).toBe(0);
    // An unknown option: commander writes to stderr, which is read here; stdout stays empty.
    const unknown = await closedEarly(['score', 'x.csv', '--no-such-option']);
    expect(unknown.stderr).toContain("unknown option '--no-such-option'");
    expect(unknown.stderr).not.toMatch(/EPIPE|node:events/);
    expect(unknown.code).toBe(2);
  });

  it('#17.8 a closed stderr does not crash a usage error either', async () => {
    const child = spawn(process.execPath, [BIN, 'score', 'x.csv', '--no-such-option'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '' },
    });
    child.stderr.destroy();
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });
});
