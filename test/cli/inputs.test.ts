/**
 * Issue 16, items 7, 8, 9, 12 and 13, end to end (the built bin/kipp.js), where the user sees
 * them: empty files, the same input twice, duplicate messages that grow linearly, files kipp
 * cannot read (in a folder and by name), and spreadsheet habits (row numbers, lost zeros).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kipp, kippIn, ROOT } from './run.js';
import { tempFolder } from '../tmp.js';

const HEADER = 'id,title,agency,category,implemented_since';
const ENTRIES = `${HEADER}\nK-1,Sapa Warga,Dinas A,1,2015-01-01\nK-2,Lapor Cepat,Dinas B,2,2015-01-01\n`;
const SCORES =
  'entry_id,judge_id,novelty,effectiveness,benefit,replicability,sustainability\nK-1,J1,8,8,8,8,8\nK-2,J1,6,6,6,6,6\n';
const AS_OF = ['--as-of', '2026-01-01'];

interface Found {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  field?: string;
  entry_id?: string;
  message: string;
}

let dir: string;
const at = (name: string) => join(dir, name);
const write = (name: string, content: string | Uint8Array) => {
  writeFileSync(at(name), content);
  return at(name);
};
/** In this process (kippIn), or spawned (kipp) when the run reads standard input. */
const runKipp = async (args: string[], input?: string | Uint8Array) =>
  input === undefined ? await kippIn(args, { cwd: dir }) : kipp(args, { cwd: dir, input });
/** `kipp validate … --format json` in the temporary folder: exit code, diagnostics, stderr. */
async function validate(args: string[], input?: string | Uint8Array) {
  const run = await runKipp(['validate', ...args, ...AS_OF, '--format', 'json'], input);
  const found: Found[] = run.stdout === '' ? [] : JSON.parse(run.stdout).diagnostics;
  return { status: run.status, found, stderr: run.stderr, stdout: run.stdout };
}
async function score(args: string[], input?: string | Uint8Array) {
  return await runKipp(['score', ...args, ...AS_OF, '--format', 'json'], input);
}
const codes = (found: Found[]) => found.map((d) => [d.code, d.file]);

// An Excel workbook's first bytes (a ZIP local file header), a legacy .xls (OLE), a PDF.
const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
const OLE = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00]);
const PDF = new TextEncoder().encode('%PDF-1.4\n%\xe2\xe3\n1 0 obj\n');

beforeAll(() => {
  dir = tempFolder('kipp-inputs-');
  write('entries.csv', ENTRIES);
  write('scores.csv', SCORES);
  // The CI layout, one YAML file per entry; b.yaml was truncated to nothing.
  mkdirSync(at('submissions'), { recursive: true });
  write(
    'submissions/a.yaml',
    'id: K-1\ntitle: Sapa Warga\nagency: Dinas A\ncategory: 1\nimplemented_since: 2015-01-01\n',
  );
  write('submissions/b.yaml', '');
});

