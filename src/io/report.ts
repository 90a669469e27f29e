/**
 * Reading a JSON report back for `kipp verify` and `kipp diff`. A file that is not a kipp report
 * stops the command (exit 2) with every problem and its key path, e.g.
 * `report.json: entries.3.rank: expected number, received string`.
 */
import { readFileSync } from 'node:fs';
import { diagnostic, KippError } from '../model/diagnostic.js';
import { reportSchema, type KippReport } from '../model/report.js';
import { decodeBytes } from './decode.js';

export function parseReport(text: string, file: string): KippReport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const message = `not valid JSON (${(err as Error).message}): give a report written by kipp score --format json`;
    throw new KippError('usage', `${file}: ${message}`, [diagnostic('parse-error', message, { file })]);
  }
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 10).map((issue) => {
      const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
      return diagnostic(
        'parse-error',
        `${where}${issue.message} — is this a report written by kipp score --format json?`,
        {
          file,
          ...(issue.path.length > 0 ? { field: issue.path.map(String).join('.') } : {}),
        },
      );
    });
    throw new KippError('usage', `${file}: not a kipp JSON report`, problems);
  }
  return parsed.data;
}

export function readReport(path: string): KippReport {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? 'report not found: check the path' : `report cannot be read (${code ?? 'error'})`;
    throw new KippError('usage', `${path}: ${message}`, [diagnostic('file-not-found', message, { file: path })]);
  }
  return parseReport(decodeBytes(bytes).text, path);
}
