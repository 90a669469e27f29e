/**
 * The CSV reader, the number reader and the decoder, one rule at a time.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCompetition } from '../../src/io/competition.js';
import { validateCompetition } from '../../src/validate/competition.js';
import { CsvSyntaxError, parseCsv } from '../../src/io/csv.js';
import { decodeBytes, toUtf8 } from '../../src/io/decode.js';
import { describeNumberProblem, parseScore } from '../../src/io/number.js';
import { describeDateProblem, parseDate } from '../../src/io/date.js';

function rows(text: string | Uint8Array, delimiter?: ',' | ';' | '\t') {
  const out: [number, string[]][] = [];
  const errors: [number, number][] = [];
  const result = parseCsv(
    text,
    {
      header: (cells, line) => out.push([line, [...cells]]),
      row: (cells, line) => out.push([line, [...cells]]),
      error: (e) => errors.push([e.line, e.column]),
    },
    { delimiter },
  );
  return { out, errors, delimiter: result.delimiter, sepLine: result.sepLine };
}

describe('delimiter detection', () => {
  it('reads comma, semicolon and tab from the header', () => {
    expect(rows('a,b\n1,2\n').delimiter).toBe(',');
    expect(rows('a;b\n1;2\n').delimiter).toBe(';');
    expect(rows('a\tb\n1\t2\n').delimiter).toBe('\t');
  });
  it('is not fooled by decimal commas in a semicolon file, nor by a comma inside a header name', () => {
    expect(rows('kode;juri;nilai\nA;J1;8,5\nB;J2;7,25\n').delimiter).toBe(';');
    expect(rows('Kode;Judul, singkat;Instansi\nA;Sapa, Warga;Pemprov\n').delimiter).toBe(';');
  });
  it("honours Excel's sep= line (and keeps line numbers of the file)", () => {
    const r = rows('sep=;\r\na;b\r\n1,5;2\r\n');
    expect([r.delimiter, r.sepLine]).toEqual([';', true]);
    expect(r.out).toEqual([
      [2, ['a', 'b']],
      [3, ['1,5', '2']],
    ]);
  });
  it('a given delimiter wins over detection and over sep=', () => {
    expect(rows('a;b,c\n', ',').out).toEqual([[1, ['a;b', 'c']]]);
    expect(rows('sep=;\na,b\n', ',').out).toEqual([[2, ['a', 'b']]]);
  });
  it('a sep= line naming another delimiter is an error', () => {
    expect(() => parseCsv('sep=|\na|b\n', { header() {}, row() {} })).toThrow(CsvSyntaxError);
  });
});

describe('records and lines', () => {
  it('counts the line breaks inside quotes (CRLF, LF, CR) so later records keep their line', () => {
    const r = rows('id,teks\r\nA,"satu\r\ndua"\r\nB,"x\ny\rz"\r\nC,ok\r\n');
    expect(r.out.map(([line, cells]) => [line, cells[0]])).toEqual([
      [1, 'id'],
      [2, 'A'],
      [4, 'B'],
      [7, 'C'],
    ]);
  });
  it('skips blank lines and rows of empty cells, and keeps trailing empty cells for the caller', () => {
    expect(rows('a;b;;\n1;2;;\n;;;\n\n3;4\n').out).toEqual([
      [1, ['a', 'b', '', '']],
      [2, ['1', '2', '', '']],
      [5, ['3', '4']],
    ]);
  });
  it('reads a quote inside an unquoted cell as a character; text after a closing quote and an unclosed quote are errors with line and column', () => {
    expect(rows('a,b\n1,Layanan "Sapa" Warga\n').out[1]).toEqual([2, ['1', 'Layanan "Sapa" Warga']]);
    const r = rows('a,b\n1,"x"y\n2,ok\n3,"never closed\n4,z\n');
    expect(r.out.map(([l]) => l)).toEqual([1, 3]);
    expect(r.errors).toEqual([
      [2, 2],
      [4, 2],
    ]);
  });
  it('keeps every byte of non-ASCII text, short or long', () => {
    const long = 'Pelayanan Terpadu Satu Pintu — Dinas Penanaman Modal dan PTSP Provinsi Nusa Tenggara Barat';
    expect(rows(`a,b\nKIPP-ü,${long}\n`).out[1]).toEqual([2, ['KIPP-ü', long]]);
  });
  it('returns one string object per distinct short cell (the cache that keeps 5 million rows small)', () => {
    const seen: string[] = [];
    parseCsv('a,b\nKIPP-1,7.5\nKIPP-1,7.5\n', { header() {}, row: (c) => seen.push(...c) });
    expect(seen).toEqual(['KIPP-1', '7.5', 'KIPP-1', '7.5']);
  });
});

describe('strict numbers', () => {
  it.each([
    ['8', false, 8],
    ['8.5', false, 8.5],
    ['.5', false, 0.5],
    ['-0.25', false, -0.25],
    ['8,5', true, 8.5],
    ['8.5', true, 8.5],
    ['0.125', true, 0.125],
    ['10', true, 10],
    ['08', false, 8],
  ])('%s (decimal comma %s) is %s', (text, comma, value) => {
    expect(parseScore(text, comma)).toBe(value);
  });
  it.each([
    ['8,5', false],
    ['1.250', true],
    ['1,250.5', false],
    ['1.250,5', true],
    ['8.5.1', false],
    ['1e1', false],
    ['85%', false],
    ['#VALUE!', true],
    ['delapan', false],
    ['8 5', false],
    ['Infinity', false],
    ['', false],
    ['9'.repeat(400), false],
  ])('%s (decimal comma %s) is not a number', (text, comma) => {
    expect(parseScore(text, comma)).toBeUndefined();
    expect(describeNumberProblem(text, comma)).not.toBe('');
  });
});

describe('decoding', () => {
  const utf16 = (text: string, le: boolean, bom = true) => {
    const body = Buffer.from(text, 'utf16le');
    if (!le) body.swap16();
    return Buffer.concat([bom ? Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), body]);
  };
  it('UTF-8 with and without BOM, UTF-16 LE/BE with BOM and LE without', () => {
    expect(decodeBytes(Buffer.from('\ufeffid;judul\n')).text).toBe('id;judul\n');
    expect(decodeBytes(utf16('id\tjudul\n', true)).text).toBe('id\tjudul\n');
    expect(decodeBytes(utf16('id\tjudul\n', false)).text).toBe('id\tjudul\n');
    expect(decodeBytes(utf16('id,judul\nA,Kafé\n', true, false))).toMatchObject({
      text: 'id,judul\nA,Kafé\n',
      encoding: 'utf-16le',
    });
  });
  it('Windows-1252 with the line of the first byte that is not UTF-8, 0x80–0x9F included', () => {
    const d = toUtf8(
      Buffer.from([...Buffer.from('id,judul\nA,ok\nB,'), 0x93, 0x53, 0x94, 0x20, 0x96, 0x20, 0xe9, 0x0a]),
    );
    expect(d.encoding).toBe('windows-1252');
    expect(d.problems.map((p) => p.line)).toEqual([3]);
    expect(d.utf8.toString()).toBe('id,judul\nA,ok\nB,“S” – é\n');
  });
  it('reports text already damaged (U+FFFD) and broken UTF-16 instead of passing them silently', () => {
    expect(toUtf8(Buffer.from('a\nb\uFFFD\n')).problems.map((p) => p.line)).toEqual([2]);
    const broken = Buffer.concat([utf16('a\n', true), Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
    expect(toUtf8(broken).problems.map((p) => p.line)).toEqual([2]);
  });
});

describe('dates', () => {
  it('reads ISO and day-first Indonesian dates, never the US month-first reading', () => {
    expect(parseDate('2019-01-15')).toBe('2019-01-15');
    expect(parseDate('15/01/2019')).toBe('2019-01-15');
    expect(parseDate('5.1.2019')).toBe('2019-01-05');
    expect(parseDate('01/15/2019')).toBeUndefined();
    expect(parseDate('31/02/2019')).toBeUndefined();
  });
  it('does not guess an Excel serial date (1900 or 1904 system?): it is refused with its own hint', () => {
    expect(parseDate('43480')).toBeUndefined();
    expect(describeDateProblem('43480')).not.toBe(describeDateProblem('kemarin'));
  });
  it('refuses a two-digit year and says why, and how a spreadsheet made it (LibreOffice in Indonesian saves 24/12/23)', () => {
    for (const short of ['24/12/23', '5.1.19', '01-02-26']) {
      expect(parseDate(short)).toBeUndefined();
      expect(describeDateProblem(short)).toMatch(/two-digit year.*century.*DD\/MM\/YYYY.*\.xlsx/);
    }
    expect(describeDateProblem('24/12/2023x')).toMatch(/is not a date/);
  });
});

describe('spreadsheet debris in a table', () => {
  const read = async (csv: string) => {
    const { readTable } = await import('../../src/io/table.js');
    return readTable(
      { path: 'e.csv', bytes: Buffer.from(csv), sha256: '', format: 'csv' },
      { kind: 'entries', criterion: () => undefined },
    );
  };

  it('a value past the last named column (under the empty cells a spreadsheet pads its header with) is an error at its row, which is not read', async () => {
    const t = await read(
      'Kode;Judul;;\r\nA;Sapa Warga;;\r\nB;Lapak Ganjar;catatan;\r\nC;Smart Kampung;lagi;\r\n;;;\r\n',
    );
    expect(t.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
      ['parse-error', 'error', 3, 3],
      ['parse-error', 'error', 4, 3],
    ]);
    expect(t.diagnostics[0]!.message).toContain("past the header's last named column (column 2)");
    expect(t.diagnostics[0]!.message).toContain('give it a header');
    expect(t.records.map((r) => [...r.fields.values()])).toEqual([['A', 'Sapa Warga']]);
    expect(t.decimalComma).toBe(true);
  });

  it('a title cut in two at its comma (LibreOffice with every separator ticked, saved again) never moves the agency into the next field', async () => {
    // id,category,title,agency: the cut title pushes "Dinas Kominfo" under the padded empty
    // header and puts " cepat dan mudah" where the agency belongs. Read as it stands, the entry
    // would count against a quota of an agency called "cepat dan mudah".
    const csv =
      'id,category,title,agency,\r\n' +
      'E1,pelayanan-publik,Sapa Warga,Dinas Kominfo,\r\n' +
      'E2,pelayanan-publik,Layanan, cepat dan mudah,Dinas Kominfo\r\n' +
      'E3,tata-kelola,Lapak Warga,Dinas Pasar,\r\n';
    const t = await read(csv);
    expect(t.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['parse-error', 3, 5]]);
    const message = t.diagnostics[0]!.message;
    expect(message).toContain('column 5 ("Dinas Kominfo")');
    expect(message).toContain('cut in two');
    expect(message).toContain('only its own separator');
    expect(message).not.toContain('score');
    expect(t.records.map((r) => r.fields.get('id'))).toEqual(['E1', 'E3']);
  });

  it('a refused row names its entry only from a first id column: after a cut before a later id column the cell there is not the id', async () => {
    const first = await read('id,title,agency,\r\nE1,Layanan, cepat,Dinas\r\n');
    expect(first.diagnostics.map((d) => [d.line, d.entry_id])).toEqual([[2, 'E1']]);
    // The title cut in two: the id column (2) holds " cepat", not the id E1.
    const later = await read('title,id,agency,\r\nLayanan, cepat,E1,Dinas\r\n');
    expect(later.diagnostics.map((d) => [d.line, d.entry_id])).toEqual([[2, undefined]]);
  });

  it('unknown entries and judges point at the rows of the entries and judges files that were not read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kipp-refused-'));
    const at = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
    const c = loadCompetition({
      entries: [
        at(
          'e.csv',
          'title,id,agency,category,\nSapa Warga,E1,Dinas A,governance,\nLayanan, cepat,E2,Dinas B,governance\n',
        ),
      ],
      judges: at('j.csv', 'id,name,agency,\nJ1,Ani,Dinas C,\nJ2,Budi, M.Sc.,Dinas D\n'),
      scores: [at('s.csv', 'entry_id,judge_id,criterion,score\nE1,J1,novelty,7\nE2,J1,novelty,7\nE1,J2,novelty,8\n')],
    });
    const found = validateCompetition(c, { asOf: '2026-01-01' });
    const message = (code: string) => found.find((d) => d.code === code)?.message ?? '';
    expect(message('unknown-entry')).toContain('check the id; or the entry may be on a row of');
    expect(message('unknown-entry')).toContain('e.csv (line 3) that was not read');
    expect(message('unknown-judge')).toContain('add the judge or correct the id; or the judge may be on a row of');
    expect(message('unknown-judge')).toContain('j.csv (line 3) that was not read');
  });

  it('a column with no header between named ones is ignored, with one unknown-field warning where it first holds a value', async () => {
    const t = await read('Kode;;Judul\r\nA;;Sapa Warga\r\nB;catatan;Lapak Ganjar\r\nC;lagi;Smart Kampung\r\n');
    expect(t.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
      ['unknown-field', 'warning', 3, 2],
    ]);
    expect(t.records.map((r) => [r.fields.get('id'), r.fields.get('title')])).toEqual([
      ['A', 'Sapa Warga'],
      ['B', 'Lapak Ganjar'],
      ['C', 'Smart Kampung'],
    ]);
  });
});