describe('#16.7: a file that yields no records is an error', () => {
  it.each([
    ['empty', ''],
    ['BOM-only', '\ufeff'],
    ['header-only', `${HEADER}\n`],
    ['header and blank rows', `${HEADER}\r\n,,,,\r\n\r\n`],
  ])('#16.7: an %s entries file: empty-file, validate and score exit 1', async (name, content) => {
    const file = write(`entries-${name}.csv`, content);
    const v = await validate([file]);
    expect(v.status).toBe(1);
    expect(codes(v.found)).toEqual([['empty-file', file]]);
    expect((await score([file])).status).toBe(1);
  });

  it('#16.7: a YAML entries file holding an empty list, and an empty YAML submission in a folder', async () => {
    const file = write('entries-empty.yaml', '[]\n');
    expect(codes((await validate([file])).found)).toEqual([['empty-file', file]]);
    const v = await validate([at('submissions')]);
    expect(v.status).toBe(1);
    expect(codes(v.found)).toEqual([['empty-file', at('submissions/b.yaml')]]);
  });

  it('#16.7: a header-only score sheet and a header-only judges file are errors too', async () => {
    const sheet = write('scores-header.csv', 'entry_id,judge_id,criterion,score\n');
    const judges = write('judges-header.csv', 'id,name,agency,region\n');
    // The real sheet scores every entry: only the two empty files are wrong.
    const v = await validate([at('entries.csv'), '--scores', at('scores.csv'), sheet]);
    expect(v.status).toBe(1);
    expect(codes(v.found)).toEqual([['empty-file', sheet]]);
    const s = await score([at('entries.csv'), '--scores', at('scores.csv'), sheet]);
    expect(s.status).toBe(1);
    expect(s.stderr).toContain('empty-file');
    const j = await validate([at('entries.csv'), '--scores', at('scores.csv'), '--judges', judges]);
    expect(j.found.filter((d) => d.code === 'empty-file').map((d) => d.file)).toEqual([judges]);
  });

  it('#16.7: a header with none of the required columns is one missing-field at the header that names them', async () => {
    const file = write('entries-wrong.csv', 'entry_id,judge_id,criterion,score\nK-1,J1,novelty,8\nK-2,J1,novelty,7\n');
    const v = await validate([file]);
    expect(v.status).toBe(1);
    expect(v.found.map((d) => [d.code, d.line, d.field])).toEqual([['missing-field', 1, 'id']]);
    for (const name of ['id', 'title', 'agency', 'category', 'kode', 'judul', 'instansi', 'kategori'])
      expect(v.found[0]!.message).toContain(name);
    const judges = write('judges-wrong.csv', 'nama,instansi\nBudi,Universitas A\n');
    const j = await validate([at('entries.csv'), '--judges', judges]);
    expect(j.found.filter((d) => d.file === judges).map((d) => [d.code, d.line, d.field])).toEqual([
      ['missing-field', 1, 'id'],
    ]);
  });
});

describe('#16.8: the same input twice is a usage error, before anything is read', () => {
  beforeAll(() => symlinkSync(at('entries.csv'), at('link.csv')));
  it.each([
    ['a file twice', ['entries.csv', 'entries.csv'], /entries\.csv is named twice/],
    [
      'a path and its ./ variant',
      ['entries.csv', './entries.csv'],
      /entries\.csv and \.\/entries\.csv are the same file/,
    ],
    ['a path and a symlink to it', ['entries.csv', 'link.csv'], /are the same file/],
    [
      'a sheet given as scores and as judges',
      ['entries.csv', '--scores', 'scores.csv', '--judges', 'scores.csv'],
      /as scores and as judges/,
    ],
    [
      'a folder and a file inside it',
      ['submissions', 'submissions/a.yaml'],
      /submissions\/a\.yaml is named twice \(by submissions and by submissions\/a\.yaml, both as entries\)/,
    ],
  ])('#16.8: %s: exit 2 with a message that says so, for validate and score', async (_name, args, message) => {
    const v = await kippIn(['validate', ...args, ...AS_OF], { cwd: dir });
    expect(v.status).toBe(2);
    expect(v.stdout).toBe('');
    expect(v.stderr).toMatch(message);
    expect(v.stderr).not.toMatch(/duplicate-(id|title|score)/);
    expect((await kippIn(['score', ...args, ...AS_OF], { cwd: dir })).status).toBe(2);
  });

  it('#16.8: - twice (entries and scores from standard input): exit 2', () => {
    const run = kipp(['validate', '-', '--scores', '-', ...AS_OF], { cwd: dir, input: ENTRIES });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/standard input \(-\) is named twice/);
  });
});

