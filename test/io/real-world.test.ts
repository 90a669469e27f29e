/**
 * Real-world files (fixtures/real-world): the same four entries and 60 scores saved the way
 * Indonesian-locale spreadsheets save them must load to exactly what the clean CSV loads to;
 * what cannot be read is an error at its file, line and field, never a silently wrong number.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/csv.js';
import { loadCompetition } from '../../src/io/competition.js';
import type { Competition } from '../../src/model/records.js';
import { scoreCompetition } from '../../src/scoring/score.js';
import { kippIn, ROOT } from '../cli/run.js';

const dir = join(ROOT, 'fixtures/real-world');
const at = (...p: string[]) => join(dir, ...p);

function load(entries: string, scores: string): Competition {
  return loadCompetition({ entries: [entries], scores: [scores] });
}

/** What a record holds, whatever file it came from. */
function entryValues(c: Competition) {
  return c.entries.map((e) => ({
    id: e.id,
    title: e.title,
    agency: e.agency,
    region: e.region,
    fields: Object.fromEntries([...e.fields].filter(([k]) => !['id', 'title', 'agency', 'region'].includes(k))),
  }));
}

/** entryValues without the fields an Indonesian file writes its own way (resolved alike when scored). */
function writtenAlike(c: Competition) {
  return entryValues(c).map((e) => ({
    ...e,
    fields: { ...e.fields, category: undefined, agency_type: undefined, implemented_since: undefined },
  }));
}

function scoreValues(c: Competition) {
  const result = scoreCompetition(c, { asOf: '2026-11-22' });
  return {
    entries: result.entries.map((e) => [e.id, e.rank, e.total, e.criteria, e.category]),
    diagnostics: result.diagnostics.map((d) => d.code),
  };
}

const clean = load(at('clean/entries.csv'), at('clean/scores.csv'));

describe('the clean version', () => {
  it('loads without a diagnostic and keeps ids, phone numbers, postcodes and 16-digit NIKs as text', () => {
    // telepon, kode_pos and nik_petugas are pass-through columns: kept, with a warning each
    expect(clean.diagnostics.map((d) => [d.code, d.field])).toEqual([
      ['unknown-field', 'telepon'],
      ['unknown-field', 'kode_pos'],
      ['unknown-field', 'nik_petugas'],
    ]);
    const first = clean.entries[0]!;
    expect(first.id).toBe('007');
    expect([first.fields.get('telepon'), first.fields.get('kode_pos'), first.fields.get('nik_petugas')]).toEqual([
      '081234567890',
      '40115',
      '3273012345678901',
    ]);
    expect(first.title).toBe('Layanan “Sapa Warga” – Jawa Barat');
    expect(clean.entries[1]!.fields.get('summary')).toBe(
      'UMKM berjualan gratis di media sosial gubernur;\nlebih dari 10 ribu pelaku usaha.',
    );
    expect(clean.scores.length).toBe(60);
  });

  it('scores to totals computed by hand', () => {
    const result = scoreCompetition(clean, { asOf: '2026-11-22' });
    // Entry 007, judges J01–J03 (values from the fixture): novelty 7.5, 8.5, 6 → mean 22/3, …
    const texts = (id: string, c: string) =>
      [...clean.scores].filter((r) => r.entryId === id && r.criterionRaw === c).map((r) => Number(r.text));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const criteria = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];
    const total007 = (100 * (mean(criteria.map((c) => mean(texts('007', c)))) - 1)) / 9;
    expect(result.entries.find((e) => e.id === '007')!.total).toBeCloseTo(total007, 6);
  });
});

describe.each([
  [
    'excel-id',
    'entries.csv',
    'nilai.csv',
    'BOM, semicolons, decimal commas, CRLF, Indonesian headers and values, DD/MM/YYYY, NBSP and zero-width spaces, trailing ;; columns and ;;;; rows',
  ],
  ['sep-line', 'entries.csv', 'nilai.csv', "Excel's sep=; first line"],
  [
    'unicode-text',
    'entries.txt',
    'nilai.txt',
    'Excel "Unicode text": UTF-16 LE with BOM, tab-delimited, decimal commas',
  ],
  ['utf16be', 'entries.csv', 'nilai.csv', 'UTF-16 BE with BOM, comma-delimited'],
])('%s (%s)', (name, entries, scores) => {
  const loaded = load(at(name, entries), at(name, scores));

  it('loads to the same entries as the clean CSV, without a diagnostic', () => {
    expect(loaded.diagnostics.map((d) => [d.code, d.field])).toEqual(clean.diagnostics.map((d) => [d.code, d.field]));
    expect(writtenAlike(loaded)).toEqual(writtenAlike(clean));
  });

  it('scores exactly as the clean CSV', () => {
    expect(scoreValues(loaded)).toEqual(scoreValues(clean));
  });
});

