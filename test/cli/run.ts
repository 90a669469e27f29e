/**
 * Runs the CLI two ways, both capturing stdout, stderr and the exit code:
 * - `kipp()` spawns the built CLI (bin/kipp.js → dist/) as a user would (`npm test` builds
 *   first, pretest): for start-up, exit codes end to end, standard input, closed pipes, and
 *   anything else that needs a real process.
 * - `kippIn()` calls the CLI's `main()` from the TypeScript sources in this test process, with
 *   the same arguments, environment, working folder and TZ: the same code without the ~0.3–1 s
 *   a spawned Node start-up costs on a busy machine. Use it for everything else.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/kipp.js', import.meta.url));

/** The shipped example competition as command-line inputs: its entries, both score sheets and the judges. */
export const EXAMPLE_INPUTS: readonly string[] = [
  'fixtures/example/entries.csv',
  '--scores',
  'fixtures/example/scores-wide.csv',
  'fixtures/example/scores-long.csv',
  '--judges',
  'fixtures/example/judges.csv',
];

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string | Uint8Array;
}

function environment(options: RunOptions): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'Asia/Jakarta', ...options.env };
}

export function kipp(args: string[], options: RunOptions = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: environment(options),
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stream that keeps what is written; decoded once at the end, as spawnSync does. */
function collector(chunks: Buffer[]) {
  return {
    write(chunk: string | Uint8Array, written?: (err?: Error | null) => void): boolean {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
      written?.(null);
      return true;
    },
  };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * `kipp()` in this process: `main()` of src/cli.ts with string-collecting stdout and stderr
 * (not TTYs, as a spawned run's pipes are not). The working folder and TZ are the process's,
 * so they are set for the run and restored after it, and runs never overlap. Standard input is
 * not available here: a run that reads it (`input`, or `-` as an input file) uses `kipp()`.
 */
export function kippIn(args: string[], options: RunOptions = {}): Promise<Run> {
  if (options.input !== undefined) throw new Error('kippIn: standard input needs a real process; use kipp()');
  const run = queue.then(() => runIn(args, options));
  queue = run.catch(() => undefined);
  return run;
}

async function runIn(args: string[], options: RunOptions): Promise<Run> {
  const { main } = await import('../../src/cli.js');
  const env = environment(options);
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const cwd = process.cwd();
  const tz = process.env.TZ;
  process.chdir(options.cwd ?? ROOT);
  process.env.TZ = env.TZ;
  try {
    const status = await main({
      argv: [process.execPath, BIN, ...args],
      env,
      stdout: collector(stdout),
      stderr: collector(stderr),
    });
    return { status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
  } finally {
    process.chdir(cwd);
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
}