describe('#16.9: duplicate messages name the first occurrence and a count', () => {
  it('#16.9: 2,000 entries sharing a title: 2,000 errors, each message short, the JSON under 2 MB (was 100 MB)', async () => {
    const n = 2000;
    const rows = Array.from({ length: n }, (_, i) => `K-${i + 1},Judul Inovasi,Dinas ${i + 1},1,2015-01-01`);
    const file = write('same-title.csv', `${HEADER}\n${rows.join('\n')}\n`);
    const v = await validate([file]);
    expect(v.status).toBe(1);
    expect(v.found.length).toBe(n);
    expect(v.found.every((d) => d.code === 'duplicate-title')).toBe(true);
    expect(v.stdout.length).toBeLessThan(2 * 2 ** 20);
    // Line 2 is the first: it names line 3; every other names line 2; all say 1,998 more, 2,000 in all.
    expect(v.found[0]!.message).toContain(`${file}:3 and 1,998 more (2,000 in all)`);
    for (const d of v.found.slice(1)) expect(d.message).toContain(`${file}:2 and 1,998 more (2,000 in all)`);
    expect(Math.max(...v.found.map((d) => d.message.length))).toBeLessThan(300 + file.length);
  });

  it('#16.9: duplicate-id (entries and judges) and duplicate-score name one other place', async () => {
    const entries = write(
      'same-id.csv',
      `${HEADER}\nK-9,A,Dinas A,1,2015-01-01\nK-9,B,Dinas B,1,2015-01-01\nK-9,C,Dinas C,1,2015-01-01\n`,
    );
    const ids = (await validate([entries])).found.filter((d) => d.code === 'duplicate-id');
    expect(ids.map((d) => d.line)).toEqual([2, 3, 4]);
    expect(ids.map((d) => d.message.match(/also used at (\S+)/)![1])).toEqual([
      `${entries}:3`,
      `${entries}:2`,
      `${entries}:2`,
    ]);
    expect(ids[0]!.message).toContain('and 1 more (3 in all)');
    const judges = write('same-judge.csv', 'id,name\nJ1,A\nJ1,B\n');
    const j = (await validate([at('entries.csv'), '--scores', at('scores.csv'), '--judges', judges])).found.filter(
      (d) => d.code === 'duplicate-id',
    );
    expect(j.map((d) => d.message.match(/also used at (\S+):/)![1])).toEqual([`${judges}:3`, `${judges}:2`]);
    const sheet = write(
      'same-score.csv',
      'entry_id,judge_id,criterion,score\nK-1,J1,novelty,8\nK-1,J1,novelty,8\nK-1,J1,novelty,7\n',
    );
    const s = (await validate([at('entries.csv'), '--scores', sheet])).found.filter(
      (d) => d.code === 'duplicate-score',
    );
    expect(s.map((d) => d.line)).toEqual([2, 3, 4]);
    for (const d of s) expect(d.message).toContain('and 1 more (3 in all)');
  });
});

