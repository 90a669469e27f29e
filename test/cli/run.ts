/**
 * Runs the built CLI (bin/kipp.js → dist/) as a user would, capturing stdout, stderr and the
 * exit code. `npm test` builds first (pretest).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/kipp.js', import.meta.url));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function kipp(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string | Uint8Array } = {},
): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'Asia/Jakarta', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
