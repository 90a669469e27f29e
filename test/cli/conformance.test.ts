/**
 * The conformance cases of ../shared/conformance (copied into fixtures/conformance): expected
 * reports computed by two independent implementations of SPEC section 3; and the cases of
 * fixtures/oracle, computed by a third (test/oracle/score.py).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kippIn, ROOT, type Run } from './run.js';

interface ExpectedEntry {
  id: string;
  rank: number | null;
  category_rank: number | null;
  tied: boolean;
  passed: boolean;
  total: number | null;
  criteria: Record<string, number>;
  shortlists: string[];
}
interface Expected {
  entries: ExpectedEntry[];
  shortlists: { name: string; taken: number; cutoff_tie: boolean }[];
}

function argsOf(folder: string): string[] {
  const command = readFileSync(join(folder, 'command.txt'), 'utf8').split('#')[0]!.trim();
  const words = command.split(/\s+/);
  expect(words[0]).toBe('kipp');
  return words.slice(1);
}

function compare(actual: Expected, expected: Expected): void {
  expect(actual.entries.map((e) => e.id)).toEqual(expected.entries.map((e) => e.id));
  actual.entries.forEach((a, i) => {
    const e = expected.entries[i]!;
    expect({ id: a.id, rank: a.rank, category_rank: a.category_rank, tied: a.tied, passed: a.passed }).toEqual({
      id: e.id,
      rank: e.rank,
      category_rank: e.category_rank,
      tied: e.tied,
      passed: e.passed,
    });
    expect(new Set(a.shortlists)).toEqual(new Set(e.shortlists));
    if (e.total === null) expect(a.total).toBeNull();
    else expect(Math.abs(a.total! - e.total)).toBeLessThanOrEqual(1.5e-6);
    expect(Object.keys(a.criteria).sort()).toEqual(Object.keys(e.criteria).sort());
    for (const [c, v] of Object.entries(e.criteria)) expect(Math.abs(a.criteria[c]! - v)).toBeLessThanOrEqual(1.5e-6);
  });
  expect(actual.shortlists.map((s) => [s.name, s.taken, s.cutoff_tie])).toEqual(
    expected.shortlists.map((s) => [s.name, s.taken, s.cutoff_tie]),
  );
}

describe.each([
  ['conformance', 'inline', 'inline/expected.json'],
  ['conformance', 'panel', 'panel/expected.json'],
  ['conformance', 'panel-spreadsheet-id', 'panel/expected.json'],
  // Years from test/oracle/gen.py, their expected.json written by test/oracle/score.py (an
  // implementation of the rules that shares no code with kipp): zscore and severity, median and
  // trimmed means, category weights, cut-off ties, per-category shortlists, conflicts.
  ['oracle', 'case1', 'case1/expected.json'],
  ['oracle', 'case2', 'case2/expected.json'],
  ['oracle', 'case3', 'case3/expected.json'],
  ['oracle', 'case4', 'case4/expected.json'],
])('%s case %s', (set, name, expectedFile) => {
  const folder = join(ROOT, 'fixtures', set, name);
  let run: Run;
  beforeAll(async () => {
    run = await kippIn(argsOf(folder), { cwd: folder });
  });

  it('produces a JSON report on stdout', () => {
    expect(run.stdout.startsWith('{')).toBe(true);
    expect([0, 1]).toContain(run.status);
  });

  it('matches the expected ranking, totals, criteria and shortlists', () => {
    const expected = JSON.parse(readFileSync(join(ROOT, 'fixtures', set, expectedFile), 'utf8')) as Expected;
    compare(JSON.parse(run.stdout) as Expected, expected);
  });
});
