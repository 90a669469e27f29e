/**
 * The audit trail end to end: a report's manifest, `kipp verify` on untouched and edited archives,
 * and `kipp diff` between the two reports of fixtures/audit/corrected-sheet.
 *
 * The figures below are computed by hand from that fixture: a 0–10 scale, five criteria at equal
 * weight and three judges, so an entry's total is 10 × the mean of its fifteen scores.
 * AUD-04 (Library Café) has fourteen 7s and J02's benefit 4: total 10 × 102/15 = 68, rank 4,
 * behind AUD-03 (all 7s, 70). The corrected sheet has 9 for that cell: 10 × 107/15 = 71.333333,
 * so AUD-04 moves to rank 3 and enters the top-3, AUD-03 drops to rank 4 and leaves it; benefit
 * goes from (7+4+7)/3 = 6 to (7+9+7)/3 = 7.666667.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kippIn, ROOT } from './run.js';
import { tempFolder } from '../tmp.js';

const FIX = join(ROOT, 'fixtures/audit/corrected-sheet');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A secretariat's archive: inputs in the folder, the report in archive/. */
async function archive(): Promise<string> {
  const dir = tempFolder('kipp-audit-');
  for (const f of ['entries.csv', 'judges.csv', 'rubric.yaml']) copyFileSync(join(FIX, f), join(dir, f));
  copyFileSync(join(FIX, 'scores-v1.csv'), join(dir, 'scores.csv'));
  mkdirSync(join(dir, 'archive'));
  const run = await kippIn(
    [
      'score',
      'entries.csv',
      '-s',
      'scores.csv',
      '-j',
      'judges.csv',
      '-r',
      'rubric.yaml',
      '--output',
      'archive/report.json',
    ],
    { cwd: dir },
  );
  expect(run.status).toBe(0);
  return dir;
}

describe('the manifest of a JSON report', () => {
  let dir: string;
  let report: ReturnType<typeof JSON.parse>;
  beforeAll(async () => {
    dir = await archive();
    report = JSON.parse(readFileSync(join(dir, 'archive/report.json'), 'utf8'));
  });

  it('names every input relative to the report, with its kind and sha256', () => {
    expect(report.inputs).toEqual([
      { path: '../entries.csv', kind: 'entries', sha256: sha(join(FIX, 'entries.csv')) },
      { path: '../scores.csv', kind: 'scores', sha256: sha(join(FIX, 'scores-v1.csv')) },
      { path: '../judges.csv', kind: 'judges', sha256: sha(join(FIX, 'judges.csv')) },
    ]);
    expect(report.rubric).toEqual({
      name: 'KIPP audit example',
      version: 1,
      sha256: sha(join(FIX, 'rubric.yaml')),
      path: '../rubric.yaml',
    });
  });

  it('keeps the SPEC 6 keys first and records the options that shape the result', async () => {
    expect(Object.keys(report).slice(0, 5)).toEqual(['kipp', 'rubric', 'inputs', 'as_of', 'options']);
    expect(report.as_of).toBe('2025-03-10'); // the rubric's reference_date
    expect(report.options).toEqual({ as_of: null, category: null, top: null, delimiter: null });
    const narrowed = JSON.parse(
      (
        await kippIn(
          [
            'score',
            'entries.csv',
            '-s',
            'scores.csv',
            '-r',
            'rubric.yaml',
            '--category',
            'kolaborasi',
            '--top',
            '1',
            '--as-of',
            '2025-04-01',
            '--format',
            'json',
          ],
          { cwd: dir },
        )
      ).stdout,
    );
    expect(narrowed.options).toEqual({ as_of: '2025-04-01', category: 'collaboration', top: 1, delimiter: null });
    expect(narrowed.rubric.path).toBe('rubric.yaml'); // on stdout: as named
    expect(narrowed.entries.map((e: { id: string }) => e.id)).toEqual(['AUD-02']);
  });

  it('is byte-identical when written again', async () => {
    const again = await kippIn(
      [
        'score',
        'entries.csv',
        '-s',
        'scores.csv',
        '-j',
        'judges.csv',
        '-r',
        'rubric.yaml',
        '--output',
        'archive/report.json',
        '--force',
      ],
      { cwd: dir },
    );
    expect(again.status).toBe(0);
    expect(readFileSync(join(dir, 'archive/report.json'), 'utf8')).toBe(JSON.stringify(report, null, 2) + '\n');
  });

  it('shows in Markdown with every file and its full sha256', async () => {
    const md = (
      await kippIn(['score', 'entries.csv', '-s', 'scores.csv', '-r', 'rubric.yaml', '--format', 'md', '--top', '2'], {
        cwd: dir,
      })
    ).stdout;
    expect(md).toContain('## Manifest');
    expect(md).toContain(`| scores | scores.csv | \`${sha(join(FIX, 'scores-v1.csv'))}\` |`);
    expect(md).toContain(`| rubric | rubric.yaml | \`${sha(join(FIX, 'rubric.yaml'))}\` |`);
    expect(md).toContain('| Options | --top 2 |');
  });
});