describe('#16.12: no file in a named folder is skipped silently; workbooks are refused with the way out', () => {
  beforeAll(() => {
    mkdirSync(at('nilai/sub'), { recursive: true });
    write('nilai/juri-1.csv', SCORES);
    write('nilai/juri-2.xlsx', ZIP);
    write('nilai/juri-3.xls', OLE);
    write('nilai/juri-4.ods', ZIP);
    write('nilai/scan.pdf', PDF);
    write('nilai/juri-5.tsv', SCORES.replaceAll(',', '\t'));
    write('nilai/juri-6.txt', SCORES.replaceAll(',', '\t'));
    write('nilai/sub/juri-7.csv', SCORES);
    write('nilai/README.md', '# Nilai\n');
    write('nilai/catatan.txt', 'Juri 3 menyusul, lihat email.\n');
    write('nilai/.DS_Store', ZIP);
  });

  it('#16.12: every file of a --scores folder is read, refused (an error naming it) or skipped with a note; validate and score exit 1', async () => {
    const v = await validate([at('entries.csv'), '--scores', at('nilai')]);
    expect(v.status).toBe(1);
    expect(codes(v.found)).toEqual(
      ['juri-2.xlsx', 'juri-3.xls', 'juri-4.ods', 'juri-5.tsv', 'juri-6.txt', 'scan.pdf', 'sub'].map((name) => [
        'unsupported-format',
        at(`nilai/${name}`),
      ]),
    );
    const message = (name: string) => v.found.find((d) => d.file === at(`nilai/${name}`))!.message;
    // #18: a real .xlsx is read; this one holds a ZIP header and nothing else (no workbook inside).
    expect(message('juri-2.xlsx')).toMatch(/named \.xlsx but holds no Excel workbook.*save it again as \.xlsx/);
    expect(message('juri-3.xls')).toMatch(
      /legacy Excel workbook \(\.xls\).*Save As > Excel Workbook \(\.xlsx\).*soffice --headless --convert-to xlsx juri-3\.xls/,
    );
    expect(message('juri-4.ods')).toMatch(/OpenDocument spreadsheet.*soffice --headless --convert-to xlsx juri-4\.ods/);
    expect(message('scan.pdf')).toMatch(/PDF document/);
    expect(message('juri-5.tsv')).toMatch(/name it on the command line/);
    expect(message('sub')).toMatch(/folder inside a named folder/);
    // Not data: named on stderr, not silently dropped.
    expect(v.stderr).toMatch(/nilai: skipped \.DS_Store, README\.md, catatan\.txt/);
    const s = await score([at('entries.csv'), '--scores', at('nilai')]);
    expect(s.status).toBe(1);
    expect(s.stderr).toContain('unsupported-format');
  });

  it('#16.12: a workbook named as a file, named .csv, or piped to -, is refused by its bytes, never decoded as text', async () => {
    const xlsx = write('nilai.xlsx', ZIP);
    const disguised = write('nilai-xlsx.csv', ZIP);
    for (const sheet of [xlsx, disguised]) {
      const v = await validate([at('entries.csv'), '--scores', sheet]);
      expect(v.status).toBe(1);
      expect(v.found.filter((d) => d.file === sheet).map((d) => d.code)).toEqual(['unsupported-format']);
      expect(v.found.some((d) => d.code === 'encoding')).toBe(false);
      expect((await score([at('entries.csv'), '--scores', sheet])).status).toBe(1);
    }
    const piped = await validate(['-'], ZIP);
    expect(piped.status).toBe(1);
    expect(codes(piped.found)).toEqual([['unsupported-format', '-']]);
    expect(piped.found[0]!.message).toMatch(/standard input is a ZIP file/);
  });

  it('#16.12: a tab-separated .tsv or .txt named on the command line is still read', async () => {
    const v = await validate([at('entries.csv'), '--scores', at('nilai/juri-5.tsv')]);
    expect(v.status).toBe(0);
    expect(v.found).toEqual([]);
  });
});