describe('windows-1252', () => {
  const loaded = load(at('windows-1252/entries.csv'), at('windows-1252/nilai.csv'));
  it('reads curly quotes and dashes, and warns once per file at the first byte that is not UTF-8', () => {
    expect(
      loaded.diagnostics.filter((d) => d.code === 'encoding').map((d) => [d.file?.split('/').pop(), d.line]),
    ).toEqual([['entries.csv', 2]]);
    expect(loaded.entries[0]!.title).toBe('Layanan “Sapa Warga” – Jawa Barat');
    expect(JSON.stringify(loaded.entries.map((e) => [e.title, e.agency]))).not.toContain('\uFFFD');
  });
  it('scores exactly as the clean CSV', () => {
    const s = scoreValues(loaded);
    expect(s.entries).toEqual(scoreValues(clean).entries);
  });
});

describe('errors at their place', () => {
  // The errors of interest (the fixtures' entries have no scores in these sheets: too-few-judges)
  const codes = (c: Competition) =>
    scoreCompetition(c, { asOf: '2026-11-22' })
      .diagnostics.filter((d) => d.severity === 'error' && d.code !== 'too-few-judges')
      .map((d) => [d.code, d.line, d.column ?? null, d.field ?? null]);

  it('an unquoted decimal comma in a comma-separated sheet is a parse error, never the score 8; a quoted one is not a number', () => {
    const c = load(at('clean/entries.csv'), at('errors/comma-decimal.csv'));
    const found = codes(c).filter(([code]) => code !== 'too-few-judges');
    expect(found).toEqual([
      ['parse-error', 3, 5, null],
      ['score-not-a-number', 4, 4, 'benefit'],
    ]);
  });

  it('a point that may group thousands (1.250) and a spreadsheet error value are not numbers in a decimal-comma sheet', () => {
    const c = load(at('clean/entries.csv'), at('errors/grouped.csv'));
    const found = codes(c).filter(([code]) => code !== 'too-few-judges');
    expect(found).toEqual([
      ['score-not-a-number', 3, 4, 'effectiveness'],
      ['score-not-a-number', 4, 4, 'benefit'],
    ]);
    // 8,5 and 8.5 are both read in a semicolon file
    expect([...c.scores].filter((r) => r.text === '8,5' || r.text === '8.5').length).toBe(2);
  });

  it('line numbers stay right after quoted CRLF line breaks; broken quotes are errors at their line and column', () => {
    const c = loadCompetition({ entries: [at('errors/quoted-crlf.csv')] });
    expect(c.entries.map((e) => [e.id, e.source.line])).toEqual([
      ['KIPP-101', 2],
      ['KIPP-102', 5],
      ['KIPP-103', 8],
    ]);
    expect(c.entries[0]!.fields.get('summary')).toBe('Baris satu\r\nbaris dua\r\nbaris tiga');
    const found = scoreCompetition(c, { asOf: '2026-11-22' }).diagnostics.filter(
      (d) => d.severity === 'error' && !['too-few-judges', 'missing-field'].includes(d.code),
    );
    expect(found.map((d) => [d.code, d.line, d.column ?? null])).toEqual([
      ['unknown-category', 8, 4],
      ['parse-error', 9, 4],
      ['parse-error', 10, 5],
    ]);
  });

  it("LibreOffice's import with every separator ticked, saved again: the row whose summary it cut is refused at its line, never read with its cells moved", () => {
    // excel-id/entries.csv opened in LibreOffice Calc 7.4 (Indonesian locale, every column as
    // text, `;` and `,` both ticked) and saved as CSV. KIPP-004's unquoted summary "Kanal
    // pengaduan warga, termasuk …" became two cells: its phone became " termasuk …", its postcode
    // the phone, and its NIK sits under the empty header cell LibreOffice added.
    const c = load(at('libreoffice-split/entries.csv'), at('libreoffice-split/nilai.csv'));
    const errors = scoreCompetition(c, { asOf: '2026-11-22' }).diagnostics.filter((d) => d.severity === 'error');
    const refused = errors.filter((d) => d.code === 'parse-error');
    expect(refused.map((d) => [d.file?.split('/').pop(), d.line, d.column, d.entry_id])).toEqual([
      ['entries.csv', 6, 12, 'KIPP-004'],
    ]);
    expect(refused[0]!.message).toContain('"3578000000000004"');
    // Its 15 scores are unknown entries that point at the refused row, not at a typo.
    const unknown = errors.filter((d) => d.code === 'unknown-entry');
    expect(unknown.length).toBe(15);
    for (const d of unknown) expect(d.message).toContain('entries.csv (line 6) was not read');
    expect(errors.length).toBe(16);
    // The other three entries are read as the clean file has them, and score as they do there.
    expect(writtenAlike(c)).toEqual(writtenAlike(clean).filter((e) => e.id !== 'KIPP-004'));
    const others = scoreValues(clean).entries.filter(([id]) => id !== 'KIPP-004');
    expect(scoreValues(c).entries.map(([id, , total, criteria]) => [id, total, criteria])).toEqual(
      others.map(([id, , total, criteria]) => [id, total, criteria]),
    );
    expect(JSON.stringify(c.entries)).not.toContain('termasuk');
  });

  it('a duplicate header is an error naming both columns, not last-one-wins', () => {
    const c = loadCompetition({ entries: [join(ROOT, 'fixtures/validate/duplicate-header/entries.csv')] });
    const d = c.diagnostics.find((x) => x.code === 'duplicate-header')!;
    expect([d.line, d.column, d.field]).toEqual([1, 3, 'title']);
    expect(d.message).toContain('2');
    expect(c.entries[0]!.title).toBe('Smart Kampung');
  });
});

