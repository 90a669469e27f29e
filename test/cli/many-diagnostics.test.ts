/**
 * A sheet where every row is wrong: at most 10,000 diagnostics of a code are listed per file,
 * the next one stands for the rest (`omitted`), and every one of them is counted. One thread and
 * the two worker threads (dist/) give the same report. Without the limit, 5 million rows out of
 * range ran kipp out of memory (a V8 crash, exit 134, after 83 s).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kipp } from './run.js';

const CRITERIA = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];
const ENTRIES = 1_000;
const JUDGES = 6;
const dir = mkdtempSync(join(tmpdir(), 'kipp-many-'));
const entries = join(dir, 'entries.csv');
const sheet = join(dir, 'nilai.csv');
writeFileSync(
  entries,
  `id,title,agency,category,implemented_since\n${Array.from({ length: ENTRIES }, (_, e) => `E${e + 1},Inovasi ${e + 1},Dinas ${e + 1},governance,2015-01-01`).join('\n')}\n`,
);
// 30,000 scores on a 1-10 scale typed on 0-100 (every one out of range), and 3,000 rows for
// an entry nobody registered (one unknown-entry per row).
const rows: string[] = ['entry_id,judge_id,criterion,score'];
for (let e = 1; e <= ENTRIES; e++)
  for (let j = 1; j <= JUDGES; j++) for (const c of CRITERIA) rows.push(`E${e},J${j},${c},${60 + ((e + j) % 40)}`);
for (let r = 0; r < 3_000; r++) rows.push(`X${r},J1,novelty,7`);
writeFileSync(sheet, `${rows.join('\n')}\n`);

const validate = (threads: 'off' | '0', format = 'json') =>
  kipp(['validate', entries, '--scores', sheet, '--as-of', '2026-11-22', '--format', format], {
    env: { KIPP_WORKER_MIN_BYTES: threads },
  });

interface Listed {
  code: string;
  line: number;
  omitted?: number;
  message: string;
}

describe('a file with more than 10,000 problems of one kind', () => {
  const alone = validate('off');
  const threaded = validate('0');

  it('lists 10,000 of each code per file; the next one counts the rest, and the summary counts them all', () => {
    expect(alone.status).toBe(1);
    const report = JSON.parse(alone.stdout) as { diagnostics: Listed[]; summary: { errors: number } };
    const outOfRange = report.diagnostics.filter((d) => d.code === 'score-out-of-range');
    expect(outOfRange.length).toBe(10_001);
    // Sheet line 2 is the first score; the 10,001st out of range is on line 10,002.
    expect(outOfRange.slice(0, 10_000).every((d, i) => d.line === i + 2 && d.omitted === undefined)).toBe(true);
    const standIn = outOfRange[10_000]!;
    expect([standIn.line, standIn.omitted]).toEqual([10_002, 30_000 - 10_001]);
    expect(standIn.message).toContain('(and 19,999 more score-out-of-range errors about this file');
    // 3,000 unknown entries: under the limit, every one listed.
    expect(report.diagnostics.filter((d) => d.code === 'unknown-entry').length).toBe(3_000);
    // Every entry is short of judges (their scores were all refused): 1,000 too-few-judges.
    expect(report.diagnostics.filter((d) => d.code === 'too-few-judges').length).toBe(ENTRIES);
    expect(report.summary.errors).toBe(30_000 + 3_000 + ENTRIES);
  });

  it('two worker threads give the report one thread gives, byte for byte', () => {
    expect(threaded.stdout).toBe(alone.stdout);
    expect(threaded.status).toBe(alone.status);
  });

  it('the pretty summary and SARIF say the same counts', () => {
    const pretty = validate('0', 'pretty');
    expect(pretty.stdout).toContain('34000 errors, 0 warnings in 2 files');
    const sarif = JSON.parse(validate('0', 'sarif').stdout) as {
      runs: { results: { ruleId: string; properties?: { omitted?: number } }[] }[];
    };
    const results = sarif.runs[0]!.results;
    expect(results.length).toBe(10_001 + 3_000 + ENTRIES);
    expect(results.filter((r) => r.properties?.omitted === 19_999).map((r) => r.ruleId)).toEqual([
      'score-out-of-range',
    ]);
  });
});