describe('kipp verify', () => {
  it('untouched inputs: exit 0', async () => {
    const dir = await archive();
    const run = await kippIn(['verify', 'archive/report.json'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^VERIFIED:/m);
    const json = JSON.parse((await kippIn(['verify', join(dir, 'archive/report.json'), '--format', 'json'])).stdout);
    expect(json.ok).toBe(true);
    expect(json.inputs.map((i: { kind: string; status: string }) => `${i.kind}:${i.status}`)).toEqual([
      'rubric:unchanged',
      'entries:unchanged',
      'scores:unchanged',
      'judges:unchanged',
    ]);
  });

  it('one score changed in a copied sheet: exit 1 naming the file and the entries that moved', async () => {
    const dir = await archive();
    const sheet = join(dir, 'scores.csv');
    const before = readFileSync(sheet, 'utf8');
    writeFileSync(sheet, before.replace('AUD-04,J02,7,7,4,7,7', 'AUD-04,J02,7,7,9,7,7'));

    const text = await kippIn(['verify', 'archive/report.json'], { cwd: dir });
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/CHANGED\s+scores\s+\.\.\/scores\.csv/);
    expect(text.stdout).toMatch(/AUD-04\s+Library Café: rank 4 → 3; total 68\.00 → 71\.33 \(\+3\.33\); entered top-3/);
    expect(text.stdout).toMatch(/AUD-03\s+Kader Gegana Pedes: rank 3 → 4; left top-3/);
    expect(text.stdout).not.toMatch(/AUD-0[1256]/);

    const json = JSON.parse((await kippIn(['verify', 'archive/report.json', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.ok).toBe(false);
    expect(json.inputs.filter((i: { status: string }) => i.status !== 'unchanged')).toEqual([
      {
        kind: 'scores',
        path: '../scores.csv',
        status: 'changed',
        recorded: sha(join(FIX, 'scores-v1.csv')),
        actual: sha(sheet),
      },
    ]);
    expect(json.diff.entries).toEqual([
      {
        id: 'AUD-04',
        title: 'Library Café',
        status: 'changed',
        rank: { old: 4, new: 3 },
        total: { old: 68, new: 71.333333, delta: 3.333333 },
        shortlists: { entered: ['top-3'], left: [] },
        criteria: { benefit: { old: 6, new: 7.666667 } },
      },
      {
        id: 'AUD-03',
        title: 'Kader Gegana Pedes',
        status: 'changed',
        rank: { old: 3, new: 4 },
        shortlists: { entered: [], left: ['top-3'] },
      },
    ]);
  });

  it('an unchanged sheet with the same figures but other bytes still fails: the archive is not the one published', async () => {
    const dir = await archive();
    writeFileSync(join(dir, 'judges.csv'), `${readFileSync(join(dir, 'judges.csv'), 'utf8')}\n`);
    const json = JSON.parse((await kippIn(['verify', 'archive/report.json', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.ok).toBe(false);
    expect(json.diff.entries).toEqual([]);
    expect(json.inputs.find((i: { kind: string }) => i.kind === 'judges').status).toBe('changed');
  });

  it('a missing input: exit 2 naming it, figures not recomputed', async () => {
    const dir = await archive();
    rmSync(join(dir, 'judges.csv'));
    const run = await kippIn(['verify', 'archive/report.json'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/MISSING\s+judges\s+\.\.\/judges\.csv/);
  });

  it('a report redirected from stdout names paths from the working folder, and verifies from there', async () => {
    const dir = await archive();
    const run = await kippIn(
      [
        'score',
        'entries.csv',
        '-s',
        'scores.csv',
        '-r',
        'rubric.yaml',
        '--category',
        'governance',
        '--as-of',
        '2025-05-01',
        '--format',
        'json',
      ],
      { cwd: dir },
    );
    writeFileSync(join(dir, 'archive/stdout.json'), run.stdout);
    expect((await kippIn(['verify', 'archive/stdout.json'], { cwd: dir })).status).toBe(0);
  });

  it('the published example of the README: untouched, exit 0', async () => {
    const dir = tempFolder('kipp-audit-');
    for (const f of ['entries.csv', 'scores-long.csv', 'scores-wide.csv', 'judges.csv'])
      copyFileSync(join(ROOT, 'fixtures/example', f), join(dir, f));
    const out = join(dir, 'report.json');
    expect(
      (
        await kippIn([
          'score',
          join(dir, 'entries.csv'),
          '-s',
          join(dir, 'scores-long.csv'),
          join(dir, 'scores-wide.csv'),
          '-j',
          join(dir, 'judges.csv'),
          '--top',
          '10',
          '-o',
          out,
        ])
      ).status,
    ).toBe(0);
    const verified = await kippIn(['verify', out]);
    expect(verified.stderr).toBe('');
    expect(verified.status).toBe(0);
  });

  it('the archived fixture reports still reproduce with this version of kipp', async () => {
    for (const v of ['report-v1.json', 'report-v2.json'])
      expect((await kippIn(['verify', join(FIX, v)])).status).toBe(0);
  });

  it('a manifest that names an input as another kind, so that it gives nothing to read: not verified (found by an independent check)', async () => {
    // The judges file named as the declared conflicts: hashes unchanged, figures that may even agree,
    // but kipp score stops on a conflicts file whose every row is refused, and so does verify.
    const dir = tempFolder('kipp-audit-kind-');
    const src = join(ROOT, 'fixtures/example');
    for (const f of ['entries.csv', 'scores-long.csv', 'judges.csv']) copyFileSync(join(src, f), join(dir, f));
    const args = ['entries.csv', '-s', 'scores-long.csv', '-j', 'judges.csv', '--as-of', '2026-11-22'];
    await kippIn(['score', ...args, '--output', 'report.json'], { cwd: dir });
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { inputs: { kind: string }[] };
    for (const input of report.inputs) if (input.kind === 'judges') input.kind = 'conflicts';
    writeFileSync(join(dir, 'swapped.json'), JSON.stringify(report, null, 2));
    const run = await kippIn(['verify', 'swapped.json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/Figures not recomputed: .*judges\.csv \(conflicts\) gives nothing to read/);
    expect(run.stdout).toContain('NOT VERIFIED: the figures could not be recomputed.');
  });

  it('a file that is not a report: exit 2 with parse-error', async () => {
    const dir = tempFolder('kipp-audit-');
    writeFileSync(join(dir, 'x.json'), '{"entries": 3}');
    const run = await kippIn(['verify', join(dir, 'x.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('parse-error');
    expect((await kippIn(['verify', join(dir, 'none.json')])).status).toBe(2);
  });
});

describe('kipp diff of the two fixture reports (a corrected score sheet)', () => {
  const args = ['diff', join(FIX, 'report-v1.json'), join(FIX, 'report-v2.json')];

  it('json: the entry that entered the top-3, the one that left, the rank moves and the total change', async () => {
    const run = await kippIn([...args, '--format', 'json']);
    expect(run.status).toBe(0);
    const diff = JSON.parse(run.stdout);
    expect(diff.shortlists).toEqual([
      {
        name: 'top-3',
        entered: [{ id: 'AUD-04', title: 'Library Café', rank: { old: 4, new: 3 } }],
        left: [{ id: 'AUD-03', title: 'Kader Gegana Pedes', rank: { old: 3, new: 4 } }],
      },
    ]);
    expect(
      diff.entries.map((e: { id: string; rank?: { old: number; new: number } }) => [e.id, e.rank?.old, e.rank?.new]),
    ).toEqual([
      ['AUD-04', 4, 3],
      ['AUD-03', 3, 4],
    ]);
    expect(diff.entries[0].total).toEqual({ old: 68, new: 71.333333, delta: 3.333333 });
    expect(diff.entries[1].total).toBeUndefined();
    expect(diff.manifest.inputs).toEqual([
      { kind: 'scores', path: 'scores-v1.csv', status: 'removed', old: sha(join(FIX, 'scores-v1.csv')), new: null },
      { kind: 'scores', path: 'scores-v2.csv', status: 'added', old: null, new: sha(join(FIX, 'scores-v2.csv')) },
    ]);
  });

  it('text: a short list a secretariat can read', async () => {
    const out = (await kippIn(args)).stdout;
    expect(out).toMatch(/^Shortlist top-3: 1 entered, 1 left$/m);
    expect(out).toMatch(/^ {2}\+ +AUD-04 +Library Café +rank 4 → 3$/m);
    expect(out).toMatch(/^ {2}- +AUD-03 +Kader Gegana Pedes +rank 3 → 4$/m);
    expect(out).toMatch(/^ {2}AUD-04 +Library Café +4 +→ +3 +up 1$/m);
    expect(out).toMatch(/^ {2}AUD-04 +Library Café +68\.00 +→ +71\.33 +\+3\.33 +\(benefit 6\.00 → 7\.67\)$/m);
    expect(out).toMatch(/\n2 shortlist moves, 2 rank changes, 1 total change\.\n$/);
  });

  it('md: tables for a pull-request comment', async () => {
    const out = (await kippIn([...args, '--format', 'md'])).stdout;
    expect(out).toContain('| entered | AUD-04 | Library Café | 4 | 3 |');
    expect(out).toContain('| AUD-04 | Library Café | 4 | 3 | up 1 | 68.00 | 71.33 | +3.33 |');
  });

  it('a report against itself: no differences', async () => {
    const run = await kippIn(['diff', join(FIX, 'report-v2.json'), join(FIX, 'report-v2.json')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/No differences/);
  });
});

describe('kipp verify on a staged competition (KIPP 2025: desk, then presentation)', () => {
  it('re-reads each --scores STAGE=FILE sheet for its stage and verifies', async () => {
    const dir = tempFolder('kipp-audit-stages-');
    const stages = join(ROOT, 'fixtures/stages');
    for (const f of ['entries.csv', 'judges.csv', 'scores-desk.csv', 'scores-presentation.csv'])
      copyFileSync(join(stages, f), join(dir, f));
    copyFileSync(join(ROOT, 'rubrics/kipp-2025.yaml'), join(dir, 'rubric.yaml'));
    const args = [
      'entries.csv',
      '-s',
      'desk=scores-desk.csv',
      'presentation=scores-presentation.csv',
      '-j',
      'judges.csv',
      '-r',
      'rubric.yaml',
      '--as-of',
      '2025-06-30',
    ];
    expect((await kippIn(['score', ...args, '--output', 'report.json'], { cwd: dir })).status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.inputs.filter((i: { kind: string }) => i.kind === 'scores')).toEqual([
      { path: 'scores-desk.csv', kind: 'scores', sha256: sha(join(stages, 'scores-desk.csv')), stage: 'desk' },
      {
        path: 'scores-presentation.csv',
        kind: 'scores',
        sha256: sha(join(stages, 'scores-presentation.csv')),
        stage: 'presentation',
      },
    ]);
    const verified = await kippIn(['verify', 'report.json'], { cwd: dir });
    expect(verified.stderr).not.toMatch(/differ/);
    expect(verified.status).toBe(0);

    // A forged stage figure (nothing else changed) is not verified, and diff names it: both
    // compared only the final figures before (found by an independent check of the audit).
    const forged = structuredClone(report) as {
      entries: { id: string; stages?: Record<string, { total: number | null; rank: number | null }> }[];
    };
    const entry = forged.entries.find((e) => e.stages?.desk?.rank !== null && e.stages?.desk?.rank !== 1)!;
    const desk = entry.stages!.desk!;
    const before = { ...desk };
    desk.total = 99.5;
    desk.rank = 1;
    writeFileSync(join(dir, 'forged.json'), JSON.stringify(forged, null, 2));
    const caught = await kippIn(['verify', 'forged.json'], { cwd: dir });
    expect(caught.status).toBe(1);
    expect(caught.stdout).toContain(`${entry.id}`);
    expect(caught.stdout).toMatch(/stage desk: total 99\.50 → [\d.]+, rank 1 → \d+/);
    expect(caught.stdout).toContain('NOT VERIFIED');
    const diff = await kippIn(['diff', 'report.json', 'forged.json', '--format', 'json'], { cwd: dir });
    const changed = (JSON.parse(diff.stdout) as { entries: { id: string; stages?: unknown }[] }).entries;
    expect(changed).toEqual([
      expect.objectContaining({ id: entry.id, stages: { desk: { old: before, new: { total: 99.5, rank: 1 } } } }),
    ]);
  });
});
