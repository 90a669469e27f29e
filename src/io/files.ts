/**
 * Reading input paths: files, directories (their .csv/.yaml/.yml/.json files in sorted order),
 * and `-` for standard input. Every file is read once, as bytes, and hashed for the report.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { diagnostic, KippError } from '../model/diagnostic.js';

export type Format = 'csv' | 'yaml' | 'json';

export interface InputBytes {
  /** The path as the user named it (a file inside a named directory is joined to it). */
  path: string;
  bytes: Uint8Array;
  sha256: string;
  /** From the extension; null for standard input (sniffed from the text). */
  format: Format | null;
}

export const DATA_EXTENSIONS: Record<string, Format> = { '.csv': 'csv', '.tsv': 'csv', '.txt': 'csv', '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json' };

export class MissingFile extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

let stdinBytes: Uint8Array | undefined;

function readStdin(): Uint8Array {
  // Read once (readCompetition refuses a second `-` before anything is read).
  stdinBytes ??= readFileSync(0);
  return stdinBytes;
}

/** Expands one argument into the files it names. Throws MissingFile for a path that is not there. */
export function listInputs(path: string): string[] {
  if (path === '-') return ['-'];
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new MissingFile(path, `${path}: no such file or directory`);
  }
  if (stat.isDirectory()) {
    return readdirSync(path)
      .filter((name) => ['.csv', '.yaml', '.yml', '.json'].includes(extname(name).toLowerCase()) && !name.startsWith('.'))
      .sort()
      .map((name) => join(path, name));
  }
  return [path];
}

export function readInput(path: string): InputBytes {
  if (path === '-') {
    const bytes = readStdin();
    return { path, bytes, sha256: sha256(bytes), format: null };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new MissingFile(path, `${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return { path, bytes, sha256: sha256(bytes), format: formatOf(path) };
}

/** readInput for a command's inputs: a file that cannot be read stops the command (exit 2, file-not-found). */
export function readInputOrStop(path: string): InputBytes {
  try {
    return readInput(path);
  } catch (err) {
    if (err instanceof MissingFile) throw new KippError('usage', err.message, [diagnostic('file-not-found', err.message, { file: path })]);
    throw err;
  }
}

/**
 * What makes two paths the same input: the device and inode the path leads to (after symlinks,
 * so `./a.csv`, `a.csv`, a symlink to it and a hard link are one file); `-` is standard input.
 */
export function inputIdentity(path: string): string {
  if (path === '-') return '-';
  try {
    const { dev, ino } = statSync(path);
    return `${dev}:${ino}`;
  } catch {
    return `path:${path}`;
  }
}

/** The format a file's extension names (anything else is read as CSV). */
export function formatOf(path: string): Format {
  return DATA_EXTENSIONS[extname(path).toLowerCase()] ?? 'csv';
}

/** Guesses the format of text from standard input. */
export function sniffFormat(text: string): Format {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  if (start.startsWith('---') || start.startsWith('- ') || /^[\w"' -]+:(\s|$)/.test(firstLine)) return 'yaml';
  return 'csv';
}
