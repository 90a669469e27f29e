/**
 * Safe writing: never over an input file, never a half-written output. The data goes to a
 * temporary file in the same folder, is flushed, and is renamed over the target in one step.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { KippError } from '../model/diagnostic.js';

function canonical(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    // Not there yet: resolve its folder (which may be a link) and keep the name.
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

export interface WriteOptions {
  /** Paths read by this run: the output may not be one of them. */
  inputs: readonly string[];
  /** Allow replacing an existing file that is not an input. */
  force?: boolean;
}

/** The checks writeOutput makes before writing (callers writing several files check all first). */
export function checkOutput(path: string, options: WriteOptions): void {
  const target = canonical(path);
  for (const input of options.inputs) {
    if (input !== '-' && canonical(input) === target) {
      throw new KippError('usage', `refusing to write ${path}: it is one of the input files. Choose another --output`);
    }
  }
  if (options.force === false && existsSync(target)) {
    throw new KippError('usage', `${path} exists: pass --force to replace it, or choose another --output`);
  }
  if (!existsSync(dirname(target)))
    throw new KippError('usage', `cannot write ${path}: the folder ${dirname(path)} does not exist`);
}

/**
 * Writes `data` to `path` atomically. Data in pieces (a report made as it is written, see
 * formatExportCsvPieces) goes to the temporary file piece by piece, each written whole before
 * the next is asked for (a piece may reuse the buffer of the one before): only the rename, after
 * the last piece and an fsync, makes it visible, so a run that fails or is killed half-way
 * leaves the previous file as it was.
 */
export function writeOutput(
  path: string,
  data: string | Uint8Array | Iterable<string | Uint8Array>,
  options: WriteOptions,
): void {
  checkOutput(path, options);
  const target = canonical(path);
  removeStaleTemporaries(dirname(target), basename(target));
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const pieces = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
  try {
    const fd = openSync(temporary, 'wx', 0o644);
    try {
      for (const piece of pieces) {
        const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (err) {
    rmSync(temporary, { force: true });
    if (err instanceof KippError) throw err;
    // A file system error is the user's to fix (a full disk, a read-only folder); anything
    // else came from making the pieces: a bug, reported as one.
    if (typeof (err as NodeJS.ErrnoException).syscall === 'string')
      throw new KippError('usage', `cannot write ${path}: ${(err as Error).message}`);
    throw err;
  }
}

/**
 * `mkdir -p` for an output folder, one folder at a time. Node's recursive mkdir spins forever
 * (a core at 100 %, no output) where a parent exists but cannot hold the child: a link to
 * nothing (a drive not mounted) or a path under /proc, where mkdir answers "no such file" and
 * Node makes the parent, which exists, and tries again. Here the first folder that cannot be
 * made is said, with why.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let at = resolve(dir); !existsSync(at); at = dirname(at)) {
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why =
        code === 'EEXIST'
          ? 'a link to something that is not there has that name (a drive not mounted?)'
          : code === 'ENOENT'
            ? 'its parent cannot hold folders'
            : code === 'ENOTDIR'
              ? 'a file, not a folder, is on its path'
              : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
                ? 'permission denied (or a read-only file system)'
                : (err as Error).message;
      throw new KippError('usage', `cannot create the folder ${folder}: ${why}. Choose another folder`);
    }
  }
}

/** Whether a process still runs (EPERM: it does, under another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A run killed between writing its temporary file and renaming it (SIGKILL, power loss) leaves
 * `.NAME.PID.TIME.tmp` behind; the next write of NAME removes those whose process is gone (or is
 * this one: containers reuse pids). The target itself was never touched.
 */
function removeStaleTemporaries(dir: string, name: string): void {
  const prefix = `.${name}.`;
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return;
  }
  for (const file of files) {
    if (!file.startsWith(prefix) || !file.endsWith('.tmp')) continue;
    const match = /^(\d+)\.\d+$/.exec(file.slice(prefix.length, -'.tmp'.length));
    if (match === null) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || !isRunning(pid)) rmSync(join(dir, file), { force: true });
  }
}
