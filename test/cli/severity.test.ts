/**
 * `normalization: severity` end to end: a panel assigned by category (fixtures/severity), checked
 * against an independent fit of the model (numpy's least squares in fixtures/severity/make.py,
 * its results in expected.json).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kippIn, ROOT, type Run } from './run.js';
import { tempFolder } from '../tmp.js';

const FX = 'fixtures/severity';
const INPUTS = [
  'fixtures/example/entries.csv',
  '--scores',
  `${FX}/scores-long.csv`,
  '--judges',
  'fixtures/example/judges.csv',
  '--rubric',
  `${FX}/rubric.yaml`,
  '--as-of',
  '2026-11-22',
];
const expected = JSON.parse(readFileSync(join(ROOT, FX, 'expected.json'), 'utf8')) as {
  severities: Record<string, Record<string, number>>;
  criteria: Record<string, Record<string, number>>;
};
const WEIGHTS = { novelty: 20, effectiveness: 20, benefit: 20, replicability: 20, sustainability: 20 };

describe('#20: kipp score with normalization: severity', () => {
  let run: Run;
  let report: {
    entries: { id: string; rank: number | null; total: number | null; criteria: Record<string, number> }[];
    severities: { criterion: string; judge: string; severity: number; records: number }[];
  };
  beforeAll(async () => {
    run = await kippIn(['score', ...INPUTS, '--format', 'json']);
    report = JSON.parse(run.stdout) as typeof report;
  });

  it('gives every criterion value and total of the independent fit', () => {
    expect(run.status).toBe(0);
    expect(report.entries).toHaveLength(48);
    for (const e of report.entries) {
      const want = expected.criteria[e.id]!;
      for (const [c, v] of Object.entries(want)) expect(Math.abs(e.criteria[c]! - v)).toBeLessThan(1.5e-6);
      if (e.total === null) continue;
      const total = (100 * (Object.entries(WEIGHTS).reduce((t, [c, w]) => t + w * want[c]!, 0) / 100 - 1)) / 9;
      expect(Math.abs(e.total - total)).toBeLessThan(1.5e-6);
    }
  });

  it('ranks by those totals', () => {
    const ranked = report.entries.filter((e) => e.rank !== null);
    const totals = ranked.map((e) => e.total!);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it("carries each judge's fitted severity per criterion in the JSON report", () => {
    expect(report.severities).toHaveLength(5 * 10);
    for (const s of report.severities) {
      expect(Math.abs(s.severity - expected.severities[s.criterion]![s.judge]!)).toBeLessThan(1.5e-6);
      expect(s.records).toBeGreaterThan(0);
    }
    // Each criterion's severities sum to zero (one connected piece).
    for (const c of Object.keys(WEIGHTS)) {
      const sum = report.severities.filter((s) => s.criterion === c).reduce((t, s) => t + s.severity, 0);
      expect(Math.abs(sum)).toBeLessThan(1e-5);
    }
  });

  it("explain shows s_jc and x' for each of an entry's scores", async () => {
    const text = (await kippIn(['explain', 'KIPP-2018-001', ...INPUTS])).stdout;
    expect(text).toContain("x' = x − s_jc");
    const s = expected.severities.novelty!;
    const line = text.split('\n').find((l) => /^\s+J07\s+5\.5\s+→/.test(l))!;
    expect(line).toContain(`s_jc ${Math.round(s.J07! * 1e6) / 1e6}`);
    expect(line).toContain(`→ ${Math.round((5.5 - s.J07!) * 1e6) / 1e6}`);
  });

  it("kipp judges reports each judge's s_jc per criterion with its standard error (numpy) and flags the poorly estimated", async () => {
    const run = await kippIn(['judges', ...INPUTS, '--format', 'json']);
    expect(run.status).toBe(0);
    const profile = JSON.parse(run.stdout) as {
      severities: {
        criterion: string;
        judge: string;
        severity: number;
        se: number;
        records: number;
        poorly_estimated: boolean;
      }[];
    };
    expect(profile.severities).toHaveLength(50);
    const se = (
      JSON.parse(readFileSync(join(ROOT, FX, 'expected.json'), 'utf8')) as {
        severity_se: Record<string, Record<string, number>>;
      }
    ).severity_se;
    for (const s of profile.severities) {
      expect(Math.abs(s.severity - expected.severities[s.criterion]![s.judge]!)).toBeLessThan(1.5e-6);
      expect(Math.abs(s.se - se[s.criterion]![s.judge]!)).toBeLessThan(1.5e-6);
      expect(s.poorly_estimated).toBe(s.records < 10);
    }
    const table = (await kippIn(['judges', ...INPUTS, '--lang', 'id'])).stdout;
    expect(table).toContain('Keketatan s_jc yang ditaksir per kriteria');
    const j03 = table.split('\n').find((l) => /│ J03 /.test(l) && l.includes('±'))!;
    expect(j03).toContain(
      `${(Math.round(expected.severities.novelty!.J03! * 100) / 100).toFixed(2)} ± ${se.novelty!.J03!.toFixed(2)} *`,
    );
  });

  it('rubric check accepts the method', async () => {
    const check = await kippIn(['rubric', 'check', `${FX}/rubric.yaml`]);
    expect(check.status).toBe(0);
  });
});

describe('#20: a criterion whose own judge–entry graph is in pieces', () => {
  it('is warned about (disconnected-panel, naming the criterion and the pieces) though the whole panel is connected', async () => {
    const dir = tempFolder('kipp-sev-');
    writeFileSync(
      join(dir, 'rubric.yaml'),
      'name: two criteria\nscale: { min: 1, max: 10 }\ncriteria:\n  novelty: { weight: 50 }\n  benefit: { weight: 50 }\nnormalization: severity\n',
    );
    writeFileSync(
      join(dir, 'entries.csv'),
      'id,title,agency,category\nE1,Satu,Dinas A,governance\nE2,Dua,Dinas B,governance\nE3,Tiga,Dinas C,governance\nE4,Empat,Dinas D,governance\n',
    );
    // On benefit every judge shares E1; on novelty A and B read E1–E2, C and D read E3–E4 only.
    const rows = ['entry_id,judge_id,criterion,score'];
    for (const [e, js] of [
      ['E1', 'AB'],
      ['E2', 'AB'],
      ['E3', 'CD'],
      ['E4', 'CD'],
    ] as const)
      for (const j of js) rows.push(`${e},${j},novelty,7`);
    for (const j of 'ABCD') rows.push(`E1,${j},benefit,6`);
    writeFileSync(join(dir, 'scores.csv'), `${rows.join('\n')}\n`);
    const run = await kippIn([
      'validate',
      join(dir, 'entries.csv'),
      '--scores',
      join(dir, 'scores.csv'),
      '--rubric',
      join(dir, 'rubric.yaml'),
      '--format',
      'json',
    ]);
    const out = JSON.parse(run.stdout) as { diagnostics: { code: string; field?: string; message: string }[] };
    const panel = out.diagnostics.filter((d) => d.code === 'disconnected-panel');
    expect(panel).toHaveLength(1);
    expect(panel[0]!.field).toBe('novelty');
    expect(panel[0]!.message).toContain('{A, B} {C, D}');
    expect(panel[0]!.message).toContain('behaves like `none`');
  });
});
