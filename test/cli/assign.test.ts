/**
 * `kipp assign` end to end on the example competition (48 real-looking entries) and a 15-judge
 * panel with regions and expertise: the files it writes, the rules they keep (checked here from
 * the files, not from the engine), the round trip through `kipp validate` and `kipp score`, and
 * the failures a secretariat meets (infeasible panel, bad options, a folder that already holds
 * sheets, an input in the way). The first run and --help go through the built bin/kipp.js; the
 * others call the same main() in-process, which keeps the file fast.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { kippIn, type Run } from './run.js';
import { tempFolder } from '../tmp.js';

/** The same command in-process (no child process per run: the suite stays fast). */
async function cli(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await main({
    argv: ['node', 'kipp', ...args],
    env: { TZ: 'Asia/Jakarta' },
    stdout: { write: (chunk: string | Uint8Array) => ((stdout += String(chunk)), true) },
    stderr: { write: (chunk: string | Uint8Array) => ((stderr += String(chunk)), true) },
  });
  return { status, stdout, stderr };
}

const ENTRIES = 'fixtures/example/entries.csv';
const JUDGES = 'fixtures/assign/judges.csv';
const CRITERIA = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];
const HEADER = ['entry_id', 'judge_id', 'title', 'agency', 'category', ...CRITERIA, 'comment'];

type Row = Record<string, string>;
const readCsv = (path: string): Row[] =>
  parse<Row>(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true });
const readHeader = (path: string): string[] => parse(readFileSync(path), { bom: true, to_line: 1 })[0]!;
const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
const tempDir = () => tempFolder('kipp-assign-');

const entries = readCsv(ENTRIES);
const judges = readCsv(JUDGES);
const entryById = new Map(entries.map((e) => [e.id!, e]));
const judgeById = new Map(judges.map((j) => [j.id!, j]));

