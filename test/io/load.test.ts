/**
 * Loading entries from YAML, JSON and folders, with Indonesian aliases and without casts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCompetition } from '../../src/io/competition.js';
import { scoreCompetition } from '../../src/scoring/score.js';
import { KippError } from '../../src/model/diagnostic.js';
import { numberIdKey, rowNumberColumns } from '../../src/model/names.js';
import { ROOT } from '../cli/run.js';
import { tempFolder } from '../tmp.js';

const dir = join(ROOT, 'fixtures/loading/submissions');

describe('a folder of one-entry YAML/JSON files', () => {
  const competition = loadCompetition({ entries: [dir] });

  it('reads .yaml, .yml and .json in sorted order and skips other files', () => {
    expect(competition.inputs.map((i) => i.path.slice(dir.length + 1))).toEqual([
      'KIPP-001.yaml',
      'KIPP-002.yml',
      'KIPP-003.json',
    ]);
    expect(competition.entries.map((e) => e.id)).toEqual(['08123', 'KIPP-002', 'KIPP-003']);
  });

  it('never casts: an id 08123 stays 08123, a date stays as written', () => {
    expect(competition.entries[0]!.id).toBe('08123');
    expect(competition.entries[0]!.implementedSinceRaw).toBe('15/01/2019');
  });

  it('maps Indonesian keys to fields and criteria', () => {
    const e = competition.entries[0]!;
    expect([e.title, e.agency, e.agencyTypeRaw, e.categoryRaw]).toEqual([
      'Sapa Warga',
      'Pemerintah Provinsi Jawa Barat',
      'provinsi',
      'Transparansi',
    ]);
    expect(Object.fromEntries([...e.inlineScores].map(([k, v]) => [k, v.text]))).toEqual({
      novelty: '8.5',
      effectiveness: '8',
      benefit: '9',
      replicability: '7.5',
      sustainability: '8',
    });
  });

  it('records the line each record starts on', () => {
    expect(competition.entries.map((e) => e.source.line)).toEqual([2, 1, 1]);
    expect(competition.diagnostics).toEqual([]);
  });

  it('scores inline criteria as one judge, with categories by label, number and alias', () => {
    const result = scoreCompetition(competition, { asOf: '2026-11-22' });
    // means 8.7, 8.2, 7.7 on 1–10 → 100·(m − 1)/9
    expect(result.entries.map((e) => [e.id, e.rank, e.total, e.category])).toEqual([
      ['KIPP-002', 1, 85.555556, 'collaboration'],
      ['08123', 2, 80, 'transparency'],
      ['KIPP-003', 3, 74.444444, 'governance'],
    ]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('missing inputs', () => {
  it('names every missing file at once and is a usage error', () => {
    try {
      loadCompetition({ entries: ['nope-1.csv', dir], scores: ['nope-2.csv'] });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(KippError);
      expect((err as KippError).kind).toBe('usage');
      expect((err as KippError).diagnostics.map((d) => [d.code, d.file])).toEqual([
        ['file-not-found', 'nope-1.csv'],
        ['file-not-found', 'nope-2.csv'],
      ]);
    }
  });
});

describe('issue 16 through the library (loadCompetition)', () => {
  it("#16.12: a folder's other files: notes.txt is skipped with a note, not a diagnostic", () => {
    const notes: string[] = [];
    const c = loadCompetition({ entries: [dir], note: (m) => notes.push(m) });
    expect(c.diagnostics).toEqual([]);
    expect(notes).toEqual([`${dir}: skipped notes.txt (not data: hidden, lock or documentation files)`]);
  });

  it('#16.12: a workbook is refused by its first bytes (unsupported-format), whatever its name, and is not an input', () => {
    const tmp = tempFolder('kipp-load-');
    const fake = join(tmp, 'entries.csv');
    writeFileSync(fake, Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const c = loadCompetition({ entries: [dir, fake] });
    expect(c.diagnostics.map((d) => [d.code, d.file])).toEqual([['unsupported-format', fake]]);
    expect(c.diagnostics[0]!.message).toMatch(/legacy Excel workbook \(\.xls\)/);
    expect(c.inputs.map((i) => i.path)).not.toContain(fake);
    expect(c.entries.map((e) => e.id)).toEqual(['08123', 'KIPP-002', 'KIPP-003']);
  });

  it('#16.8: the same file through a folder and by name is a usage error before anything is read', () => {
    expect(() => loadCompetition({ entries: [dir, join(dir, 'KIPP-002.yml')] })).toThrow(KippError);
  });

  it('#16.13: row-number headers and the keys of ids a spreadsheet may have made numbers (leading zeros, 15 digits)', () => {
    expect([...rowNumberColumns(['No', 'Kode', 'Judul'], 'entries')]).toEqual([0]);
    expect([...rowNumberColumns(['No', 'Judul'], 'entries')]).toEqual([]);
    expect([...rowNumberColumns(['#', 'Judul'], 'entries')]).toEqual([0]);
    expect([...rowNumberColumns([' Nomor ', 'Kode Inovasi'], 'entries')]).toEqual([0]);
    expect([...rowNumberColumns(['No', 'Kode Juri'], 'judges')]).toEqual([0]);
    expect([...rowNumberColumns(['No', 'Kode Inovasi'], 'scores')]).toEqual([]);
    expect([numberIdKey('08123'), numberIdKey('8123'), numberIdKey('000'), numberIdKey('K-08')]).toEqual([
      '8123',
      '8123',
      '0',
      undefined,
    ]);
    // 15 significant digits kept, the rest zeros: a 16-digit id typed into a number cell and
    // what the spreadsheet kept share a key; 15 digits are kept whole.
    expect([
      numberIdKey('3510012018000131'),
      numberIdKey('3510012018000130'),
      numberIdKey('03510012018000139'),
      numberIdKey('351001201800013'),
      numberIdKey('12345678901234567890'),
    ]).toEqual(['3510012018000130', '3510012018000130', '3510012018000130', '351001201800013', '12345678901234500000']);
  });
});
