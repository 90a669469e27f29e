/**
 * #17.2: `shortlist-over-size` is about `min_per` quotas only. A `per_category` shortlist takes
 * `size` entries in every category, as the rubric says: never a warning, in JSON, HTML, `diff`
 * or `verify`.
 *
 * Each shipped rubric (rubrics/*.yaml) is given a per-category shortlist of 2 (none of them
 * ships one today) and scored on a small year built here: three entries in every category of
 * the rubric, scored 10, 9.5 and 9 on every criterion by three judges (in each stage of a staged
 * rubric), so every entry passes (the 2025 desk pass mark is 85; 9 gives 100·8/9 = 88.9) and no
 * category has a tie. The shortlist must then take exactly the two best of every category:
 * 2 × the number of categories, more than its size of 2, which is what fired the warning.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kippIn } from './run.js';
import { tempFolder } from '../tmp.js';

const SHORTLIST = '  - { name: per-category-2, size: 2, per_category: true }\n';
const CRITERIA = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];

interface Year {
  dir: string;
  args: string[];
  categories: string[];
}

/** The rubric with a per-category shortlist added, and a year of entries and scores for it. */
async function yearFor(file: string): Promise<Year> {
  const dir = tempFolder('kipp-percat-');
  const text = readFileSync(join('rubrics', file), 'utf8');
  expect(text).toMatch(/^shortlists:\n/m);
  writeFileSync(join(dir, 'rubric.yaml'), text.replace(/^shortlists:\n/m, `shortlists:\n${SHORTLIST}`));
  const view = JSON.parse((await kippIn(['rubric', 'show', join(dir, 'rubric.yaml'), '--format', 'json'])).stdout);
  const categories: string[] = view.categories.map((c: { id: string }) => c.id);
  const groups: string[] = view.groups.map((g: { id: string }) => g.id);
  const stages: string[] = (view.stages ?? []).map((s: { name: string }) => s.name);
  const entries = ['id,title,agency,agency_type,region,category,group,implemented_since,summary,video_url'];
  const scores = [`entry_id,judge_id,${CRITERIA.join(',')}`];
  categories.forEach((category, c) => {
    [10, 9.5, 9].forEach((x, p) => {
      const id = `E${String(c + 1).padStart(2, '0')}-${p + 1}`;
      entries.push(
        `${id},Inovasi ${id},Dinas ${id},city,Jawa Timur,${category},${groups[0] ?? ''},2015-01-01,Ringkasan.,https://video.example.go.id/${id}`,
      );
      for (const j of ['J1', 'J2', 'J3']) scores.push(`${id},${j},${CRITERIA.map(() => x).join(',')}`);
    });
  });
  writeFileSync(join(dir, 'entries.csv'), `${entries.join('\n')}\n`);
  // One sheet, or one per stage (the same file named for two stages is a usage error, #16.8).
  const files = stages.length === 0 ? ['scores.csv'] : stages.map((s) => `scores-${s}.csv`);
  for (const f of files) writeFileSync(join(dir, f), `${scores.join('\n')}\n`);
  const sheets = stages.length === 0 ? files : stages.map((s, k) => `${s}=${files[k]}`);
  return {
    dir,
    args: ['entries.csv', '--scores', ...sheets, '--rubric', 'rubric.yaml', '--as-of', '2026-11-22'],
    categories,
  };
}

const SHIPPED = readdirSync('rubrics').filter((f) => f.endsWith('.yaml'));

describe('#17.2: a per_category shortlist is never over its size', () => {
  it.each(SHIPPED)(
    '#17.2: rubrics/%s with a per-category shortlist: no shortlist-over-size in JSON or HTML, two taken per category',
    async (file) => {
      const year = await yearFor(file);
      const run = await kippIn(['score', ...year.args, '--format', 'json'], { cwd: year.dir });
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report.diagnostics.map((d: { code: string }) => d.code)).not.toContain('shortlist-over-size');
      expect(run.stderr).not.toContain('shortlist-over-size');
      const summary = report.shortlists.find((s: { name: string }) => s.name === 'per-category-2');
      expect(summary).toEqual({
        name: 'per-category-2',
        size: 2,
        taken: 2 * year.categories.length,
        cutoff_tie: false,
      });
      // The two best of every category: the entries scored 10 and 9.5 (ids …-1 and …-2).
      const taken = report.entries
        .filter((e: { shortlists: string[] }) => e.shortlists.includes('per-category-2'))
        .map((e: { id: string }) => e.id);
      expect(taken.sort()).toEqual(
        year.categories.flatMap((_, c) => [1, 2].map((p) => `E${String(c + 1).padStart(2, '0')}-${p}`)).sort(),
      );
      const html = await kippIn(['score', ...year.args, '--format', 'html'], { cwd: year.dir });
      expect(html.status).toBe(0);
      expect(html.stdout).not.toContain('shortlist-over-size');
    },
  );

  it('#17.2: diff and verify of such a report show no shortlist-over-size', async () => {
    const year = await yearFor(SHIPPED[0]!);
    expect(
      (await kippIn(['score', ...year.args, '--format', 'json', '--output', 'report.json'], { cwd: year.dir })).status,
    ).toBe(0);
    expect(
      (await kippIn(['score', ...year.args, '--format', 'json', '--output', 'again.json'], { cwd: year.dir })).status,
    ).toBe(0);
    const verify = await kippIn(['verify', 'report.json'], { cwd: year.dir });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout + verify.stderr).not.toContain('shortlist-over-size');
    const diff = await kippIn(['diff', 'report.json', 'again.json', '--format', 'json'], { cwd: year.dir });
    expect(diff.status).toBe(0);
    expect(JSON.stringify(JSON.parse(diff.stdout).diagnostics)).not.toContain('shortlist-over-size');
  });

  it('#17.2: the conformance panel (best-per-category, size 5, four categories): no warning', async () => {
    const dir = 'fixtures/conformance/panel';
    const run = await kippIn(
      [
        'score',
        'entries.csv',
        '--scores',
        'scores-wide.csv',
        'scores-long.csv',
        '--judges',
        'judges.csv',
        '--rubric',
        'rubric.yaml',
        '--as-of',
        '2026-11-22',
        '--format',
        'json',
      ],
      { cwd: dir },
    );
    const report = JSON.parse(run.stdout);
    expect(report.diagnostics.map((d: { code: string }) => d.code)).not.toContain('shortlist-over-size');
    // taken = 5 in each of the four categories (read off the fixture's expected report).
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    expect(report.shortlists.find((s: { name: string }) => s.name === 'best-per-category')).toEqual(
      expected.shortlists.find((s: { name: string }) => s.name === 'best-per-category'),
    );
  });
});