/** Every file under a folder with its bytes, to compare runs. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      if (name.isDirectory()) walk(join(d, name.name), `${prefix}${name.name}/`);
      else out[`${prefix}${name.name}`] = readFileSync(join(d, name.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

describe('kipp assign: the files and the rules they keep', () => {
  const out = join(tempDir(), 'panel-2026');
  const args = [
    'assign',
    ENTRIES,
    '--judges',
    JUDGES,
    '--per-entry',
    '4',
    '--avoid',
    'region',
    '--by',
    'category',
    '--seed',
    'kipp-2026',
    '--output-dir',
    out,
  ];
  let run: Run;
  let pairs: Row[];
  beforeAll(async () => {
    run = await kippIn(args);
    pairs = existsSync(join(out, 'assignment.csv')) ? readCsv(join(out, 'assignment.csv')) : [];
  });

  it('exits 0, prints nothing on stdout and a summary on stderr', () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/48 entries × 4 judges = 192 assignments over 15 judges \(seed kipp-2026\)/);
    expect(run.stderr).toMatch(/judge–entry graph: connected/);
  });

  it('assignment.csv: entry_id, judge_id; every entry exactly 4 different judges', () => {
    expect(readHeader(join(out, 'assignment.csv'))).toEqual(['entry_id', 'judge_id']);
    expect(pairs).toHaveLength(48 * 4);
    for (const e of entries) {
      const mine = pairs.filter((p) => p.entry_id === e.id).map((p) => p.judge_id);
      expect(new Set(mine).size).toBe(4);
    }
  });

  it('no judge on an entry of their own agency or region', () => {
    for (const p of pairs) {
      const e = entryById.get(p.entry_id!)!;
      const j = judgeById.get(p.judge_id!)!;
      expect(fold(e.agency!)).not.toBe(fold(j.agency!));
      expect(fold(e.region!)).not.toBe(fold(j.region!));
    }
  });

  it('loads differ by at most one, and the summary states them', () => {
    const loads = judges.map((j) => pairs.filter((p) => p.judge_id === j.id).length);
    // 192 slots over 15 judges: 12 or 13 each (every judge here may score some entry).
    expect(Math.min(...loads)).toBe(12);
    expect(Math.max(...loads)).toBe(13);
    expect(run.stderr).toMatch(/loads per judge: min 12, max 13/);
  });

  it('counts the avoided conflicts as the pairs sharing an agency or region', () => {
    const conflicts = entries.reduce(
      (sum, e) =>
        sum + judges.filter((j) => fold(e.agency!) === fold(j.agency!) || fold(e.region!) === fold(j.region!)).length,
      0,
    );
    expect(run.stderr).toContain(`conflicts avoided: ${conflicts} judge–entry pairs with the same agency or region`);
  });

  it("one wide sheet per judge: the exact header, the judge's entries with id, title, agency, category, empty criteria", () => {
    const files = readdirSync(join(out, 'sheets')).sort();
    expect(files).toEqual(judges.map((j) => `${j.id}.csv`).sort());
    for (const j of judges) {
      const path = join(out, 'sheets', `${j.id}.csv`);
      expect(readHeader(path)).toEqual(HEADER);
      const rows = readCsv(path);
      const expectedIds = pairs
        .filter((p) => p.judge_id === j.id)
        .map((p) => p.entry_id)
        .sort();
      expect(rows.map((r) => r.entry_id)).toEqual(expectedIds);
      for (const r of rows) {
        const e = entryById.get(r.entry_id!)!;
        expect([r.judge_id, r.title, r.agency, r.category]).toEqual([j.id, e.title, e.agency, e.category]);
        for (const c of [...CRITERIA, 'comment']) expect(r[c]).toBe('');
      }
    }
  });

  it('the same seed writes the same bytes; another seed another assignment', async () => {
    const again = join(tempDir(), 'again');
    expect((await cli(args.map((a) => (a === out ? again : a)))).status).toBe(0);
    expect(snapshot(again)).toEqual(snapshot(out));
    const other = join(tempDir(), 'other');
    expect((await cli(args.map((a) => (a === out ? other : a === 'kipp-2026' ? 'kipp-2027' : a)))).status).toBe(0);
    expect(readFileSync(join(other, 'assignment.csv'), 'utf8')).not.toBe(
      readFileSync(join(out, 'assignment.csv'), 'utf8'),
    );
  });
});

describe('kipp assign: the round trip through validate and score', () => {
  const dir = tempDir();
  const out = join(dir, 'out');

  /** A score from the entry, judge and criterion alone: 1–10 in halves, no randomness to share. */
  const generated = (entryId: string, judgeId: string, criterion: string) => {
    const n = Number(entryId.slice(-3)) * 7 + Number(judgeId.slice(-2)) * 3 + CRITERIA.indexOf(criterion) * 5;
    return 1 + (n % 19) / 2;
  };

  it('the filled sheets validate clean and score to the totals worked out here', async () => {
    const run = await cli([
      'assign',
      ENTRIES,
      '--judges',
      JUDGES,
      '--per-entry',
      '3',
      '--seed',
      '7',
      '--output-dir',
      out,
    ]);
    expect(run.status).toBe(0);
    const sheets = join(out, 'sheets');
    // Fill every criterion cell as a judge would: same header, same rows.
    for (const name of readdirSync(sheets)) {
      const path = join(sheets, name);
      const rows = readCsv(path);
      const lines = [HEADER.join(',')];
      for (const r of rows) {
        for (const c of CRITERIA) r[c] = String(generated(r.entry_id!, r.judge_id!, c));
        lines.push(HEADER.map((h) => `"${(r[h] ?? '').replace(/"/g, '""')}"`).join(','));
      }
      writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`);
    }

    const inputs = [ENTRIES, '--judges', JUDGES, '--scores', sheets, '--as-of', '2026-11-22'];
    const validate = await cli(['validate', ...inputs, '--format', 'json']);
    expect(validate.status).toBe(0);
    expect(JSON.parse(validate.stdout).diagnostics).toEqual([]);

    const score = await cli(['score', ...inputs, '--format', 'json']);
    expect(score.status).toBe(0);
    const report = JSON.parse(score.stdout);
    const pairs = readCsv(join(out, 'assignment.csv'));
    expect(report.entries).toHaveLength(48);
    for (const e of report.entries) {
      expect(e.rank).not.toBeNull();
      expect(e.judges).toBe(3);
      // Default rubric: plain mean per criterion, equal weights, scale 1–10.
      const mine = pairs.filter((p) => p.entry_id === e.id).map((p) => p.judge_id!);
      const means = CRITERIA.map((c) => mine.reduce((s, j) => s + generated(e.id, j, c), 0) / mine.length);
      const total = (100 * (means.reduce((s, x) => s + x, 0) / CRITERIA.length - 1)) / 9;
      expect(e.total).toBeCloseTo(total, 5);
    }
    // Ranked best first.
    const totals = report.entries.map((e: { total: number }) => e.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });
});

describe('#17.10: kipp assign --delimiter and --lang, as kipp export has them', () => {
  // The loader's Indonesian aliases (SPEC section 2), written out here.
  const HEADER_ID = [
    'kode_inovasi',
    'juri',
    'judul',
    'instansi',
    'kategori',
    'kebaruan',
    'efektif',
    'bermanfaat',
    'replikasi',
    'berkelanjutan',
    'komentar',
  ];

  it('#17.10: --delimiter ";" --lang id writes Indonesian headers split by ";", and the sheets filled with decimal commas read back', async () => {
    const out = join(tempDir(), 'penilaian');
    const run = await kippIn([
      'assign',
      ENTRIES,
      '--judges',
      JUDGES,
      '--per-entry',
      '3',
      '--delimiter',
      ';',
      '--lang',
      'id',
      '--output-dir',
      out,
    ]);
    expect(run.status, run.stderr).toBe(0);
    const assignment = readFileSync(join(out, 'assignment.csv'), 'utf8');
    expect(assignment.startsWith('\uFEFFkode_inovasi;juri\r\n')).toBe(true);
    const sheets = join(out, 'sheets');
    for (const name of readdirSync(sheets)) {
      const path = join(sheets, name);
      const text = readFileSync(path, 'utf8');
      expect(text.split('\r\n')[0]).toBe(`\uFEFF${HEADER_ID.join(';')}`);
      const rows = parse<Row>(text, { bom: true, delimiter: ';', columns: true });
      expect(rows.length).toBeGreaterThan(0);
      // A judge fills the sheet in Indonesian-locale Excel: decimal commas, saved with ";".
      const filled = rows.map((r) =>
        HEADER_ID.map((h) =>
          h === 'kebaruan'
            ? '8,5'
            : HEADER_ID.indexOf(h) >= 5 && h !== 'komentar'
              ? '7'
              : `"${r[h]!.replaceAll('"', '""')}"`,
        ).join(';'),
      );
      writeFileSync(path, `\uFEFF${[HEADER_ID.join(';'), ...filled].join('\r\n')}\r\n`);
    }
    const inputs = [ENTRIES, '--judges', JUDGES, '--scores', sheets, '--as-of', '2026-11-22'];
    const validate = await kippIn(['validate', ...inputs, '--format', 'json']);
    expect(JSON.parse(validate.stdout).diagnostics).toEqual([]);
    const score = await kippIn(['score', ...inputs, '--format', 'json']);
    expect(score.status).toBe(0);
    const report = JSON.parse(score.stdout);
    expect(report.entries).toHaveLength(48);
    for (const e of report.entries) expect([e.judges, e.criteria.novelty, e.criteria.benefit]).toEqual([3, 8.5, 7]);
  });

  it('#17.10: KIPP_LANG=id is the default for --lang; tab works; XLSX sheets take the Indonesian headers too', async () => {
    const out = join(tempDir(), 'tab');
    const run = await kippIn(
      [
        'assign',
        ENTRIES,
        '--judges',
        'fixtures/assign/judges-small.csv',
        '--per-entry',
        '2',
        '--delimiter',
        'tab',
        '--output-dir',
        out,
      ],
      { env: { KIPP_LANG: 'id' } },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(out, 'assignment.csv'), 'utf8').startsWith('\uFEFFkode_inovasi\tjuri\r\n')).toBe(true);
    const first = readdirSync(join(out, 'sheets'))[0]!;
    expect(readFileSync(join(out, 'sheets', first), 'utf8').split('\r\n')[0]).toBe(`\uFEFF${HEADER_ID.join('\t')}`);
    // --lang en wins over KIPP_LANG.
    const en = join(tempDir(), 'en');
    expect(
      (
        await kippIn(['assign', ENTRIES, '--judges', JUDGES, '--per-entry', '2', '--lang', 'en', '--output-dir', en], {
          env: { KIPP_LANG: 'id' },
        })
      ).status,
    ).toBe(0);
    expect(readHeader(join(en, 'assignment.csv'))).toEqual(['entry_id', 'judge_id']);

    const xlsx = join(tempDir(), 'xlsx');
    expect(
      (
        await cli([
          'assign',
          ENTRIES,
          '--judges',
          'fixtures/assign/judges-small.csv',
          '--per-entry',
          '2',
          '--lang',
          'id',
          '--sheet-format',
          'xlsx',
          '--output-dir',
          xlsx,
        ])
      ).status,
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      readFileSync(join(xlsx, 'sheets', readdirSync(join(xlsx, 'sheets'))[0]!)) as unknown as ArrayBuffer,
    );
    expect(HEADER_ID.map((_, c) => workbook.worksheets[0]!.getRow(1).getCell(c + 1).value)).toEqual(HEADER_ID);
  });

  it('#17.10: a bad --lang or --delimiter exits 2 before anything is read', async () => {
    for (const bad of [
      ['--lang', 'fr'],
      ['--delimiter', '|'],
    ]) {
      const run = await cli([
        'assign',
        'fixtures/nope/entries.csv',
        '--judges',
        JUDGES,
        '--per-entry',
        '2',
        '--output-dir',
        join(tempDir(), 'o'),
        ...bad,
      ]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(bad.join(' '));
    }
  });
});

