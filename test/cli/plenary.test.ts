/**
 * Issue 19, the plenary, end to end on fixtures/plenary: 60 entries, four judges, a Top 45 whose
 * cut-off falls between P-045 and P-046 (equal on every score), a declared conflict (J04 with
 * P-012), and the jury's decisions. Expected values are worked out from the fixture's sheet by
 * hand in the comments, not read back from the tool.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kipp } from './run.js';

const F = 'fixtures/plenary';
const BASE = [`${F}/entries.csv`, '-s', `${F}/scores.csv`, '-j', `${F}/judges.csv`, '-r', `${F}/rubric.yaml`];
const tempDir = () => mkdtempSync(join(tmpdir(), 'kipp-plenary-'));

interface JsonEntry { id: string; rank: number | null; judges: number; total: number | null; shortlists: string[]; flags: string[] }
interface JsonDiagnostic { code: string; severity: string; file?: string; line?: number; entry_id?: string; message: string }

describe('#19.1 declared conflicts', () => {
  it('#19.1: a declared conflict excludes the judge\'s scores for that entry, with a conflict-of-interest warning carrying the reason', () => {
    const r = kipp(['score', ...BASE, '--conflicts', `${F}/conflicts.csv`, '--format', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { entries: JsonEntry[]; diagnostics: JsonDiagnostic[]; inputs: { kind: string; path: string }[] };
    const byId = new Map(report.entries.map((e) => [e.id, e]));
    // P-012 was scored by J01..J04; J04's scores are set aside: three judges remain.
    expect(byId.get('P-012')!.judges).toBe(3);
    expect(byId.get('P-011')!.judges).toBe(4);
    const warnings = report.diagnostics.filter((d) => d.code === 'conflict-of-interest');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', entry_id: 'P-012', file: `${F}/scores.csv`, line: 49 });
    expect(warnings[0]!.message).toContain('former consultant to the agency');
    // The conflicts file is an input of the report (verify re-reads it).
    expect(report.inputs.map((i) => i.kind)).toContain('conflicts');
    // Without the file, J04 counts.
    const plain = JSON.parse(kipp(['score', ...BASE, '--format', 'json']).stdout) as { entries: JsonEntry[] };
    expect(plain.entries.find((e) => e.id === 'P-012')!.judges).toBe(4);
  });

  it('#19.1: an unknown judge or entry in the conflicts file is an error at its line (score exit 1, validate too)', () => {
    const dir = tempDir();
    const file = join(dir, 'conflicts.csv');
    writeFileSync(file, 'judge_id,entry_id,reason\nJ04,P-012,consultant\nJ09,P-013,relative\nJ01,P-999,former employer\n');
    const r = kipp(['score', ...BASE, '--conflicts', file, '--format', 'json']);
    expect(r.status).toBe(1);
    const diagnostics = (JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
    expect(diagnostics.find((d) => d.code === 'unknown-judge')).toMatchObject({ severity: 'error', file, line: 3 });
    expect(diagnostics.find((d) => d.code === 'unknown-entry')).toMatchObject({ severity: 'error', file, line: 4 });
    const v = kipp(['validate', ...BASE, '--conflicts', file, '--format', 'json']);
    expect(v.status).toBe(1);
    expect(v.stdout).toContain('"unknown-judge"');
    expect(v.stdout).toContain('"unknown-entry"');
  });

  it('#19.1: a conflict row without its reason is a missing-field error', () => {
    const dir = tempDir();
    const file = join(dir, 'conflicts.yaml');
    writeFileSync(file, '- judge_id: J04\n  entry_id: P-012\n');
    const r = kipp(['validate', ...BASE, '--conflicts', file, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('"missing-field"');
  });

  it('#19.1: kipp assign keeps a judge off the entries they declared a conflict with', () => {
    const dir = tempDir();
    const r = kipp(['assign', `${F}/entries.csv`, '-j', `${F}/judges.csv`, '--conflicts', `${F}/conflicts.csv`, '-k', '3', '-d', dir]);
    expect(r.status).toBe(0);
    const pairs = readFileSync(join(dir, 'assignment.csv'), 'utf8').split(/\r?\n/).slice(1).filter((l) => l !== '');
    const p012 = pairs.filter((l) => l.startsWith('P-012,'));
    expect(p012).toHaveLength(3);
    expect(p012.some((l) => l.includes('J04'))).toBe(false);
  });

  it('#19.1: kipp judges and explain see the declared conflict', () => {
    const j = kipp(['judges', ...BASE, '--conflicts', `${F}/conflicts.csv`, '--format', 'json']);
    expect(j.status).toBe(0);
    const judges = (JSON.parse(j.stdout) as { judges: { id: string; conflicts: number }[] }).judges;
    // J04 scored P-012 on five criteria: five records excluded.
    expect(judges.find((x) => x.id === 'J04')!.conflicts).toBeGreaterThan(0);
    expect(judges.find((x) => x.id === 'J01')!.conflicts).toBe(0);
    const e = kipp(['explain', 'P-012', ...BASE, '--conflicts', `${F}/conflicts.csv`, '--format', 'json']);
    expect(e.status).toBe(0);
    expect(e.stdout).toContain('conflict');
  });
});
