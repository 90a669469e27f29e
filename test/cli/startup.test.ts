/**
 * #22.3: `kipp --version` alone answers from package.json before the bundled CLI is loaded
 * (start-up within 1.2× of `node -e 0`; the timing itself is the bench's, never a test's).
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_INPUTS, kipp } from './run.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/kipp.js');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const scratch = mkdtempSync(join(tmpdir(), 'kipp-startup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('#22.3: kipp --version without loading the CLI', () => {
  it("#22.3: --version and -V print package.json's version, exit 0, nothing on stderr", () => {
    for (const flag of ['--version', '-V']) {
      const r = spawnSync(process.execPath, [BIN, flag], { encoding: 'utf8' });
      expect(r.stdout).toBe(`${version}\n`);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('#22.3: a bin/kipp.js with no dist/ beside it still answers --version (the bundle is not loaded)', () => {
    mkdirSync(join(scratch, 'bin'), { recursive: true });
    copyFileSync(BIN, join(scratch, 'bin/kipp.js'));
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ type: 'module', version: '9.8.7' }));
    const r = spawnSync(process.execPath, [join(scratch, 'bin/kipp.js'), '--version'], { encoding: 'utf8' });
    expect(r.stdout).toBe('9.8.7\n');
    expect(r.status).toBe(0);
    // Any other command does need the bundle: the same copy fails to load it.
    const other = spawnSync(process.execPath, [join(scratch, 'bin/kipp.js'), 'score', 'x.csv'], { encoding: 'utf8' });
    expect(other.status).not.toBe(0);
    expect(other.stderr).toMatch(/dist\/bundle\/cli\.js/);
  });
});

// The bundle's static import graph: a chunk and every chunk it imports before its code runs. The
// module comments esbuild leaves in each chunk (`// dist/report/score/html.js`) say which sources it holds.
const BUNDLE = join(ROOT, 'dist/bundle');
const chunk = (file: string): string => readFileSync(join(BUNDLE, file), 'utf8');
function loadedSources(command: string): Set<string> {
  const entry = readdirSync(BUNDLE).find((f) => f.startsWith(`${command}-`) && f.endsWith('.js'));
  if (entry === undefined) throw new Error(`no chunk for ${command} in dist/bundle`);
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of chunk(file).matchAll(/^import\s(?:[^'"]*?\sfrom\s*)?"\.\/([^"]+)"/gm)) visit(m[1]!);
  };
  visit(entry);
  return new Set([...seen].flatMap((f) => [...chunk(f).matchAll(/^\/\/ (dist\/\S+\.js)$/gm)].map((m) => m[1]!)));
}

describe('#21: commands share option parsers, not the score command', () => {
  it('#21: validate, diff, verify and judges do not load the HTML report; its own chunk does', () => {
    expect(loadedSources('html')).toContain('dist/report/score/html.js');
    for (const command of ['validate', 'diff', 'verify', 'judges']) {
      const sources = loadedSources(command);
      expect(sources, command).toContain(`dist/commands/${command}.js`);
      expect(sources, command).not.toContain('dist/commands/score.js');
      expect(sources, command).not.toContain('dist/report/score/html.js');
    }
  });
});

describe('#22: kipp score loads the format it writes', () => {
  it('#22: neither the score command nor its CSV formatter loads another report or the diagnostics', () => {
    const score = loadedSources('score');
    const csv = loadedSources('csv');
    expect(score).toContain('dist/commands/score.js');
    expect(csv).toContain('dist/report/score/csv.js');
    for (const other of [
      'score/html',
      'score/table',
      'score/markdown',
      'score/json',
      'shared/diagnostics',
      'score/selection',
    ]) {
      expect(score, other).not.toContain(`dist/report/${other}.js`);
      expect(csv, other).not.toContain(`dist/report/${other}.js`);
    }
    // Each is still reachable, in its own chunk, when its format is asked for.
    for (const other of ['html', 'table', 'markdown', 'json'])
      expect(loadedSources(other)).toContain(`dist/report/score/${other}.js`);
  });
});

/**
 * The built CLI as the shell sees it: most CLI tests call `main()` in the test process
 * (kippIn); these spawn bin/kipp.js so that each exit code is the process's own.
 */
describe('exit codes of the built CLI, end to end', () => {
  const EX = 'fixtures/example';
  const ALL = EXAMPLE_INPUTS;

  it('0: the example ranked; 1: data errors (entries without a judge), the report still printed', () => {
    const ok = kipp(['score', ...ALL, '--format', 'json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).entries).toHaveLength(48);
    const errors = kipp(['score', `${EX}/entries.csv`, '--scores', `${EX}/scores-long.csv`, '--format', 'json']);
    expect(errors.status).toBe(1);
    expect(errors.stderr).toMatch(/error too-few-judges/);
    expect(JSON.parse(errors.stdout).entries).toHaveLength(48);
  });

  it('2: an unknown option, said on stderr with nothing on stdout', () => {
    const r = kipp(['score', `${EX}/entries.csv`, '--no-such-option']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/unknown option '--no-such-option'/);
  });

  it.skipIf(!existsSync('/dev/full'))(
    '2: a report that cannot be written (stdout on a full device) is said, never silent, as under --output',
    () => {
      const full = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [BIN, 'score', ...ALL, '--format', 'json'], {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', TZ: 'Asia/Jakarta' },
          stdio: ['ignore', full, 'pipe'],
          encoding: 'utf8',
        });
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/^kipp: cannot write the report to stdout: ENOSPC.*--output$/m);
      } finally {
        closeSync(full);
      }
    },
  );
});