describe('kipp assign --sheet-format xlsx', () => {
  it("writes one workbook per judge with the CSV sheet's header and rows, ids as text, and it reads back once saved as CSV", async () => {
    const out = join(tempDir(), 'out');
    const panel = 'fixtures/assign/judges-small.csv';
    const run = await cli([
      'assign',
      ENTRIES,
      '--judges',
      panel,
      '--per-entry',
      '2',
      '--seed',
      '7',
      '--sheet-format',
      'xlsx',
      '--output-dir',
      out,
    ]);
    expect(run.status).toBe(0);
    const pairs = readCsv(join(out, 'assignment.csv'));
    const small = readCsv(panel);
    expect(readdirSync(join(out, 'sheets')).sort()).toEqual(small.map((j) => `${j.id}.xlsx`).sort());
    const lines = [HEADER.join(',')];
    for (const j of small) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(join(out, 'sheets', `${j.id}.xlsx`)) as unknown as ArrayBuffer);
      // The score sheet first; the instructions and the very hidden `kipp` sheet follow (#18.1).
      expect(workbook.worksheets.map((w) => w.state)).toEqual(['visible', 'visible', 'veryHidden']);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.name).toBe(j.id);
      const values = (r: number) => HEADER.map((_, c) => sheet.getRow(r).getCell(c + 1).value);
      expect(values(1)).toEqual(HEADER);
      const ids = pairs
        .filter((p) => p.judge_id === j.id)
        .map((p) => p.entry_id!)
        .sort();
      expect(sheet.rowCount).toBe(1 + ids.length);
      ids.forEach((id, i) => {
        const e = entryById.get(id)!;
        expect(values(i + 2)).toEqual([id, j.id, e.title, e.agency, e.category, ...CRITERIA.map(() => null), null]);
        // A judge fills in the criteria, the secretariat saves the sheet as CSV.
        lines.push(
          [
            id,
            j.id,
            `"${e.title!.replace(/"/g, '""')}"`,
            `"${e.agency}"`,
            e.category,
            ...CRITERIA.map(() => '8'),
            '',
          ].join(','),
        );
      });
    }
    const saved = join(out, 'saved');
    mkdirSync(saved);
    writeFileSync(join(saved, 'all.csv'), `${lines.join('\n')}\n`);
    const validate = await cli([
      'validate',
      ENTRIES,
      '--judges',
      panel,
      '--scores',
      saved,
      '--as-of',
      '2026-11-22',
      '--format',
      'json',
    ]);
    expect(JSON.parse(validate.stdout).diagnostics).toEqual([]);
    expect(validate.status).toBe(0);
  });
});

