/**
 * diffReports on reports written out in the test: every kind of change the secretariat needs to
 * see, and nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffReports, figuresEqual } from '../../src/audit/diff.js';
import type { KippReport, ReportEntry } from '../../src/model/report.js';
import { changeDecimals, figurePair, formatDiffText, signedDelta } from '../../src/report/audit/diff.js';
import { round6 } from '../../src/scoring/round.js';

const HASH = (c: string) => c.repeat(64);

function entry(
  id: string,
  rank: number | null,
  total: number | null,
  shortlists: string[] = [],
  extra: Partial<ReportEntry> = {},
): ReportEntry {
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
    expect(d).toEqual({
      manifest: { options: {}, inputs: [] },
      shortlists: [],
      entries: [],
      not_shown: {},
      diagnostics: [],
    });
  });

  it('a tie at the cut-off appears: both tied entries taken, the summary says so', () => {
    const old = report([entry('A', 1, 90, ['top-2']), entry('B', 2, 80, ['top-2']), entry('C', 3, 70)]);
    const now = report(
      [
        entry('A', 1, 90, ['top-2']),
        entry('B', 2, 80, ['top-2'], { tied: true }),
        entry('C', 2, 80, ['top-2'], { tied: true }),
      ],
      {
        shortlists: [{ name: 'top-2', size: 2, taken: 3, cutoff_tie: true }],
      },
    );
    const d = diffReports(old, now);
    expect(d.shortlists).toEqual([
      {
        name: 'top-2',
        entered: [{ id: 'C', title: 'Inovasi C', rank: { old: 3, new: 2 } }],
        left: [],
        taken: { old: 2, new: 3 },
        cutoff_tie: { old: false, new: true },
      },
    ]);
    // listed by the rank they have now, ties by id
    expect(d.entries.map((e) => e.id)).toEqual(['B', 'C']);
    expect(d.entries[0]).toEqual({ id: 'B', title: 'Inovasi B', status: 'changed', tied: { old: false, new: true } });
    expect(d.entries[1]).toMatchObject({
      rank: { old: 3, new: 2 },
      total: { old: 70, new: 80, delta: 10 },
      shortlists: { entered: ['top-2'], left: [] },
    });
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
      {
        id: 'B',
        title: 'Inovasi B',
        status: 'removed',
        rank: { old: 2, new: null },
        shortlists: { entered: [], left: ['top-2'] },
      },
      {
        id: 'D',
        title: 'Inovasi D',
        status: 'added',
        rank: { old: null, new: 2 },
        shortlists: { entered: ['top-2'], left: [] },
      },
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
    const now = report([], {
      diagnostics: [
        { code: 'conflict-of-interest', severity: 'warning' },
        { code: 'conflict-of-interest', severity: 'warning' },
        { code: 'unknown-entry', severity: 'error' },
      ],
    });
    const d = diffReports(old, now);
    expect(d.diagnostics).toEqual([
      { code: 'unknown-entry', severity: 'error', old: 0, new: 1 },
      { code: 'conflict-of-interest', severity: 'warning', old: 1, new: 2 },
    ]);
    expect(figuresEqual(d)).toBe(true);
  });
});

describe('#17.14: deltas show the digits of the change', () => {
  it('#17.14: 70.124 → 70.126 is +0.002 at 3 decimals, never (+0.00)', () => {
    expect(figurePair(70.124, 70.126, 0.002)).toEqual(['70.124', '70.126']);
    expect(signedDelta(0.002, 70.124, 70.126)).toBe('+0.002');
    expect(signedDelta(-0.002, 70.126, 70.124)).toBe('−0.002');
  });
  it('#17.14: 2 decimals when they show the change (as tables do)', () => {
    expect(figurePair(68, 71.333333, 3.333333)).toEqual(['68.00', '71.33']);
    expect(signedDelta(3.333333, 68, 71.333333)).toBe('+3.33');
  });
  it('#17.14: figures apart at 2 decimals but a delta that would print 0.000: 4 decimals', () => {
    // 68.0049 → 68.0051: 68.00 → 68.01 but +0.00; at 3 decimals 68.005 → 68.005.
    expect(changeDecimals(68.0049, 68.0051, 0.0002)).toBe(4);
    expect(signedDelta(0.0002, 68.0049, 68.0051)).toBe('+0.0002');
  });
  it('#17.14: the smallest change a 6-decimal total can make shows at 6 decimals', () => {
    expect(figurePair(80, 80.000001, 0.000001)).toEqual(['80.000000', '80.000001']);
    expect(signedDelta(0.000001, 80, 80.000001)).toBe('+0.000001');
  });
  it('#17.14: property: a non-zero delta between two 6-decimal figures never prints as zero, and the figures differ', () => {
    const six = fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 1e6);
    fc.assert(
      fc.property(six, six, (a, b) => {
        fc.pre(a !== b);
        const delta = round6(b - a);
        const [x, y] = figurePair(a, b, delta);
        expect(x).not.toBe(y);
        expect(Number(signedDelta(delta, a, b).slice(1))).not.toBe(0);
        // the delta shown is the true one rounded at the decimals shown
        const places = changeDecimals(a, b, delta);
        expect(Math.abs(Number(signedDelta(delta, a, b).slice(1)) - Math.abs(delta))).toBeLessThanOrEqual(
          0.5 * 10 ** -places + 1e-12,
        );
      }),
    );
  });
});

describe('#17.14: a --top/--category report does not show every entry: absent is not unranked', () => {
  const full = report([
    entry('A', 1, 90, ['top-2']),
    entry('B', 2, 80, ['top-2']),
    entry('C', 3, 70, [], { category: 'inclusive' }),
    entry('D', null, null),
  ]);
  const top1 = report([entry('A', 1, 90, ['top-2'])], {
    options: { as_of: null, category: null, top: 1, delimiter: null },
  });

  it('#17.14: entries the --top report leaves out are not shown there: no shortlist move, no added entry', () => {
    const d = diffReports(top1, full);
    expect(d.shortlists).toEqual([]);
    expect(d.entries).toEqual([]);
    expect(d.not_shown).toEqual({
      old: {
        filter: { top: 1, category: null },
        entries: [
          { id: 'B', title: 'Inovasi B', rank: 2 },
          { id: 'C', title: 'Inovasi C', rank: 3 },
          { id: 'D', title: 'Inovasi D', rank: null },
        ],
      },
    });
    // Shown on one side only is a difference all the same (verify: the ranking moved).
    expect(figuresEqual(d)).toBe(false);
    const text = formatDiffText(d, { old: 'top1.json', new: 'full.json' });
    expect(text).not.toContain('unranked');
    expect(text).toContain('3 entries not in the old report, which shows --top 1 only (not compared): B, C, D');
    expect(text).toMatch(/^0 shortlist moves, 0 rank changes, 0 total changes, 3 shown in one report only/m);
  });

  it('#17.14: the other way round, and with --category: the same, on the new side', () => {
    const cat = report([entry('C', 3, 70, [], { category: 'inclusive' })], {
      options: { as_of: null, category: 'inclusive', top: null, delimiter: null },
    });
    const d = diffReports(full, cat);
    expect(d.shortlists).toEqual([]);
    expect(d.entries).toEqual([]);
    expect(d.not_shown.new?.filter).toEqual({ top: null, category: 'inclusive' });
    expect(d.not_shown.new?.entries.map((e) => e.id)).toEqual(['A', 'B', 'D']);
    expect(formatDiffText(d, { old: 'a', new: 'b' })).toContain(
      'not in the new report, which shows --category inclusive only',
    );
  });

  it('#17.14: entries shown in both are still compared, and their shortlist moves counted', () => {
    const old = report([entry('A', 1, 90, ['top-2']), entry('B', 2, 80, ['top-2'])], {
      options: { as_of: null, category: null, top: 2, delimiter: null },
    });
    const now = report([entry('B', 1, 95, ['top-2']), entry('C', 2, 85, ['top-2']), entry('A', 3, 75)]);
    const d = diffReports(old, now);
    expect(d.shortlists).toEqual([
      { name: 'top-2', entered: [], left: [{ id: 'A', title: 'Inovasi A', rank: { old: 1, new: 3 } }] },
    ]);
    expect(d.entries.map((e) => e.id)).toEqual(['B', 'A']);
    expect(d.not_shown.old?.entries.map((e) => e.id)).toEqual(['C']);
  });

  it('#17.14: absent from a report that shows every entry (other inputs): "not in the old report", not "unranked"', () => {
    const old = report([entry('A', 1, 90, ['top-2']), entry('B', 2, 80, ['top-2'])]);
    const now = report([entry('A', 1, 90, ['top-2']), entry('E', 2, 85, ['top-2']), entry('B', 3, 80)]);
    const d = diffReports(old, now);
    expect(d.shortlists[0]!.entered).toEqual([
      { id: 'E', title: 'Inovasi E', rank: { old: null, new: 2 }, absent: 'old' },
    ]);
    const text = formatDiffText(d, { old: 'a', new: 'b' });
    expect(text).toMatch(/^ {2}\+ +E +Inovasi E +rank not in the old report → 2$/m);
    expect(text).not.toContain('unranked');
  });
});
