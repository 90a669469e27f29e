/**
 * #17.11: every word a report says is in the catalogue in both languages. The type refuses an
 * entry without Indonesian (checked by `npm run typecheck`); this test refuses an empty one, one
 * that is still the English text, and one whose placeholders differ between the languages.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/report/shared/catalogue.js';
import { SECTIONS, WORDS, word, type Words } from '../../src/report/shared/words.js';

/**
 * Entries whose Indonesian is rightly the same as the English: loanwords, names and symbols a
 * jury in Indonesia reads as they are. A new entry lands here only with a reason.
 */
const SAME_IN_BOTH = new Set([
  'words.ts report status', // "Status" is Indonesian too
  'words.ts report method_median', // "median"
  'words.ts plenary bias', // "Bias"
  'words.ts plenary cell_by', // "{what} — {by}, {date}: {reason}": placeholders and punctuation only
  'export-table.ts headers video_url', // "Video"
  'words.ts text rubric_per', // "{n} per {f}": "per" is Indonesian
]);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('#17.11: the catalogue of words', () => {
  const entries = Object.entries(CATALOGUE as Record<string, Words>).flatMap(([table, words]) =>
    Object.entries(words).map(([key, w]) => ({ name: `${table} ${key}`, ...w })),
  );

  it("holds every table of words (the catalogue's sections, manifest, export, XLSX, the judges' forms)", () => {
    expect(Object.keys(CATALOGUE).sort()).toEqual([
      'assign/xlsx.ts',
      'export-table.ts agency types',
      'export-table.ts headers',
      'export-xlsx.ts',
      'manifest.ts',
      'words.ts html',
      'words.ts judges',
      'words.ts plenary',
      'words.ts report',
      'words.ts statistics',
      'words.ts text',
    ]);
    expect(entries.length).toBeGreaterThan(250);
  });

  it('#17.11: every entry has a non-empty Indonesian text that is not the English one (unless listed with a reason)', () => {
    const missing = entries.filter((e) => typeof e.id !== 'string' || e.id.trim() === '').map((e) => e.name);
    expect(missing).toEqual([]);
    const untranslated = entries.filter((e) => e.id === e.en && !SAME_IN_BOTH.has(e.name)).map((e) => e.name);
    expect(untranslated).toEqual([]);
    // the list of exceptions holds only entries that exist and are the same
    for (const name of SAME_IN_BOTH) {
      const e = entries.find((x) => x.name === name);
      expect(e?.id, name).toBe(e?.en);
      expect(e, name).toBeDefined();
    }
  });

  it('#17.11: both languages fill the same placeholders', () => {
    const differ = entries.filter((e) => placeholders(e.en).join() !== placeholders(e.id).join()).map((e) => e.name);
    expect(differ).toEqual([]);
  });

  it('no key is in two sections, and the one map holds every section whole', () => {
    const owners = new Map<string, string[]>();
    for (const [section, words] of Object.entries(SECTIONS as Record<string, Words>))
      for (const key of Object.keys(words)) owners.set(key, [...(owners.get(key) ?? []), section]);
    expect([...owners].filter(([, s]) => s.length > 1)).toEqual([]);
    expect(Object.keys(WORDS).sort()).toEqual([...owners.keys()].sort());
    for (const words of Object.values(SECTIONS as Record<string, Words>))
      for (const [key, w] of Object.entries(words)) expect((WORDS as Words)[key], key).toBe(w);
  });

  it('word() says the entry in the language asked, filling placeholders only when given values', () => {
    expect(word('tied', 'en')).toBe('tied');
    expect(word('tied', 'id')).toBe('seri');
    expect(word('showing', 'id', { n: 3, m: 7 })).toBe('menampilkan 3 dari 7 proposal');
    expect(word('html_showing', 'en', { n: 3, m: 7 })).toBe('Showing 3 of 7 entries');
    expect(word('error_one', 'en')).toBe('{n} error');
  });

  it('#17.11: a table of words without Indonesian does not compile', () => {
    // @ts-expect-error — `id` is missing: the Words type requires both languages
    const bad = { report: { en: 'Report' } } satisfies Words;
    expect(bad.report.en).toBe('Report');
  });
});