describe('kipp assign with a rubric of its own criteria, from a spreadsheet in Indonesian', () => {
  it("the sheets take the rubric's criterion ids as columns and read back clean", async () => {
    const dir = tempDir();
    const rubric = join(dir, 'iid.yaml');
    writeFileSync(
      rubric,
      'name: Indeks uji\nscale: { min: 0, max: 100 }\ncriteria:\n  tata_kelola: { weight: 60 }\n  dampak: { weight: 40 }\n',
    );
    const src = 'fixtures/conformance/panel-spreadsheet-id';
    const out = join(dir, 'out');
    const run = await cli([
      'assign',
      `${src}/entries.csv`,
      '--judges',
      `${src}/juri.csv`,
      '--rubric',
      rubric,
      '--per-entry',
      '2',
      '--output-dir',
      out,
    ]);
    expect(run.status).toBe(0);
    const sheets = readdirSync(join(out, 'sheets'));
    expect(sheets.length).toBeGreaterThan(0);
    for (const name of sheets) {
      const path = join(out, 'sheets', name);
      expect(readHeader(path)).toEqual([
        'entry_id',
        'judge_id',
        'title',
        'agency',
        'category',
        'tata_kelola',
        'dampak',
        'comment',
      ]);
      const rows: Row[] = readCsv(path).map((r) => ({ ...r, tata_kelola: '70', dampak: '55,5' }));
      // Saved the way Excel does in an Indonesian locale: semicolons and decimal commas, every
      // cell quoted with inner quotes doubled (RFC 4180).
      const header = ['entry_id', 'judge_id', 'title', 'agency', 'category', 'tata_kelola', 'dampak', 'comment'];
      writeFileSync(
        path,
        `${[header.join(';'), ...rows.map((r) => header.map((h) => `"${(r[h] ?? '').replaceAll('"', '""')}"`).join(';'))].join('\r\n')}\r\n`,
      );
    }
    const validate = await cli([
      'validate',
      `${src}/entries.csv`,
      '--judges',
      `${src}/juri.csv`,
      '--rubric',
      rubric,
      '--scores',
      join(out, 'sheets'),
      '--as-of',
      '2026-11-22',
      '--format',
      'json',
    ]);
    expect(JSON.parse(validate.stdout).diagnostics).toEqual([]);
    expect(validate.status).toBe(0);
  });
});

