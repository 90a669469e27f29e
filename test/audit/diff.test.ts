/**
 * diffReports on reports written out in the test: every kind of change the secretariat needs to
 * see, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { diffReports, figuresEqual } from '../../src/audit/diff.js';
import type { KippReport, ReportEntry } from '../../src/model/report.js';

const HASH = (c: string) => c.repeat(64);

function entry(id: string, rank: number | null, total: number | null, shortlists: string[] = [], extra: Partial<ReportEntry> = {}): ReportEntry {
  return {
    id,
    title: `Inovasi ${id}`,
    agency: 'Pemerintah Kota Surabaya',
    category: 'governance',
    rank,
    category_rank: rank,
    tied: false,
    total,
    criteria: total === null ? {} : { novelty: 8, benefit: 7 },
    judges: 3,
    passed: rank !== null,
    reasons: [],
    shortlists,
    flags: rank === null ? ['ineligible'] : [],
    ...extra,
  };
}

function report(entries: ReportEntry[], over: Partial<KippReport> = {}): KippReport {
  return {
    kipp: '0.1.0',
    rubric: { name: 'KIPP 2018', version: 1, sha256: HASH('a'), path: null },
    inputs: [
      { path: 'entries.csv', kind: 'entries', sha256: HASH('b') },
      { path: 'scores.csv', kind: 'scores', sha256: HASH('c') },
    ],
    as_of: '2026-03-10',
    options: { as_of: null, category: null, top: null, delimiter: null },
    entries,
    shortlists: [{ name: 'top-2', size: 2, taken: 2, cutoff_tie: false }],
    diagnostics: [],
    ...over,
  };
}

describe('diffReports', () => {
  it('a report against itself: nothing', () => {
    const r = report([entry('A', 1, 90, ['top-2']), entry('B', 2, 80, ['top-2']), entry('C', 3, 70)]);
    const d = diffReports(r, structuredClone(r));
    expect(figuresEqual(d)).toBe(true);
    expect(d).toEqual({ manifest: { options: {}, inputs: [] }, shortlists: [], entries: [], diagnostics: [] });
  });

  it('a tie at the cut-off appears: both tied entries taken, the summary says so', () => {
    const old = report([entry('A', 1, 90, ['top-2']), entry('B', 2, 80, ['top-2']), entry('C', 3, 70)]);
    const now = report([entry('A', 1, 90, ['top-2']), entry('B', 2, 80, ['top-2'], { tied: true }), entry('C', 2, 80, ['top-2'], { tied: true })], {
      shortlists: [{ name: 'top-2', size: 2, taken: 3, cutoff_tie: true }],
    });
    const d = diffReports(old, now);
    expect(d.shortlists).toEqual([
      { name: 'top-2', entered: [{ id: 'C', title: 'Inovasi C', rank: { old: 3, new: 2 } }], left: [], taken: { old: 2, new: 3 }, cutoff_tie: { old: false, new: true } },
    ]);
    // listed by the rank they have now, ties by id
    expect(d.entries.map((e) => e.id)).toEqual(['B', 'C']);
    expect(d.entries[0]).toEqual({ id: 'B', title: 'Inovasi B', status: 'changed', tied: { old: false, new: true } });
    expect(d.entries[1]).toMatchObject({ rank: { old: 3, new: 2 }, total: { old: 70, new: 80, delta: 10 }, shortlists: { entered: ['top-2'], left: [] } });
  });

  it('an entry that became ineligible: rank and total to null, no delta, flags and passed', () => {
    const old = report([entry('A', 1, 90, ['top-2']), entry('B', 2, 80, ['top-2']), entry('C', 3, 70)]);
    const now = report([entry('B', 1, 80, ['top-2']), entry('C', 2, 70, ['top-2']), entry('A', null, null)]);
    const d = diffReports(old, now);
    expect(d.entries.map((e) => e.id)).toEqual(['B', 'C', 'A']);
    const a = d.entries[2]!;
    expect(a.rank).toEqual({ old: 1, new: null });
    expect(a.total).toEqual({ old: 90, new: null, delta: null });
    expect(a.flags).toEqual({ old: [], new: ['ineligible'] });
    expect(a.passed).toEqual({ old: true, new: false });
    expect(a.criteria).toEqual({ novelty: { old: 8, new: null }, benefit: { old: 7, new: null } });
    expect(d.shortlists[0]!.left.map((e) => e.id)).toEqual(['A']);
  });

  it('entries only in one report (another --top, a withdrawn entry) are added or removed', () => {
    const old = report([entry('A', 1, 90, ['top-2']), entry('B', 2, 80, ['top-2'])]);
    const now = report([entry('A', 1, 90, ['top-2']), entry('D', 2, 85, ['top-2'])]);
    const d = diffReports(old, now);
    expect(d.entries).toEqual([
      { id: 'B', title: 'Inovasi B', status: 'removed', rank: { old: 2, new: null }, shortlists: { entered: [], left: ['top-2'] } },
      { id: 'D', title: 'Inovasi D', status: 'added', rank: { old: null, new: 2 }, shortlists: { entered: ['top-2'], left: [] } },
    ]);
  });

  it('a total that moves by less than 0.005 is still a change, with its 6-decimal delta', () => {
    const d = diffReports(report([entry('A', 1, 80.001)]), report([entry('A', 1, 80.004)]));
    expect(d.entries[0]!.total).toEqual({ old: 80.001, new: 80.004, delta: 0.003 });
  });

  it('the manifest: changed, added and removed inputs, rubric, reference date and options', () => {
    const old = report([]);
    const now = report([], {
      rubric: { name: 'KIPP 2018', version: 2, sha256: HASH('d'), path: 'rubric.yaml' },
      inputs: [
        { path: 'entries.csv', kind: 'entries', sha256: HASH('b') },
        { path: 'scores.csv', kind: 'scores', sha256: HASH('e') },
        { path: 'judges.csv', kind: 'judges', sha256: HASH('f') },
      ],
      as_of: '2026-03-11',
      options: { as_of: '2026-03-11', category: null, top: 10, delimiter: null },
      kipp: '0.2.0',
    });
    const m = diffReports(old, now).manifest;
    expect(m.inputs).toEqual([
      { kind: 'scores', path: 'scores.csv', status: 'changed', old: HASH('c'), new: HASH('e') },
      { kind: 'judges', path: 'judges.csv', status: 'added', old: null, new: HASH('f') },
    ]);
    expect(m.rubric).toEqual({ version: { old: 1, new: 2 }, sha256: { old: HASH('a'), new: HASH('d') } });
    expect(m.as_of).toEqual({ old: '2026-03-10', new: '2026-03-11' });
    expect(m.options).toEqual({ as_of: { old: null, new: '2026-03-11' }, top: { old: null, new: 10 } });
    expect(m.kipp).toEqual({ old: '0.1.0', new: '0.2.0' });
  });

  it('diagnostics: counts per code, not figures', () => {
    const old = report([], { diagnostics: [{ code: 'conflict-of-interest', severity: 'warning' }] });
    const now = report([], { diagnostics: [{ code: 'conflict-of-interest', severity: 'warning' }, { code: 'conflict-of-interest', severity: 'warning' }, { code: 'unknown-entry', severity: 'error' }] });
    const d = diffReports(old, now);
    expect(d.diagnostics).toEqual([
      { code: 'unknown-entry', severity: 'error', old: 0, new: 1 },
      { code: 'conflict-of-interest', severity: 'warning', old: 1, new: 2 },
    ]);
    expect(figuresEqual(d)).toBe(true);
  });
});
