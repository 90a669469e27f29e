/**
 * One fixture per diagnostic code (fixtures/validate/<code>/): `kipp validate --format json` must
 * raise exactly the problems listed here, each with its code and place — file, 1-based line of
 * the record (or of the header, for a column), column where it applies, field, entry — worked
 * out by hand from the fixture files. Messages are never compared.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli.js';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../../src/model/diagnostic.js';

interface Place {
  code: DiagnosticCode;
  file?: string;
  /** A workbook's sheet and cell (issue 18). */
  sheet?: string;
  cell?: string;
  line?: number;
  column?: number;
  field?: string;
  entry_id?: string;
}

interface Case {
  /** The folder under fixtures/validate/. */
  dir: string;
  /** Arguments after `kipp validate`; `@name` is fixtures/validate/<dir>/name. */
  args: string[];
  exit: 0 | 1 | 2;
  /** Every diagnostic, in report order (file, line, column, code). */
  expected: Place[];
}

const AS_OF = ['--as-of', '2018-03-10'];

const CASES: Case[] = [
  {
    dir: 'clean',
    args: ['@submissions', '--scores', '@scores.csv', '--judges', '@judges.csv', '--rubric', '@rubric.yaml'],
    exit: 0,
    expected: [],
  },
  {
    dir: 'file-not-found',
    args: ['@entries.csv', '--scores', '@nilai.csv', ...AS_OF],
    exit: 2,
    expected: [{ code: 'file-not-found', file: '@nilai.csv' }],
  },
  {
    // `summary: Layanan perizinan: cepat, …` — a colon in an unquoted value, on line 6.
    dir: 'parse-error',
    args: ['@submissions', ...AS_OF],
    exit: 1,
    expected: [{ code: 'parse-error', file: '@submissions/kota-bandung-pakem.yaml', line: 6 }],
  },
  {
    dir: 'encoding',
    args: ['@entries.csv', ...AS_OF],
    exit: 0,
    expected: [{ code: 'encoding', file: '@entries.csv', line: 2 }],
  },
  {
    dir: 'missing-field',
    args: ['@entries.csv', ...AS_OF],
    exit: 1,
    expected: [
      { code: 'missing-field', file: '@entries.csv', line: 3, column: 2, field: 'title', entry_id: 'KIPP-2018-107' },
    ],
  },
  {
    dir: 'unknown-field',
    args: ['@entries.csv', ...AS_OF],
    exit: 0,
    expected: [{ code: 'unknown-field', file: '@entries.csv', line: 1, column: 6, field: 'nomor_telepon' }],
  },
  {
    // Line 4's id has a trailing space: ids are compared after trimming.
    dir: 'duplicate-id',
    args: ['@entries.csv', ...AS_OF],
    exit: 1,
    expected: [
      { code: 'duplicate-id', file: '@entries.csv', line: 2, column: 1, field: 'id', entry_id: 'KIPP-2018-109' },
      { code: 'duplicate-id', file: '@entries.csv', line: 4, column: 1, field: 'id', entry_id: 'KIPP-2018-109' },
    ],
  },
  {
    // Line 3 names its category by number (3 = collaboration): fine.
    dir: 'unknown-category',
    args: ['@entries.csv', ...AS_OF],
    exit: 1,
    expected: [
      {
        code: 'unknown-category',
        file: '@entries.csv',
        line: 2,
        column: 6,
        field: 'category',
        entry_id: 'KIPP-2018-111',
      },
    ],
  },
  {
    dir: 'invalid-agency-type',
    args: ['@entries.csv', ...AS_OF],
    exit: 1,
    expected: [
      {
        code: 'invalid-agency-type',
        file: '@entries.csv',
        line: 2,
        column: 4,
        field: 'agency_type',
        entry_id: 'KIPP-2018-113',
      },
    ],
  },
  {
    // "Maret 2016" is not a date; 31/02/2016 is not a real one.
    dir: 'invalid-date',
    args: ['@entries.csv', ...AS_OF],
    exit: 1,
    expected: [
      {
        code: 'invalid-date',
        file: '@entries.csv',
        line: 2,
        column: 7,
        field: 'implemented_since',
        entry_id: 'KIPP-2018-114',
      },
      {
        code: 'invalid-date',
        file: '@entries.csv',
        line: 3,
        column: 7,
        field: 'implemented_since',
        entry_id: 'KIPP-2018-115',
      },
    ],
  },
  {
    // 12 months before 2018-03-10: 2017-03-10 is just old enough, 2017-03-11 one day short.
    dir: 'implementation-too-recent',
    args: ['@entries.csv', ...AS_OF],
    exit: 1,
    expected: [
      {
        code: 'implementation-too-recent',
        file: '@entries.csv',
        line: 3,
        column: 7,
        field: 'implemented_since',
        entry_id: 'KIPP-2018-117',
      },
    ],
  },
  {
    dir: 'unknown-group',
    args: ['@entries.csv', '--rubric', '@rubric.yaml'],
    exit: 1,
    expected: [
      { code: 'unknown-group', file: '@entries.csv', line: 4, column: 5, field: 'group', entry_id: 'KIPP-2022-003' },
    ],
  },
  {
    // One file per entry; the records start after the schema comment (line 2; line 3 with two comment lines).
    dir: 'duplicate-title',
    args: ['@submissions', ...AS_OF],
    exit: 1,
    expected: [
      {
        code: 'duplicate-title',
        file: '@submissions/kab-ngawi-sid.yaml',
        line: 2,
        field: 'title',
        entry_id: 'KIPP-2018-118',
      },
      {
        code: 'duplicate-title',
        file: '@submissions/kab-sleman-sid.yaml',
        line: 3,
        field: 'title',
        entry_id: 'KIPP-2018-119',
      },
    ],
  },
  {
    // Quota 2; line 4 spells the agency with extra spaces.
    dir: 'too-many-entries',
    args: ['@entries.csv', '--rubric', '@rubric.yaml'],
    exit: 1,
    expected: [
      {
        code: 'too-many-entries',
        file: '@entries.csv',
        line: 2,
        column: 3,
        field: 'agency',
        entry_id: 'KIPP-2018-120',
      },
      {
        code: 'too-many-entries',
        file: '@entries.csv',
        line: 3,
        column: 3,
        field: 'agency',
        entry_id: 'KIPP-2018-121',
      },
      {
        code: 'too-many-entries',
        file: '@entries.csv',
        line: 4,
        column: 3,
        field: 'agency',
        entry_id: 'KIPP-2018-122',
      },
    ],
  },
  {
    // The second record of the YAML list starts on line 6; its summary has 29 words (limit 20).
    dir: 'text-too-long',
    args: ['@entries.yaml', '--rubric', '@rubric.yaml'],
    exit: 1,
    expected: [{ code: 'text-too-long', file: '@entries.yaml', line: 6, field: 'summary', entry_id: 'KIPP-2018-125' }],
  },
  {
    // A wide row with a mistyped entry id: one problem, at the entry_id cell.
    dir: 'unknown-entry',
    args: ['@entries.csv', '--scores', '@scores.csv', ...AS_OF],
    exit: 1,
    expected: [
      { code: 'unknown-entry', file: '@scores.csv', line: 4, column: 1, field: 'entry_id', entry_id: 'KIPP-2018-013' },
    ],
  },
  {
    dir: 'unknown-judge',
    args: ['@entries.csv', '--scores', '@scores.csv', '--judges', '@judges.csv', ...AS_OF],
    exit: 1,
    expected: [
      { code: 'unknown-judge', file: '@scores.csv', line: 4, column: 2, field: 'judge_id', entry_id: 'KIPP-2018-130' },
      { code: 'unknown-judge', file: '@scores.csv', line: 5, column: 2, field: 'judge_id', entry_id: 'KIPP-2018-131' },
    ],
  },
  {
    dir: 'unknown-criterion',
    args: ['@entries.csv', '--scores', '@scores.csv', ...AS_OF],
    exit: 1,
    expected: [
      {
        code: 'unknown-criterion',
        file: '@scores.csv',
        line: 12,
        column: 3,
        field: 'criterion',
        entry_id: 'KIPP-2018-131',
      },
    ],
  },
  {
    // Line 9 says "tujuh"; line 12 leaves the score empty. KIPP-2018-131 is left with no benefit score.
    dir: 'score-not-a-number',
    args: ['@entries.csv', '--scores', '@scores.csv', ...AS_OF],
    exit: 1,
    expected: [
      { code: 'too-few-judges', file: '@entries.csv', line: 3, entry_id: 'KIPP-2018-131' },
      {
        code: 'score-not-a-number',
        file: '@scores.csv',
        line: 9,
        column: 4,
        field: 'benefit',
        entry_id: 'KIPP-2018-131',
      },
      {
        code: 'score-not-a-number',
        file: '@scores.csv',
        line: 12,
        column: 4,
        field: 'benefit',
        entry_id: 'KIPP-2018-131',
      },
    ],
  },
  {
    // 75 (a percentage) and 0, on a 1–10 scale.
    dir: 'score-out-of-range',
    args: ['@entries.csv', '--scores', '@scores.csv', ...AS_OF],
    exit: 1,
    expected: [
      {
        code: 'score-out-of-range',
        file: '@scores.csv',
        line: 3,
        column: 4,
        field: 'effectiveness',
        entry_id: 'KIPP-2018-131',
      },
      {
        code: 'score-out-of-range',
        file: '@scores.csv',
        line: 4,
        column: 6,
        field: 'replicability',
        entry_id: 'KIPP-2018-131',
      },
    ],
  },
  {
    // J01 scored benefit of KIPP-2018-130 twice (lines 4 and 12): no copy is kept.
    dir: 'duplicate-score',
    args: ['@entries.csv', '--scores', '@scores.csv', ...AS_OF],
    exit: 1,
    expected: [
      { code: 'too-few-judges', file: '@entries.csv', line: 2, entry_id: 'KIPP-2018-130' },
      { code: 'duplicate-score', file: '@scores.csv', line: 4, column: 4, field: 'benefit', entry_id: 'KIPP-2018-130' },
      {
        code: 'duplicate-score',
        file: '@scores.csv',
        line: 12,
        column: 4,
        field: 'benefit',
        entry_id: 'KIPP-2018-130',
      },
    ],
  },
  {
    // min_judges 2; J02 left benefit of KIPP-2018-131 empty.
    dir: 'too-few-judges',
    args: ['@entries.csv', '--scores', '@scores.csv', '--rubric', '@rubric.yaml'],
    exit: 1,
    expected: [{ code: 'too-few-judges', file: '@entries.csv', line: 3, entry_id: 'KIPP-2018-131' }],
  },
  {
    // J03's agency " pemerintah kota  Surabaya" is KIPP-2018-131's, after trimming and folding.
    dir: 'conflict-of-interest',
    args: ['@entries.csv', '--scores', '@scores.csv', '--judges', '@judges.csv', ...AS_OF],
    exit: 0,
    expected: [
      {
        code: 'conflict-of-interest',
        file: '@scores.csv',
        line: 5,
        column: 2,
        field: 'judge_id',
        entry_id: 'KIPP-2018-131',
      },
    ],
  },
  {
    // The misspelled key `normalisation` on line 9, and weights that sum to 90 (line 4): both
    // at once, though one is the schema's and the other a cross-field rule (#16.11).
    dir: 'invalid-rubric',
    args: ['@entries.csv', '--rubric', '@rubric.yaml', ...AS_OF],
    exit: 2,
    expected: [
      { code: 'invalid-rubric', file: '@rubric.yaml', line: 4, field: 'criteria' },
      { code: 'invalid-rubric', file: '@rubric.yaml', line: 9, field: 'normalisation' },
    ],
  },
  {
    // `judul` and `title` both mean title: the second column is ignored.
    dir: 'duplicate-header',
    args: ['@entries.csv', ...AS_OF],
    exit: 1,
    expected: [{ code: 'duplicate-header', file: '@entries.csv', line: 1, column: 3, field: 'title' }],
  },
  {
    dir: 'inline-scores-ignored',
    args: ['@entries.csv', '--scores', '@scores.csv', ...AS_OF],
    exit: 0,
    expected: [{ code: 'inline-scores-ignored', file: '@entries.csv', line: 2 }],
  },
  {
    // Stage values are matched like categories (name, label, alias, number); line 3's
    // `presentasi` is an alias. Line 5 names no stage of the rubric, line 6 names none at all.
    // K25-012 has no presentation scores: a later stage it was not taken to is no error.
    dir: 'unknown-stage',
    args: ['@entries.csv', '--scores', '@scores.csv', '--rubric', '@rubric.yaml'],
    exit: 1,
    expected: [
      { code: 'unknown-stage', file: '@scores.csv', line: 5, column: 3, field: 'stage', entry_id: 'K25-011' },
      { code: 'missing-field', file: '@scores.csv', line: 6, column: 3, field: 'stage', entry_id: 'K25-011' },
    ],
  },
  {
    // #16.7: a header and no rows (a truncated upload) is an error, not "0 errors".
    dir: 'empty-file',
    args: ['@entries.csv', ...AS_OF],
    exit: 1,
    expected: [{ code: 'empty-file', file: '@entries.csv' }],
  },
  {
    // #16.12: J02's sheet was saved as an OpenDocument spreadsheet in the scores folder: refused
    // at that file (a data error), never skipped; README.md is skipped with a note on stderr.
    // (#18: it was an .xlsx, which kipp now reads; the .ods is LibreOffice's conversion of it.)
    dir: 'unsupported-format',
    args: ['@entries.csv', '--scores', '@scores', ...AS_OF],
    exit: 1,
    expected: [{ code: 'unsupported-format', file: '@scores/juri-2.ods' }],
  },
  {
    // #18: J02's returned workbook (sheet Nilai, a title row above the header): the last row's
    // effectiveness cell D6 holds #DIV/0!, so that row is not read (J01's rows carry the entry).
    dir: 'cell-error',
    args: ['@entries.csv', '--scores', '@nilai-J02.xlsx', ...AS_OF],
    exit: 1,
    expected: [
      {
        code: 'cell-error',
        file: '@nilai-J02.xlsx',
        sheet: 'Nilai',
        cell: 'D6',
        line: 6,
        column: 4,
        field: 'effectiveness',
      },
    ],
  },
  {
    // #18: cell E6 holds =AVERAGE(C5,E5) with no stored result (written by a program that does not calculate).
    dir: 'formula-without-value',
    args: ['@entries.csv', '--scores', '@nilai-J02.xlsx', ...AS_OF],
    exit: 1,
    expected: [
      {
        code: 'formula-without-value',
        file: '@nilai-J02.xlsx',
        sheet: 'Nilai',
        cell: 'E6',
        line: 6,
        column: 5,
        field: 'benefit',
      },
    ],
  },
  {
    // #18: cell F6 holds =25/3 stored as 8.333333333333334: a figure nobody typed.
    dir: 'hidden-decimals',
    args: ['@entries.csv', '--scores', '@nilai-J02.xlsx', ...AS_OF],
    exit: 1,
    expected: [
      {
        code: 'hidden-decimals',
        file: '@nilai-J02.xlsx',
        sheet: 'Nilai',
        cell: 'F6',
        line: 6,
        column: 6,
        field: 'replicability',
      },
    ],
  },
  {
    // Registration numbers typed into General cells of the entries workbook: Excel kept 15 of
    // their 16 digits (A4, A5 end in 0). The judge's sheet has them as typed: unknown entries,
    // each suggesting the entry a spreadsheet made of it, and neither entry has a judge.
    dir: 'long-number-id',
    args: ['@pendaftaran.xlsx', '--scores', '@nilai.csv', ...AS_OF],
    exit: 1,
    expected: [
      {
        code: 'unknown-entry',
        file: '@nilai.csv',
        line: 2,
        column: 1,
        field: 'entry_id',
        entry_id: '3510012018000131',
      },
      {
        code: 'unknown-entry',
        file: '@nilai.csv',
        line: 3,
        column: 1,
        field: 'entry_id',
        entry_id: '3578012018000132',
      },
      {
        code: 'too-few-judges',
        file: '@pendaftaran.xlsx',
        sheet: 'Pendaftaran',
        line: 4,
        entry_id: '3510012018000130',
      },
      {
        code: 'long-number-id',
        file: '@pendaftaran.xlsx',
        sheet: 'Pendaftaran',
        cell: 'A4',
        line: 4,
        column: 1,
        field: 'id',
      },
      {
        code: 'too-few-judges',
        file: '@pendaftaran.xlsx',
        sheet: 'Pendaftaran',
        line: 5,
        entry_id: '3578012018000130',
      },
      {
        code: 'long-number-id',
        file: '@pendaftaran.xlsx',
        sheet: 'Pendaftaran',
        cell: 'A5',
        line: 5,
        column: 1,
        field: 'id',
      },
    ],
  },
  {
    // #18: the workbook's one sheet is "Nilai"; asked for "Penilaian", nothing is read, so
    // neither entry has a judge (entries.csv lines 2 and 3).
    dir: 'sheet-not-found',
    args: ['@entries.csv', '--scores', '@nilai-J02.xlsx#Penilaian', ...AS_OF],
    exit: 1,
    expected: [
      { code: 'too-few-judges', file: '@entries.csv', line: 2, entry_id: 'KIPP-2018-130' },
      { code: 'too-few-judges', file: '@entries.csv', line: 3, entry_id: 'KIPP-2018-131' },
      { code: 'sheet-not-found', file: '@nilai-J02.xlsx' },
    ],
  },
  {
    // #18.3: the assignment gives both entries to J01 and J02; only J01's sheet came back.
    // At J02's first row of assignment.csv, its judge_id cell.
    dir: 'missing-sheet',
    args: [
      '@entries.csv',
      '--judges',
      '@judges.csv',
      '--scores',
      '@scores.csv',
      '--assignment',
      '@assignment.csv',
      ...AS_OF,
    ],
    exit: 1,
    expected: [{ code: 'missing-sheet', file: '@assignment.csv', line: 4, column: 2, field: 'judge_id' }],
  },
  {
    // #18.3: J01 was assigned KIPP-2018-130 only, but line 3 scores KIPP-2018-131 too.
    dir: 'unassigned-score',
    args: [
      '@entries.csv',
      '--judges',
      '@judges.csv',
      '--scores',
      '@scores.csv',
      '--assignment',
      '@assignment.csv',
      ...AS_OF,
    ],
    exit: 1,
    expected: [
      {
        code: 'unassigned-score',
        file: '@scores.csv',
        line: 3,
        column: 1,
        field: 'entry_id',
        entry_id: 'KIPP-2018-131',
      },
    ],
  },
  {
    // #18.3: assignment.csv is what `kipp assign --per-entry 2` wrote (--lang en); J02.xlsx is
    // J02's workbook from the same assignment written with --lang id (another assignment.csv,
    // so another id), its scores filled in with exceljs. Until kipp reads workbooks (#18, the
    // reader), the workbook is also refused, and J02 has no score read: missing-sheet.
    dir: 'other-assignment',
    args: [
      '@entries.csv',
      '--judges',
      '@judges.csv',
      '--scores',
      '@J01.csv',
      '@J02.xlsx',
      '--assignment',
      '@assignment.csv',
      ...AS_OF,
    ],
    // J02.xlsx is read (its scores are all assigned pairs): only the other assignment remains.
    exit: 0,
    expected: [{ code: 'other-assignment', file: '@J02.xlsx' }],
  },
  {
    // J01 and J02 scored KIPP-2018-130, J03 and J04 KIPP-2018-131: two panels that share no
    // entry, under a rubric whose zscore normalization compares judges through shared entries.
    dir: 'disconnected-panel',
    args: ['@entries.csv', '--scores', '@scores.csv', '--rubric', '@rubric.yaml', ...AS_OF],
    exit: 0,
    expected: [{ code: 'disconnected-panel' }],
  },
];

