/**
 * Competition profiles end to end through bin/kipp.js: the shipped rubrics, a two-stage year
 * (fixtures/stages, KIPP 2025) and groups (fixtures/groups, KIPP 2021). Expected figures are
 * worked out by hand in the comments from the fixture files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { kippIn } from './run.js';

const STAGES = 'fixtures/stages';
const K2025 = ['--rubric', 'rubrics/kipp-2025.yaml', '--judges', `${STAGES}/judges.csv`, '--as-of', '2025-06-30'];

interface JsonEntry {
  id: string;
  group: string;
  rank: number | null;
  total: number | null;
  stages?: Record<string, { total: number | null; rank: number | null }>;
  passed: boolean;
  reasons: string[];
  shortlists: string[];
  flags: string[];
}

async function json(args: string[]): Promise<{
  status: number | null;
  report: {
    entries: JsonEntry[];
    inputs: { path: string; stage?: string }[];
    shortlists: unknown[];
    diagnostics: unknown[];
  };
}> {
  const run = await kippIn([...args, '--format', 'json']);
  return { status: run.status, report: run.status === 0 || run.status === 1 ? JSON.parse(run.stdout) : null };
}
type JsonRun = Awaited<ReturnType<typeof json>>;

describe('shipped profiles', () => {
  it('kipp rubric show kipp-2021: ten categories, three groups and the tiers', async () => {
    const run = await kippIn(['rubric', 'show', 'rubrics/kipp-2021.yaml']);
    expect(run.status).toBe(0);
    for (const c of [
      'poverty',
      'education',
      'health',
      'food_security',
      'growth_jobs',
      'empowerment',
      'gender',
      'environment',
      'governance',
      'law',
    ]) {
      expect(run.stdout).toMatch(new RegExp(`│ ${c} +│`));
    }
    expect(run.stdout).toMatch(/group general \(General\): 24 months, at most 10 per agency/);
    expect(run.stdout).toMatch(/group replication \(Replication\): 12 months, at most 5 per agency/);
    expect(run.stdout).toMatch(/group special \(Special\): 24 months/);
    expect(run.stdout).toMatch(/shortlist top-99: 99\n/);
    expect(run.stdout).toMatch(/shortlist top-45: 45\n/);
    expect(run.stdout).toMatch(/shortlist replication-5: 5 \(group replication\)/);
    const view = JSON.parse((await kippIn(['rubric', 'show', 'rubrics/kipp-2021.yaml', '--format', 'json'])).stdout);
    expect(view.categories).toHaveLength(10);
    expect(view.groups).toHaveLength(3);
  });

  it('kipp rubric show kipp-2025: nine categories, two groups, the stages and the proportional Top 99', async () => {
    const view = JSON.parse((await kippIn(['rubric', 'show', 'rubrics/kipp-2025.yaml', '--format', 'json'])).stdout);
    expect(view.categories).toHaveLength(9);
    expect(view.groups.map((g: { id: string }) => g.id)).toEqual(['general', 'replication']);
    expect(view.stages).toEqual([
      { name: 'desk', label: 'Desk evaluation', weight: 70, pass: 85 },
      { name: 'presentation', label: 'Presentation and interview', weight: 30 },
    ]);
    expect(view.shortlists[0]).toMatchObject({
      name: 'top-99',
      size: 99,
      stage: 'desk',
      min_per: { category: 5, group: 5 },
    });
  });

  it('a rubric without stages shows no stages key (its JSON stays as it was)', async () => {
    expect(JSON.parse((await kippIn(['rubric', 'show', '--format', 'json'])).stdout)).not.toHaveProperty('stages');
  });
});

describe('a two-stage year (KIPP 2025: desk 70 with pass mark 85, presentation 30)', () => {
  // Desk (E1, E2), five criteria at 20, scale 1–10, total = 100·(mean − 1)/9:
  //   K25-001 s = 9.5,9,9,9,9 → 9.1 → 90; K25-002 9,9,10,9,9 → 9.2 → 91.111111;
  //   K25-003 8.5,9,9,9,9 → 8.9 → 87.777778; K25-004 9,8.5,9,9,9 → 8.9 → 87.777778 (after
  //   K25-003 on the tie-break: benefit 9 = 9, effectiveness 9 > 8.5); K25-005 8.5,8,8,8,8 → 8.1
  //   → 78.888889, under 85: not taken to the presentation.
  // Presentation (P1–P3): K25-001 29/3,10,10,10,10 → 149/15 → 99.259259; K25-002 all 8 →
  //   77.777778; K25-003 all 9 → 88.888889; K25-004 all 10 → 100.
  // Final = 0.7·desk + 0.3·presentation on the rounded stage totals:
  //   K25-001 63 + 29.7777777 = 92.777778; K25-004 61.4444446 + 30 = 91.444445;
  //   K25-003 61.4444446 + 26.6666667 = 88.111111; K25-002 63.7777777 + 23.3333334 = 87.111111.
  const expected = [
    {
      id: 'K25-001',
      rank: 1,
      total: 92.777778,
      stages: { desk: { total: 90, rank: 2 }, presentation: { total: 99.259259, rank: 2 } },
    },
    {
      id: 'K25-004',
      rank: 2,
      total: 91.444445,
      stages: { desk: { total: 87.777778, rank: 4 }, presentation: { total: 100, rank: 1 } },
    },
    {
      id: 'K25-003',
      rank: 3,
      total: 88.111111,
      stages: { desk: { total: 87.777778, rank: 3 }, presentation: { total: 88.888889, rank: 3 } },
    },
    {
      id: 'K25-002',
      rank: 4,
      total: 87.111111,
      stages: { desk: { total: 91.111111, rank: 1 }, presentation: { total: 77.777778, rank: 4 } },
    },
    {
      id: 'K25-005',
      rank: null,
      total: null,
      stages: { desk: { total: 78.888889, rank: 5 }, presentation: { total: null, rank: null } },
    },
  ];
  let byOption: JsonRun;
  let byColumn: JsonRun;
  beforeAll(async () => {
    byOption = await json([
      'score',
      `${STAGES}/entries.csv`,
      '--scores',
      `desk=${STAGES}/scores-desk.csv`,
      `presentation=${STAGES}/scores-presentation.csv`,
      ...K2025,
    ]);
    byColumn = await json(['score', `${STAGES}/entries.csv`, '--scores', `${STAGES}/scores-tahap.csv`, ...K2025]);
  });

  it('--scores NAME=FILE: per-stage totals and ranks, final weighted mean, exit 0', () => {
    expect(byOption.status).toBe(0);
    expect(byOption.report.entries.map(({ id, rank, total, stages }) => ({ id, rank, total, stages }))).toEqual(
      expected,
    );
    expect(byOption.report.diagnostics).toEqual([]);
  });

  it('the entry under the desk mark: stage:desk, reported, not an error', () => {
    expect(byOption.report.entries[4]).toMatchObject({
      passed: false,
      reasons: ['stage:desk'],
      flags: [],
      shortlists: [],
    });
  });

  it('a `tahap` column in one sheet gives the same entries', () => {
    expect(byColumn.status).toBe(0);
    expect(byColumn.report.entries).toEqual(byOption.report.entries);
  });

  it('the report names the stage each sheet was given for', () => {
    expect(byOption.report.inputs.filter((i) => i.stage !== undefined).map((i) => [i.path, i.stage])).toEqual([
      [`${STAGES}/scores-desk.csv`, 'desk'],
      [`${STAGES}/scores-presentation.csv`, 'presentation'],
    ]);
    expect(byColumn.report.inputs.every((i) => i.stage === undefined)).toBe(true);
  });

  it('Top 99 on the desk ranks, Top 45 on the final ones', () => {
    // Passing the desk: the four finalists; all of them are in both.
    expect(byOption.report.shortlists).toEqual([
      { name: 'top-99', size: 99, taken: 4, cutoff_tie: false, by_quota: [] },
      { name: 'top-45', size: 45, taken: 4, cutoff_tie: false },
    ]);
  });

  it('CSV and the table show each stage', async () => {
    const csv = (
      await kippIn([
        'score',
        `${STAGES}/entries.csv`,
        '--scores',
        `${STAGES}/scores-tahap.csv`,
        ...K2025,
        '--format',
        'csv',
      ])
    ).stdout.split('\n');
    expect(csv[0]).toContain(
      'total,novelty,effectiveness,benefit,replicability,sustainability,desk_total,desk_rank,presentation_total,presentation_rank,judges',
    );
    expect(csv[5]).toContain(',78.89,5,,,');
    const table = (
      await kippIn(['score', `${STAGES}/entries.csv`, '--scores', `${STAGES}/scores-tahap.csv`, ...K2025], {
        env: { COLUMNS: '220' },
      })
    ).stdout;
    expect(table).toMatch(/K25-004.*Replication.*87\.78 \(#4\).*100\.00 \(#1\)/);
  });

  it('kipp validate on the staged year runs clean', async () => {
    const run = await kippIn([
      'validate',
      `${STAGES}/entries.csv`,
      '--scores',
      `desk=${STAGES}/scores-desk.csv`,
      `presentation=${STAGES}/scores-presentation.csv`,
      ...K2025,
    ]);
    expect(run.status).toBe(0);
  });

  it('--scores with a stage the rubric does not have: usage error, exit 2', async () => {
    const unknown = await kippIn([
      'score',
      `${STAGES}/entries.csv`,
      '--scores',
      `final=${STAGES}/scores-desk.csv`,
      ...K2025,
    ]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--scores final=.*desk, presentation/);
    const none = await kippIn([
      'score',
      `${STAGES}/entries.csv`,
      '--scores',
      `desk=${STAGES}/scores-desk.csv`,
      '--as-of',
      '2025-06-30',
    ]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/defines no stages/);
  });

  it('a sheet given for one stage whose row names another: unknown-stage', async () => {
    const run = await json(['score', `${STAGES}/entries.csv`, '--scores', `desk=${STAGES}/scores-tahap.csv`, ...K2025]);
    expect(run.status).toBe(1);
    // Lines 12–23 of scores-tahap.csv are presentation rows.
    const lines = (run.report.diagnostics as { code: string; line: number }[])
      .filter((d) => d.code === 'unknown-stage')
      .map((d) => d.line);
    expect(lines).toEqual(Array.from({ length: 12 }, (_, i) => i + 12));
  });
});

describe('groups end to end (KIPP 2021, as of 2021-06-30)', () => {
  // Inline scores, total = 100·(mean − 1)/9. G21-002 (general, 2019-09-01 + 24 months =
  // 2021-09-01) and G21-005 (replication, 2020-09-01 + 12 months = 2021-09-01) are too recent;
  // G21-003 (replication, 2020-05-01 + 12 = 2021-05-01) is old enough under its group's rule.
  let status: JsonRun['status'];
  let report: JsonRun['report'];
  let e: Record<string, JsonEntry>;
  beforeAll(async () => {
    ({ status, report } = await json([
      'score',
      'fixtures/groups/entries.csv',
      '--rubric',
      'rubrics/kipp-2021.yaml',
      '--as-of',
      '2021-06-30',
    ]));
    e = Object.fromEntries(report.entries.map((x) => [x.id, x]));
  });

  it('group values by alias and number; the group in the JSON report', () => {
    expect(report.entries.map((x) => [x.id, x.group])).toEqual([
      ['G21-001', 'general'],
      ['G21-003', 'replication'],
      ['G21-004', 'special'],
      ['G21-006', 'replication'], // written "2": the second group
      ['G21-002', 'general'],
      ['G21-005', 'replication'],
    ]);
  });

  it('per-group age rules', () => {
    expect(status).toBe(1);
    expect(e['G21-002']).toMatchObject({ flags: ['ineligible'], reasons: ['implementation-too-recent'] });
    expect(e['G21-005']).toMatchObject({ flags: ['ineligible'], reasons: ['implementation-too-recent'] });
    expect(e['G21-003']!.flags).toEqual([]);
  });

  it('group shortlists take only their group', () => {
    // G21-003 (7,8,8,9,8 → 8 → 77.777778) and G21-006 (6,7,7,8,7 → 7 → 66.666667).
    expect(report.entries.filter((x) => x.shortlists.includes('replication-5')).map((x) => [x.id, x.total])).toEqual([
      ['G21-003', 77.777778],
      ['G21-006', 66.666667],
    ]);
    expect(report.entries.filter((x) => x.shortlists.includes('outstanding-5')).map((x) => x.id)).toEqual(['G21-004']);
  });

  it('the group in the table, Markdown and CSV', async () => {
    const args = [
      'score',
      'fixtures/groups/entries.csv',
      '--rubric',
      'rubrics/kipp-2021.yaml',
      '--as-of',
      '2021-06-30',
    ];
    expect((await kippIn([...args, '--lang', 'id'], { env: { COLUMNS: '220' } })).stdout).toMatch(
      /G21-004 .*│ Khusus +│/,
    );
    expect((await kippIn([...args, '--format', 'md'])).stdout).toMatch(/\| G21-003 \|.*\| Replication \|/);
    expect((await kippIn([...args, '--format', 'csv'])).stdout).toMatch(
      /G21-006,E-Musrenbang Madiun,Pemerintah Kota Madiun,governance,replication,66\.67/,
    );
  });
});
