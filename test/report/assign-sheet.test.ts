/**
 * The sheets `kipp assign` hands out, before any file: which entries go on whose sheet, the
 * header the score-sheet loader reads, safe and unique file names.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatAssignmentCsv, formatSheetCsv } from '../../src/report/assign/csv.js';
import { fileStems, judgeSheets, sheetHeader } from '../../src/report/assign/sheet.js';
import { summaryLines } from '../../src/report/assign/summary.js';

const entries = new Map(
  [
    { id: 'KIPP-002', title: 'SIMBARA', agency: 'Kementerian Keuangan', category: 'governance' },
    { id: 'KIPP-001', title: '=HYPERLINK("x")', agency: 'Pemerintah Kota Surabaya', category: 'transparency' },
    { id: '08123', title: 'Sapa Warga, "Jabar"', agency: 'Pemerintah Provinsi Jawa Barat', category: 'inclusive' },
  ].map((e) => [e.id, e]),
);

describe('judgeSheets', () => {
  const pairs = [
    { entryId: 'KIPP-002', judgeId: 'J2' },
    { entryId: 'KIPP-001', judgeId: 'J2' },
    { entryId: '08123', judgeId: 'J1' },
  ];
  it('one sheet per judge with entries, in the judges file order, entries by id', () => {
    const sheets = judgeSheets(pairs, ['J2', 'J3', 'J1'], entries);
    expect(sheets.map((s) => [s.judgeId, s.fileStem, s.entries.map((e) => e.id)])).toEqual([
      ['J2', 'J2', ['KIPP-001', 'KIPP-002']],
      ['J1', 'J1', ['08123']],
    ]);
  });

  it("the CSV sheet: the loader's wide header, ids as written, context formula-safe, criteria empty", () => {
    const [sheet] = judgeSheets(pairs, ['J2'], entries);
    const rows = parse(formatSheetCsv(sheet!, ['novelty', 'benefit']), { bom: true });
    expect(rows).toEqual([
      ['entry_id', 'judge_id', 'title', 'agency', 'category', 'novelty', 'benefit', 'comment'],
      ['KIPP-001', 'J2', `'=HYPERLINK("x")`, 'Pemerintah Kota Surabaya', 'transparency', '', '', ''],
      ['KIPP-002', 'J2', 'SIMBARA', 'Kementerian Keuangan', 'governance', '', '', ''],
    ]);
    expect(sheetHeader(['a'])).toEqual(['entry_id', 'judge_id', 'title', 'agency', 'category', 'a', 'comment']);
    const other = parse(formatSheetCsv(judgeSheets(pairs, ['J1'], entries)[0]!, ['novelty']), { bom: true });
    expect(other[1]).toEqual([
      '08123',
      'J1',
      'Sapa Warga, "Jabar"',
      'Pemerintah Provinsi Jawa Barat',
      'inclusive',
      '',
      '',
    ]);
  });

  it('assignment.csv lists the pairs as given', () => {
    // Written as `kipp export` writes CSV since issue 17.10: a byte-order mark and CRLF.
    expect(formatAssignmentCsv(pairs)).toBe('\uFEFFentry_id,judge_id\r\nKIPP-002,J2\r\nKIPP-001,J2\r\n08123,J1\r\n');
  });
});

describe('fileStems', () => {
  it('keeps safe ids, replaces anything that could leave the folder, and is unique ignoring case', () => {
    expect(fileStems(['J01', 'TPI-02', 'juri.3'])).toEqual(['J01', 'TPI-02', 'juri.3']);
    expect(fileStems(['../etc/passwd', 'Juri 1/A', '.hidden', ''])).toEqual([
      '__etc_passwd',
      'Juri_1_A',
      '_hidden',
      'judge_',
    ]);
    expect(fileStems(['a b', 'a_b', 'A_B', 'J1', 'j1'])).toEqual(['a_b', 'a_b-2', 'A_B-3', 'J1', 'j1-2']);
    expect(fileStems(['CON', 'nul.x', 'assignment'])).toEqual(['judge_CON', 'judge_nul.x', 'judge_assignment']);
  });
});

describe('summaryLines', () => {
  const base = {
    pairs: [
      { entryId: 'E1', judgeId: 'J1' },
      { entryId: 'E2', judgeId: 'J2' },
    ],
    loads: [
      { judgeId: 'J1', count: 1 },
      { judgeId: 'J2', count: 1 },
      { judgeId: 'J3', count: 0 },
    ],
    minLoad: 1,
    maxLoad: 1,
    conflictsAvoided: 2,
    connected: false,
    expertiseMatched: 0,
    idleJudgeIds: ['J3'],
  };
  it('says what a secretariat must act on: a split panel under zscore, idle judges, missing expertise', () => {
    const lines = summaryLines(base, {
      entries: 2,
      perEntry: 1,
      seed: '9',
      avoidRegion: true,
      byCategory: true,
      comparing: 'zscore',
      anyExpertise: false,
      declared: false,
    });
    expect(lines[0]).toBe('kipp assign: 2 entries × 1 judge = 2 assignments over 2 judges (seed 9)');
    expect(lines).toContain('  loads per judge: min 1, max 1 entries');
    expect(lines).toContain('  conflicts avoided: 2 judge–entry pairs with the same agency or region');
    expect(lines.some((l) => l.includes('NOT connected') && l.includes('zscore'))).toBe(true);
    expect(lines).toContain('  idle (conflict with every entry, no sheet): J3');
    expect(lines.some((l) => l.includes('no judge lists any expertise'))).toBe(true);
  });
  it('a connected panel without --by says so and nothing about expertise', () => {
    const lines = summaryLines(
      { ...base, connected: true, idleJudgeIds: [] },
      {
        entries: 2,
        perEntry: 1,
        seed: '1',
        avoidRegion: false,
        byCategory: false,
        comparing: null,
        anyExpertise: false,
        declared: true,
      },
    );
    // Declared conflicts count among those avoided, and the line says so (found by an independent check).
    expect(lines).toContain('  conflicts avoided: 2 judge–entry pairs with the same agency, or a declared conflict');
    expect(lines).toContain('  judge–entry graph: connected');
    expect(lines.some((l) => l.includes('expertise') || l.includes('idle'))).toBe(false);
  });
});

describe('#20: kipp assign --by category advises on normalization', () => {
  const a = {
    pairs: [],
    loads: [],
    minLoad: 0,
    maxLoad: 0,
    conflictsAvoided: 0,
    connected: true,
    expertiseMatched: 0,
    idleJudgeIds: [],
  } as unknown as Parameters<typeof summaryLines>[0];
  const facts = {
    entries: 2,
    perEntry: 1,
    seed: '1',
    avoidRegion: false,
    byCategory: true,
    anyExpertise: true,
    declared: false,
  };
  it('points a zscore rubric to the severity model, and tells a severity rubric what identifies it', () => {
    expect(summaryLines(a, { ...facts, comparing: 'zscore' }).some((l) => l.includes('normalization: severity'))).toBe(
      true,
    );
    expect(
      summaryLines(a, { ...facts, comparing: 'severity' }).some((l) => l.includes('cross-category assignments')),
    ).toBe(true);
    expect(summaryLines(a, { ...facts, comparing: null }).some((l) => l.includes('note:'))).toBe(false);
  });
});