const at = (dir: string, s: string) => (s.startsWith('@') ? `fixtures/validate/${dir}/${s.slice(1)}` : s);

interface Json {
  diagnostics: (Place & { severity: string; message: string })[];
  summary: { errors: number; warnings: number; files: number };
}

async function validate(args: string[]): Promise<{ exit: number; json: Json; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const exit = await main({
    argv: ['node', 'kipp', 'validate', ...args, '--format', 'json'],
    env: { TZ: 'Asia/Jakarta' },
    stdout: { write: (s: string | Uint8Array) => ((stdout += String(s)), true) },
    stderr: { write: (s: string | Uint8Array) => ((stderr += String(s)), true) },
  });
  return { exit, json: JSON.parse(stdout) as Json, stderr };
}

function placeOf(d: Json['diagnostics'][number]): Place {
  const { severity: _s, message: _m, ...place } = d;
  return place;
}

describe('one fixture per code: code, file, line, column, field, entry', () => {
  test.each(CASES.map((c) => [c.dir, c] as const))('%s', async (_dir, c) => {
    const { exit, json } = await validate(c.args.map((a) => at(c.dir, a)));
    const expected = c.expected.map((p) => ({ ...p, ...(p.file !== undefined ? { file: at(c.dir, p.file) } : {}) }));
    expect(json.diagnostics.map(placeOf)).toEqual(expected);
    for (const d of json.diagnostics) expect(d.severity).toBe(DIAGNOSTIC_CODES[d.code]);
    expect(json.summary.errors).toBe(expected.filter((p) => DIAGNOSTIC_CODES[p.code] === 'error').length);
    expect(exit).toBe(c.exit);
  });

  test("every fixture folder has a case, and every code of SPEC section 4 (and kipp's own) is raised", () => {
    const folders = readdirSync(new URL('../../fixtures/validate/', import.meta.url), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(CASES.map((c) => c.dir).sort()).toEqual(folders);
    const raised = new Set(CASES.flatMap((c) => c.expected.map((p) => p.code)));
    // cutoff-tie and shortlist-over-size are about a ranking (kipp score), not about the data;
    // invalid-decision and stale-decision about a decisions file (kipp score --decisions), which
    // validate does not read: test/cli/plenary.test.ts raises them.
    const ranking: DiagnosticCode[] = ['cutoff-tie', 'shortlist-over-size', 'invalid-decision', 'stale-decision'];
    const codes = (Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).filter((code) => !ranking.includes(code));
    expect(codes.filter((code) => !raised.has(code))).toEqual([]);
    for (const c of CASES) if (c.dir !== 'clean') expect(c.expected.map((p) => p.code)).toContain(c.dir);
  });
});

describe('the clean submissions folder', () => {
  test('exits 0; the summary counts every file read (5 submissions, scores, judges, rubric)', async () => {
    const c = CASES[0]!;
    const { exit, json } = await validate(c.args.map((a) => at(c.dir, a)));
    expect(exit).toBe(0);
    expect(json.summary).toEqual({ errors: 0, warnings: 0, files: 8 });
  });
});