describe('#16.13: spreadsheet habits', () => {
  it.each([['No'], ['No.'], ['#'], ['Nomor'], ['No Urut']])(
    '#16.13: a leading row-number column %s next to Kode: loads, with Kode as the id and no warning',
    async (rowNumber) => {
      const file = write(
        `rownum-${rowNumber.replace(/\W/g, '_')}.csv`,
        `${rowNumber},Kode,Judul,Instansi,Kategori,Tanggal Implementasi\n1,K-1,Sapa Warga,Dinas A,1,2015-01-01\n2,K-2,Lapor Cepat,Dinas B,2,2015-01-01\n`,
      );
      const v = await validate([file, '--scores', at('scores.csv')]);
      expect(v.found).toEqual([]);
      expect(v.status).toBe(0);
      const ranked = JSON.parse((await score([file, '--scores', at('scores.csv')])).stdout).entries.map(
        (e: { id: string; rank: number }) => [e.id, e.rank],
      );
      expect(ranked).toEqual([
        ['K-1', 1],
        ['K-2', 2],
      ]);
    },
  );

  it('#16.13: No alone is still the id (SPEC 2); Kode Inovasi is the id of an entries file', async () => {
    const alone = write(
      'no-alone.csv',
      'No,Judul,Instansi,Kategori,Tanggal Implementasi\nK-1,Sapa Warga,Dinas A,1,2015-01-01\nK-2,Lapor Cepat,Dinas B,2,2015-01-01\n',
    );
    expect((await validate([alone, '--scores', at('scores.csv')])).found).toEqual([]);
    const kode = write(
      'kode-inovasi.csv',
      'No,Kode Inovasi,Judul Inovasi,Instansi,Kategori,Tanggal Implementasi\n1,K-1,Sapa Warga,Dinas A,1,2015-01-01\n2,K-2,Lapor Cepat,Dinas B,2,2015-01-01\n',
    );
    const v = await validate([kode, '--scores', at('scores.csv')]);
    expect(v.found).toEqual([]);
    expect(v.status).toBe(0);
  });

  it('#16.13: an id that lost its leading zero gets "did you mean" (entries and judges, both directions)', async () => {
    const entries = write(
      'zero-entries.csv',
      `${HEADER}\n08123,Sapa Warga,Dinas A,1,2015-01-01\n8124,Lapor Cepat,Dinas B,2,2015-01-01\n`,
    );
    const judges = write('zero-judges.csv', 'id,name\n007,Budi\n');
    const sheet = write(
      'zero-scores.csv',
      'entry_id,judge_id,criterion,score\n8123,007,novelty,8\n08124,007,novelty,8\n08123,7,novelty,8\nK-77,007,novelty,8\n',
    );
    const v = await validate([entries, '--scores', sheet, '--judges', judges]);
    expect(v.status).toBe(1);
    const unknown = v.found
      .filter((d) => d.code === 'unknown-entry' || d.code === 'unknown-judge')
      .map((d) => [d.code, d.line, d.message.match(/did you mean "([^"]+)"/)?.[1]]);
    expect(unknown).toEqual([
      ['unknown-entry', 2, '08123'],
      ['unknown-entry', 3, '8124'],
      ['unknown-judge', 4, '007'],
      ['unknown-entry', 5, undefined],
    ]);
  });

  it('an id a spreadsheet kept to 15 digits gets "did you mean" with that reason; one differing in its first 15 digits does not', async () => {
    const entries = write(
      'long-entries.csv',
      `${HEADER}\n3510012018000130,Sapa Warga,Dinas A,1,2015-01-01\n3510012018000240,Lapor Cepat,Dinas B,2,2015-01-01\n`,
    );
    const sheet = write(
      'long-scores.csv',
      'entry_id,judge_id,criterion,score\n3510012018000131,J1,novelty,8\n3510012018000139,J1,benefit,8\n3510012018000141,J1,novelty,8\n',
    );
    const v = await validate([entries, '--scores', sheet]);
    const unknown = v.found
      .filter((d) => d.code === 'unknown-entry')
      .map((d) => [d.line, d.message.match(/did you mean "([^"]+)"\? (A spreadsheet keeps 15 digits)?/)?.slice(1)]);
    expect(unknown).toEqual([
      [2, ['3510012018000130', 'A spreadsheet keeps 15 digits']],
      [3, ['3510012018000130', 'A spreadsheet keeps 15 digits']],
      [4, undefined],
    ]);
  });
});

describe('fixture folders stay as documented', () => {
  it('#16.12: fixtures/validate/unsupported-format has a real workbook and a README next to a CSV sheet', async () => {
    const v = await kippIn(
      [
        'validate',
        'fixtures/validate/unsupported-format/entries.csv',
        '--scores',
        'fixtures/validate/unsupported-format/scores',
        '--as-of',
        '2018-03-10',
      ],
      { cwd: ROOT },
    );
    expect(v.status).toBe(1);
    expect(v.stderr).toMatch(/skipped README\.md/);
  });
});
