/**
 * #17.14 end to end, on fixtures/audit/corrected-sheet (scale 0–10, five criteria at equal
 * weight, three judges: an entry's total is 10 × the mean of its fifteen scores).
 *
 * Deltas: AUD-04 has fourteen 7s and J02's benefit. With that benefit at 4.006 the total is
 * 10 × 102.006 / 15 = 68.004 (benefit (7 + 4.006 + 7)/3 = 6.002); corrected to 4.009 it is
 * 10 × 102.009 / 15 = 68.006 (benefit 6.003): a change of +0.002 that two decimals show as
 * 68.00 → 68.01 (+0.00).
 *
 * Filters: v1 ranks AUD-01 90, AUD-02 80, AUD-03 70, AUD-04 68, AUD-05 60, AUD-06 50; top-3 is
 * AUD-01..03. A `--top 2` report shows AUD-01 and AUD-02 only.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kippIn, ROOT } from './run.js';
import { tempFolder } from '../tmp.js';

const FIX = join(ROOT, 'fixtures/audit/corrected-sheet');

function folder(benefit: string): string {
  const dir = tempFolder('kipp-deltas-');
  for (const f of ['entries.csv', 'judges.csv', 'rubric.yaml']) copyFileSync(join(FIX, f), join(dir, f));
  writeScores(dir, benefit);
  return dir;
}

function writeScores(dir: string, benefit: string): void {
  const v1 = readFileSync(join(FIX, 'scores-v1.csv'), 'utf8');
  expect(v1).toContain('AUD-04,J02,7,7,4,7,7\n');
  writeFileSync(join(dir, 'scores.csv'), v1.replace('AUD-04,J02,7,7,4,7,7\n', `AUD-04,J02,7,7,${benefit},7,7\n`));
}

const SCORE = ['score', 'entries.csv', '-s', 'scores.csv', '-j', 'judges.csv', '-r', 'rubric.yaml', '--format', 'json'];

describe('#17.14: verify and diff show the digits of a change', () => {
  const dir = folder('4.006');
  beforeAll(async () => {
    expect((await kippIn([...SCORE, '--output', 'published.json'], { cwd: dir })).status).toBe(0);
    writeScores(dir, '4.009');
    expect((await kippIn([...SCORE, '--output', 'corrected.json'], { cwd: dir })).status).toBe(0);
  });

  it('#17.14: the reports hold the totals worked out by hand', () => {
    const total = (file: string) =>
      JSON.parse(readFileSync(join(dir, file), 'utf8')).entries.find((e: { id: string }) => e.id === 'AUD-04').total;
    expect(total('published.json')).toBe(68.004);
    expect(total('corrected.json')).toBe(68.006);
  });

  it('#17.14: verify prints total 68.004 → 68.006 (+0.002), not (+0.00)', async () => {
    const run = await kippIn(['verify', 'published.json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('total 68.004 → 68.006 (+0.002)');
    expect(run.stdout).toContain('benefit 6.002 → 6.003');
    expect(run.stdout).not.toMatch(/\(\+0\.00\)/);
  });

  it('#17.14: diff in text and Markdown, and the 6-decimal delta in JSON', async () => {
    const text = await kippIn(['diff', 'published.json', 'corrected.json'], { cwd: dir });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(
      /^ {2}AUD-04 +Library Café +68\.004 +→ +68\.006 +\+0\.002 +\(benefit 6\.002 → 6\.003\)$/m,
    );
    const md = await kippIn(['diff', 'published.json', 'corrected.json', '--format', 'md'], { cwd: dir });
    expect(md.stdout).toContain('| AUD-04 | Library Café |  |  |  | 68.004 | 68.006 | +0.002 |');
    const json = JSON.parse(
      (await kippIn(['diff', 'published.json', 'corrected.json', '--format', 'json'], { cwd: dir })).stdout,
    );
    expect(json.entries[0].total).toEqual({ old: 68.004, new: 68.006, delta: 0.002 });
  });
});

describe('#17.14: diff against a --top/--category report', () => {
  const dir = folder('4');
  beforeAll(async () => {
    expect((await kippIn([...SCORE, '--output', 'full.json'], { cwd: dir })).status).toBe(0);
    expect((await kippIn([...SCORE, '--top', '2', '--output', 'top2.json'], { cwd: dir })).status).toBe(0);
    expect(
      (await kippIn([...SCORE, '--category', 'inclusive', '--output', 'inclusive.json'], { cwd: dir })).status,
    ).toBe(0);
  });

  it('#17.14: entries the --top 2 report leaves out are "not in the report", not "unranked", and no shortlist moves', async () => {
    const run = await kippIn(['diff', 'top2.json', 'full.json'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('unranked');
    expect(run.stdout).not.toMatch(/^Shortlist /m);
    expect(run.stdout).toContain(
      '4 entries not in the old report, which shows --top 2 only (not compared): AUD-03, AUD-04, AUD-05, AUD-06',
    );
    expect(run.stdout).toMatch(
      /^0 shortlist moves, 0 rank changes, 0 total changes, 4 shown in one report only \(--top\/--category\), not compared\.$/m,
    );
    const json = JSON.parse(
      (await kippIn(['diff', 'top2.json', 'full.json', '--format', 'json'], { cwd: dir })).stdout,
    );
    expect(json.shortlists).toEqual([]);
    expect(json.entries).toEqual([]);
    expect(json.not_shown.old.filter).toEqual({ top: 2, category: null });
    expect(json.not_shown.old.entries.map((e: { id: string; rank: number }) => [e.id, e.rank])).toEqual([
      ['AUD-03', 3],
      ['AUD-04', 4],
      ['AUD-05', 5],
      ['AUD-06', 6],
    ]);
  });

  it('#17.14: a --category report against the full one: the other categories are not shown, nothing moved', async () => {
    const run = await kippIn(['diff', 'full.json', 'inclusive.json', '--format', 'json'], { cwd: dir });
    const json = JSON.parse(run.stdout);
    expect(json.shortlists).toEqual([]);
    expect(json.entries).toEqual([]);
    expect(json.not_shown.new.filter).toEqual({ top: null, category: 'inclusive' });
    // AUD-03 is the only inclusive entry: the five others are the ones not shown.
    expect(json.not_shown.new.entries.map((e: { id: string }) => e.id)).toEqual([
      'AUD-01',
      'AUD-02',
      'AUD-04',
      'AUD-05',
      'AUD-06',
    ]);
  });

  it('#17.14: a real move between entries both reports show is still a move', async () => {
    // The corrected sheet (benefit 9): AUD-04 71.333333 passes AUD-03 (70) into the top-3.
    const v2 = folder('9');
    expect((await kippIn([...SCORE, '--output', 'v2.json'], { cwd: v2 })).status).toBe(0);
    const top4 = join(dir, 'top4.json');
    expect((await kippIn([...SCORE, '--top', '4', '--output', top4], { cwd: dir })).status).toBe(0);
    const json = JSON.parse((await kippIn(['diff', top4, join(v2, 'v2.json'), '--format', 'json'])).stdout);
    expect(json.shortlists).toEqual([
      {
        name: 'top-3',
        entered: [{ id: 'AUD-04', title: 'Library Café', rank: { old: 4, new: 3 } }],
        left: [{ id: 'AUD-03', title: 'Kader Gegana Pedes', rank: { old: 3, new: 4 } }],
      },
    ]);
    expect(json.not_shown.old.entries.map((e: { id: string }) => e.id)).toEqual(['AUD-05', 'AUD-06']);
  });
});