describe('csv-spectrum (RFC 4180 edge cases, fixtures/csv-spectrum)', () => {
  const spectrum = join(ROOT, 'fixtures/csv-spectrum');
  const cases = readdirSync(spectrum).filter((f) => f.endsWith('.csv'));
  it('has the cases', () => expect(cases.length).toBeGreaterThanOrEqual(12));
  it.each(cases)('%s loads exactly', (file) => {
    const expected = JSON.parse(readFileSync(join(spectrum, file.replace(/\.csv$/, '.json')), 'utf8')) as Record<
      string,
      string
    >[];
    let header: string[] = [];
    const rows: Record<string, string>[] = [];
    parseCsv(readFileSync(join(spectrum, file)), {
      header: (cells) => (header = cells),
      row: (cells) => rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))),
    });
    expect(rows).toEqual(expected);
  });
});

describe('end to end: the Indonesian-locale panel gives the same report as the clean one', () => {
  const run = async (folder: string, args: string[]) =>
    JSON.parse((await kippIn([...args, '--format', 'json'], { cwd: join(ROOT, folder) })).stdout) as {
      entries: unknown[];
      shortlists: unknown[];
      diagnostics: { code: string }[];
    };

  it('conformance panel: entries and shortlists byte for byte', async () => {
    const a = await run('fixtures/conformance/panel', [
      'score',
      'entries.csv',
      '--scores',
      'scores-wide.csv',
      'scores-long.csv',
      '--judges',
      'judges.csv',
      '--rubric',
      'rubric.yaml',
      '--as-of',
      '2026-11-22',
    ]);
    const b = await run('fixtures/conformance/panel-spreadsheet-id', [
      'score',
      'entries.csv',
      '--scores',
      'nilai-lebar.csv',
      'nilai-panjang.csv',
      '--judges',
      'juri.csv',
      '--rubric',
      'rubric.yaml',
      '--as-of',
      '2026-11-22',
    ]);
    expect(JSON.stringify(b.entries)).toBe(JSON.stringify(a.entries));
    expect(b.shortlists).toEqual(a.shortlists);
    expect(b.diagnostics.map((d) => d.code)).toEqual(a.diagnostics.map((d) => d.code));
  });

  it('real-world excel-id: the same report as clean', async () => {
    const a = await run('fixtures/real-world/clean', [
      'score',
      'entries.csv',
      '--scores',
      'scores.csv',
      '--as-of',
      '2026-11-22',
    ]);
    const b = await run('fixtures/real-world/excel-id', [
      'score',
      'entries.csv',
      '--scores',
      'nilai.csv',
      '--as-of',
      '2026-11-22',
    ]);
    expect(JSON.stringify(b.entries)).toBe(JSON.stringify(a.entries));
  });

  it('--delimiter overrides detection (here: wrongly, so the header has one column and the sheet is refused)', async () => {
    const r = await kippIn(
      [
        'validate',
        'entries.csv',
        '--scores',
        'nilai.csv',
        '--delimiter',
        ',',
        '--format',
        'json',
        '--as-of',
        '2026-11-22',
      ],
      { cwd: at('excel-id') },
    );
    const codes = (JSON.parse(r.stdout) as { diagnostics: { code: string; file: string }[] }).diagnostics
      .filter((d) => d.file.endsWith('nilai.csv'))
      .map((d) => d.code);
    expect(codes).toContain('missing-field');
    expect(r.status).toBe(1);
  });
});
