/**
 * Safe writing: a run killed in the middle of writing its output leaves the previous output
 * intact, and the next run removes the temporary file it left. Also: never over an input,
 * --force for an existing output; data in pieces, and a piece that fails to be made. And output
 * folders made one at a time, the first that cannot be made said.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeFolders, writeOutput } from '../../src/io/write.js';
import { BIN, kippIn, ROOT } from '../cli/run.js';
import { tempFolder } from '../tmp.js';

const WRITE = pathToFileURL(join(ROOT, 'dist/io/write.js')).href;
const temporaries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** Starts a child writing 64 MiB to `target` and SIGKILLs it as soon as its temporary file exists. */
async function killMidWrite(
  dir: string,
  target: string,
): Promise<{ signal: NodeJS.Signals | null; sawTemporary: boolean }> {
  const script = `import { writeOutput } from ${JSON.stringify(WRITE)};
const data = Buffer.alloc(64 * 1024 * 1024, 0x78);
writeOutput(${JSON.stringify(target)}, data, { inputs: [], force: true });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
  let sawTemporary = false;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (temporaries(dir).length > 0) {
      child.kill('SIGKILL');
      sawTemporary = true;
      break;
    }
    await new Promise((r) => setImmediate(r));
  }
  return { signal: await exited, sawTemporary };
}

describe('an interrupted write', () => {
  it('leaves the old output intact; the next run cleans up', async () => {
    const dir = tempFolder('kipp-write-');
    const target = join(dir, 'report.json');
    const old = '{"the": "published report"}\n';
    writeFileSync(target, old);

    const { signal, sawTemporary } = await killMidWrite(dir, target);
    expect(sawTemporary).toBe(true);
    expect(signal).toBe('SIGKILL');
    expect(readFileSync(target, 'utf8')).toBe(old);
    // The killed run had no chance to clean up: its partial file is there, never under the real name.
    expect(temporaries(dir)).toHaveLength(1);

    const ex = 'fixtures/audit/corrected-sheet';
    const next = await kippIn([
      'score',
      `${ex}/entries.csv`,
      '-s',
      `${ex}/scores-v1.csv`,
      '-r',
      `${ex}/rubric.yaml`,
      '--output',
      target,
      '--force',
    ]);
    expect(next.status).toBe(0);
    expect(temporaries(dir)).toEqual([]);
    expect(JSON.parse(readFileSync(target, 'utf8')).entries).toHaveLength(6);
  });
});

describe('--output rules', () => {
  const ex = 'fixtures/audit/corrected-sheet';
  const inputs = [`${ex}/entries.csv`, '-s', `${ex}/scores-v1.csv`, '-r', `${ex}/rubric.yaml`];

  it('never over an input, even with --force: exit 2 and the input untouched', async () => {
    const dir = tempFolder('kipp-write-');
    const sheet = join(dir, 'scores.csv');
    const bytes = readFileSync(join(ROOT, ex, 'scores-v1.csv'), 'utf8');
    writeFileSync(sheet, bytes);
    const run = await kippIn([
      'score',
      `${ex}/entries.csv`,
      '-s',
      sheet,
      '-r',
      `${ex}/rubric.yaml`,
      '--output',
      sheet,
      '--force',
      '--format',
      'csv',
    ]);
    expect(run.status).toBe(2);
    expect(readFileSync(sheet, 'utf8')).toBe(bytes);
  });

  it('an existing output needs --force', async () => {
    const dir = tempFolder('kipp-write-');
    const out = join(dir, 'report.md');
    writeFileSync(out, 'old');
    expect((await kippIn(['score', ...inputs, '--output', out])).status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect((await kippIn(['score', ...inputs, '--output', out, '--force'])).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# KIPP audit example/);
    expect(temporaries(dir)).toEqual([]);
  });
});

describe('writeOutput with data in pieces', () => {
  it('writes strings and bytes in order, as UTF-8', () => {
    const dir = tempFolder('kipp-write-');
    const target = join(dir, 'out.csv');
    writeOutput(target, ['\uFEFFa,b\r\n', Buffer.from('Café,1\r\n'), new Uint8Array(), '🚀,2\r\n'], {
      inputs: [],
      force: false,
    });
    expect(readFileSync(target, 'utf8')).toBe('\uFEFFa,b\r\nCafé,1\r\n🚀,2\r\n');
    expect(temporaries(dir)).toEqual([]);
  });

  it('a piece that cannot be made leaves the old file as it was, no temporary, and the error as it was thrown', () => {
    const dir = tempFolder('kipp-write-');
    const target = join(dir, 'out.csv');
    writeFileSync(target, 'old');
    const failure = new TypeError('a bug while making row 2');
    function* pieces(): Generator<string> {
      yield 'row 1\r\n';
      throw failure;
    }
    expect(() => writeOutput(target, pieces(), { inputs: [], force: true })).toThrow(failure);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(temporaries(dir)).toEqual([]);
  });
});

describe('output folders (kipp init, kipp assign --output-dir)', () => {
  // Node's recursive mkdir spins forever (a core at 100 %) where a parent exists but cannot hold
  // the child: a link to nothing, or a path under /proc. kipp init /proc/x never returned, and
  // kipp assign -d under a link to nothing stopped with an internal error (exit 70).
  const dir = tempFolder('kipp-folders-');

  it('makes the missing folders of a path, and accepts one that is there', () => {
    const nested = join(dir, 'a', 'b', 'c');
    makeFolders(nested);
    expect(statSync(nested).isDirectory()).toBe(true);
    makeFolders(nested);
    expect(statSync(nested).isDirectory()).toBe(true);
  });

  it('says which folder cannot be made, and why: a link to nothing, a file on the path', () => {
    symlinkSync(join(dir, 'not-there'), join(dir, 'dangling'));
    expect(() => makeFolders(join(dir, 'dangling', 'out'))).toThrow(
      `cannot create the folder ${join(dir, 'dangling')}: a link to something that is not there has that name`,
    );
    writeFileSync(join(dir, 'file.csv'), 'x');
    expect(() => makeFolders(join(dir, 'file.csv', 'out'))).toThrow(
      `cannot create the folder ${join(dir, 'file.csv', 'out')}: a file, not a folder, is on its path`,
    );
  });

  it.runIf(existsSync('/proc/self'))('kipp init under /proc: exit 2 at once, not a spin', () => {
    // A process of its own with a time limit: the spin was synchronous, and in this process it
    // would hold the test runner until CI's limit.
    const r = spawnSync(process.execPath, [BIN, 'init', '/proc/kipp-no-such-folder/competition'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'kipp: cannot create the folder /proc/kipp-no-such-folder: its parent cannot hold folders. Choose another folder\n',
    );
  });

  it('kipp assign -d under a link to nothing: exit 2 with the folder named, not an internal error', async () => {
    const r = await kippIn([
      'assign',
      'fixtures/example/entries.csv',
      '-j',
      'fixtures/example/judges.csv',
      '-k',
      '2',
      '-d',
      join(dir, 'dangling', 'sheets'),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`cannot create the folder ${join(dir, 'dangling')}`);
    expect(r.stderr).not.toContain('internal error');
  });
});