describe('kipp assign: when it cannot', async () => {
  it('names every entry that cannot get K judges without a conflict, exits 1 and writes nothing', async () => {
    const out = join(tempDir(), 'out');
    const run = await cli([
      'assign',
      ENTRIES,
      '--judges',
      'fixtures/assign/judges-small.csv',
      '--per-entry',
      '3',
      '--avoid',
      'region',
      '--output-dir',
      out,
    ]);
    expect(run.status).toBe(1);
    // Worked out from the files: entries with fewer than 3 judges of another agency and region.
    const small = readCsv('fixtures/assign/judges-small.csv');
    const short = entries
      .filter(
        (e) =>
          small.filter((j) => fold(e.agency!) !== fold(j.agency!) && fold(e.region!) !== fold(j.region!)).length < 3,
      )
      .map((e) => e.id!);
    expect(short.length).toBeGreaterThan(0);
    for (const id of short) expect(run.stderr).toContain(`${id} (`);
    for (const e of entries.filter((x) => !short.includes(x.id!))) expect(run.stderr).not.toContain(`${e.id} (`);
    expect(existsSync(out)).toBe(false);
  });

  it('--per-entry above the number of judges is a usage error (exit 2)', async () => {
    const run = await cli([
      'assign',
      ENTRIES,
      '--judges',
      'fixtures/assign/judges-small.csv',
      '--per-entry',
      '5',
      '--output-dir',
      join(tempDir(), 'o'),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--per-entry 5/);
  });

  it('bad options exit 2 before anything is read', async () => {
    for (const bad of [
      ['--per-entry', '0'],
      ['--per-entry', 'three'],
      ['--per-entry', '2', '--sheet-format', 'ods'],
      ['--per-entry', '2', '--avoid', 'agency'],
      ['--per-entry', '2', '--by', 'region'],
    ]) {
      expect(
        (await cli(['assign', ENTRIES, '--judges', JUDGES, '--output-dir', join(tempDir(), 'o'), ...bad])).status,
      ).toBe(2);
    }
    expect(
      (
        await cli([
          'assign',
          ENTRIES,
          '--judges',
          'fixtures/assign/nope.csv',
          '--per-entry',
          '2',
          '--output-dir',
          join(tempDir(), 'o'),
        ])
      ).status,
    ).toBe(2);
  });

  it('errors in the judges file stop it (exit 1): unknown expertise with --by category, repeated ids always', async () => {
    const out = join(tempDir(), 'out');
    const run = await cli([
      'assign',
      ENTRIES,
      '--judges',
      'fixtures/assign/judges-typo.csv',
      '--per-entry',
      '2',
      '--by',
      'category',
      '--output-dir',
      out,
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/judges-typo\.csv:2: error unknown-category/);
    expect(run.stderr).toMatch(/judges-typo\.csv:3: error duplicate-id/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a folder that already holds sheets unless --force, and never writes over an input', async () => {
    const out = join(tempDir(), 'out');
    const args = ['assign', ENTRIES, '--judges', JUDGES, '--per-entry', '2', '--output-dir', out];
    expect((await cli(args)).status).toBe(0);
    const filled = join(out, 'sheets', 'TPI-01.csv');
    writeFileSync(filled, 'filled in by the judge');
    const again = await cli(args);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/--force/);
    expect(readFileSync(filled, 'utf8')).toBe('filled in by the judge');
    expect((await cli([...args, '--force'])).status).toBe(0);
    expect(readHeader(filled)).toEqual(HEADER);
    // A smaller panel over the same folder: the other judges' sheets are named, not deleted.
    const smaller = await cli([...args.map((a) => (a === JUDGES ? 'fixtures/assign/judges-small.csv' : a)), '--force']);
    expect(smaller.status).toBe(0);
    const small = readCsv('fixtures/assign/judges-small.csv').map((j) => j.id!);
    const gone = judges.map((j) => j.id!).filter((id) => !small.includes(id));
    for (const id of gone) expect(smaller.stderr).toContain(join(out, 'sheets', `${id}.csv`));
    for (const id of small) expect(smaller.stderr).not.toContain(join(out, 'sheets', `${id}.csv`));
    expect(readdirSync(join(out, 'sheets'))).toHaveLength(judges.length);

    // The entries file sits where assignment.csv would go: refused even with --force.
    const dir = tempDir();
    mkdirSync(join(dir, 'sheets'));
    copyFileSync(ENTRIES, join(dir, 'assignment.csv'));
    const before = readFileSync(join(dir, 'assignment.csv'), 'utf8');
    const clash = await cli([
      'assign',
      join(dir, 'assignment.csv'),
      '--judges',
      JUDGES,
      '--per-entry',
      '2',
      '--output-dir',
      dir,
      '--force',
    ]);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toMatch(/input/);
    expect(readFileSync(join(dir, 'assignment.csv'), 'utf8')).toBe(before);
    expect(readdirSync(join(dir, 'sheets'))).toEqual([]);
  });
});

describe('kipp validate: the expertise field', async () => {
  it('reports unknown expertise categories and repeated judge ids with their lines', async () => {
    const run = await cli([
      'validate',
      ENTRIES,
      '--judges',
      'fixtures/assign/judges-typo.csv',
      '--as-of',
      '2026-11-22',
      '--format',
      'json',
    ]);
    expect(run.status).toBe(1);
    const found = JSON.parse(run.stdout).diagnostics.map((d: { code: string; line: number; field: string }) => [
      d.code,
      d.line,
      d.field,
    ]);
    expect(found).toEqual([
      ['unknown-category', 2, 'expertise'],
      ['duplicate-id', 3, 'id'],
      ['unknown-category', 4, 'expertise'],
      ['duplicate-id', 5, 'id'],
    ]);
  });

  it('accepts the realistic panel (ids, Indonesian aliases, numbers, ; and , separators)', async () => {
    const run = await cli(['validate', ENTRIES, '--judges', JUDGES, '--as-of', '2026-11-22', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).diagnostics).toEqual([]);
  });
});

it('kipp assign --help shows an example', async () => {
  const run = await kippIn(['assign', '--help']);
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/Examples:\n\s+kipp assign /);
});
