/**
 * The typed command line: options declared once with their parsers (src/commands/options.ts),
 * environment fallbacks read from the environment kipp is handed (never process.env), and the
 * one epilogue every reporting command ends with (finish, src/commands/output.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { CommandContext } from '../../src/commands/context.js';
import { finish } from '../../src/commands/output.js';
import { diagnostic, KippError } from '../../src/model/diagnostic.js';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await main({
    argv: ['node', 'kipp', ...args],
    env: { TZ: 'Asia/Jakarta', ...env },
    stdout: { write: (chunk: string | Uint8Array) => ((stdout += String(chunk)), true) },
    stderr: { write: (chunk: string | Uint8Array) => ((stderr += String(chunk)), true) },
  });
  return { status, stdout, stderr };
}

const EX = 'fixtures/example';
const SCORED = [`${EX}/entries.csv`, '-s', `${EX}/scores-long.csv`, `${EX}/scores-wide.csv`, '-j', `${EX}/judges.csv`];
const scratch = mkdtempSync(join(tmpdir(), 'kipp-options-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('environment fallbacks', () => {
  const saved = process.env.KIPP_LANG;
  afterEach(() => {
    if (saved === undefined) delete process.env.KIPP_LANG;
    else process.env.KIPP_LANG = saved;
  });

  // `kipp rubric show` heads its table with the word for category: Category / Kategori.
  it('KIPP_LANG from the environment kipp is handed names the language; --lang beats it', async () => {
    const id = await cli(['rubric', 'show'], { KIPP_LANG: 'id' });
    expect(id.status).toBe(0);
    expect(id.stdout).toContain('Kategori');
    const en = await cli(['rubric', 'show', '--lang', 'en'], { KIPP_LANG: 'id' });
    expect(en.stdout).toContain('Category');
    expect(en.stdout).not.toContain('Kategori');
    const idFromFlag = await cli(['rubric', 'show', '--lang', 'id-ID']);
    expect(idFromFlag.stdout).toContain('Kategori');
  });

  it("process.env is not read: the run's own environment is", async () => {
    process.env.KIPP_LANG = 'id';
    const r = await cli(['rubric', 'show']);
    expect(r.stdout).toContain('Category');
    process.env.KIPP_LANG = 'fr';
    expect((await cli(['rubric', 'show'])).status).toBe(0);
  });

  it('an empty KIPP_LANG is unset; one kipp cannot speak is a usage error unless --lang is given', async () => {
    expect((await cli(['rubric', 'show'], { KIPP_LANG: '' })).stdout).toContain('Category');
    const bad = await cli(['rubric', 'show'], { KIPP_LANG: 'fr' });
    expect(bad).toEqual({ status: 2, stdout: '', stderr: 'kipp: KIPP_LANG=fr: use en or id (or unset KIPP_LANG)\n' });
    expect((await cli(['rubric', 'show', '--lang', 'en'], { KIPP_LANG: 'fr' })).status).toBe(0);
    // A command without --lang does not read it.
    expect((await cli(['validate', `${EX}/entries.csv`], { KIPP_LANG: 'fr' })).status).toBe(0);
  });

  it('KIPP_RUBRIC names the rubric when --rubric does not', async () => {
    const missing = join(scratch, 'no-such-rubric.yaml');
    const r = await cli(['score', ...SCORED], { KIPP_RUBRIC: missing });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(missing);
    // --rubric given: the variable is not read.
    const given = await cli(['score', ...SCORED, '--rubric', 'rubrics/kipp-2018.yaml'], { KIPP_RUBRIC: missing });
    expect(given.status).toBe(0);
    expect(given.stderr).not.toContain(missing);
  });
});

describe('values parsed where they are declared: a bad one is a usage error before anything is read', () => {
  it.each<[string[], string]>([
    [['score', ...SCORED, '--top', '0'], '--top 0: expected a whole number of at least 1'],
    [['score', ...SCORED, '--lang', 'fr'], '--lang fr: use en or id'],
    [['score', ...SCORED, '--as-of', '2018-02-30'], '--as-of 2018-02-30: expected a date as YYYY-MM-DD'],
    [['score', ...SCORED, '--delimiter', '|'], '--delimiter |: use , ; or tab'],
    [['validate', `${EX}/entries.csv`, '--max-warnings', 'x'], '--max-warnings x: expected a whole number (0 or more)'],
    [['agenda', ...SCORED, '--margin', '-1'], '--margin -1: expected points on the 0–100 total, 0 or more (e.g. 2)'],
    [['agenda', ...SCORED, '--near-ranks', '1.5'], '--near-ranks 1.5: expected a whole number of at least 1'],
    [
      ['sensitivity', ...SCORED, '--weight-spread', '101'],
      '--weight-spread 101: expected percentage points between 0 and 100',
    ],
    [['sensitivity', ...SCORED, '--runs', '1000001'], '--runs 1000001: at most 1000000'],
    // The agenda's runs are capped as sensitivity's: 21 digits ran until killed.
    [['agenda', ...SCORED, '--sensitivity-runs', '1000001'], '--sensitivity-runs 1000001: at most 1000000'],
    [
      ['agenda', ...SCORED, '--sensitivity-runs', '999999999999999999999'],
      '--sensitivity-runs 999999999999999999999: at most 1000000',
    ],
    [
      ['assign', `${EX}/entries.csv`, '-j', `${EX}/judges.csv`, '-k', '0', '-d', scratch],
      '--per-entry 0: expected a whole number of at least 1',
    ],
  ])('%j', async (args, message) => {
    expect(await cli(args)).toEqual({ status: 2, stdout: '', stderr: `kipp: ${message}\n` });
  });

  it('a value outside its choices is refused by the command line (exit 2), naming them', async () => {
    const r = await cli(['export', ...SCORED, '-o', join(scratch, 'x.xlsx'), '--sheets', 'judge']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Allowed choices are shortlist, category');
  });
});

describe('help', () => {
  it('shows the environment fallbacks and the choices of --lang', async () => {
    const r = await cli(['score', '--help']);
    expect(r.status).toBe(0);
    const help = r.stdout.replace(/\s+/g, ' ');
    expect(help).toContain('(choices: "en", "id", env: KIPP_LANG)');
    expect(help).toContain('(env: KIPP_RUBRIC)');
  });
});

describe('finish: diagnostics on stderr, then the report to --output or stdout', () => {
  const context = () => {
    const lines: string[] = [];
    const ctx: CommandContext = {
      env: {},
      color: false,
      stderrColor: false,
      stdoutIsTTY: false,
      stderrIsTTY: false,
      columns: 120,
      log: (line) => void lines.push(line),
      lang: 'en',
    };
    return { ctx, lines };
  };
  const error = diagnostic('file-not-found', 'entries file not found: check the path', { file: 'x.csv' });

  it('to stdout: the report is handed back; an error makes the exit 1; notes follow the diagnostics', async () => {
    const { ctx, lines } = context();
    const result = await finish(ctx, {
      command: 'demo',
      diagnostics: [error],
      notes: ['a note'],
      report: 'REPORT\n',
      output: undefined,
      inputs: [],
      force: false,
    });
    expect(result).toEqual({ output: 'REPORT\n', exit: 1 });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('x.csv');
    expect(lines[1]).toBe('kipp demo: 1 error, 0 warnings');
    expect(lines[2]).toBe('kipp demo: a note');
  });

  it('to a file: written, said on stderr, nothing for stdout; never over an input', async () => {
    const { ctx, lines } = context();
    const file = join(scratch, 'report.txt');
    const result = await finish(ctx, { command: 'demo', report: 'REPORT\n', output: file, inputs: [], force: false });
    expect(result).toEqual({ exit: 0 });
    expect(readFileSync(file, 'utf8')).toBe('REPORT\n');
    expect(lines).toEqual([`kipp demo: wrote ${file}`]);

    const input = join(scratch, 'input.csv');
    writeFileSync(input, 'id\n');
    await expect(
      finish(ctx, { command: 'demo', report: 'X', output: input, inputs: [input], force: true }),
    ).rejects.toThrow(KippError);
    expect(readFileSync(input, 'utf8')).toBe('id\n');
  });
});
