/**
 * Words people read in reports, in Indonesian and English (`--lang`, `KIPP_LANG`). Every table
 * of words (this one, the HTML report's, the analytics', the text reports', …) is a `Words`:
 * each entry must have both languages, and src/report/catalogue.ts lists them all for the test
 * that checks every entry has real Indonesian.
 */
import type { Label, Rubric } from '../model/rubric.js';

export type Lang = 'en' | 'id';
export const LANGS: readonly Lang[] = ['en', 'id'];

/** A table of words: every entry in both languages (the type refuses one without). */
export type Words = Record<string, Record<Lang, string>>;

/** Fills `{n}`-style placeholders; an unknown one stays as written, so a missing value shows. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));
}

const WORDS = {
  rank: { en: 'Rank', id: 'Peringkat' },
  category_rank: { en: 'Cat. rank', id: 'Pering. kat.' },
  id: { en: 'ID', id: 'Kode' },
  title: { en: 'Title', id: 'Judul' },
  agency: { en: 'Agency', id: 'Instansi' },
  agency_type: { en: 'Agency type', id: 'Jenis instansi' },
  region: { en: 'Region', id: 'Wilayah' },
  category: { en: 'Category', id: 'Kategori' },
  group: { en: 'Group', id: 'Kelompok' },
  total: { en: 'Total', id: 'Nilai akhir' },
  total_short: { en: 'Total', id: 'Nilai' },
  judges: { en: 'Judges', id: 'Juri' },
  passed: { en: 'Passed', id: 'Lulus' },
  reasons: { en: 'Reasons', id: 'Alasan' },
  shortlists: { en: 'Shortlists', id: 'Daftar pendek' },
  flags: { en: 'Flags', id: 'Tanda' },
  status: { en: 'Status', id: 'Status' },
  yes: { en: 'yes', id: 'ya' },
  no: { en: 'no', id: 'tidak' },
  tied: { en: 'tied', id: 'seri' },
  incomplete: { en: 'incomplete', id: 'belum lengkap' },
  ineligible: { en: 'ineligible', id: 'tidak memenuhi syarat' },
  failed: { en: 'below threshold', id: 'di bawah ambang' },
  entries: { en: 'entries', id: 'proposal' },
  ranked: { en: 'ranked', id: 'diperingkat' },
  unranked: { en: 'not ranked', id: 'tidak diperingkat' },
  as_of: { en: 'reference date', id: 'tanggal acuan' },
  rubric: { en: 'rubric', id: 'pedoman' },
  // the methods of a rubric, named for people (the rubric file says mean, zscore, …)
  method_mean: { en: 'mean', id: 'rata-rata' },
  method_median: { en: 'median', id: 'median' },
  method_trimmed: { en: 'trimmed mean', id: 'rata-rata terpangkas' },
  normalization_none: { en: 'none (raw scores)', id: 'tidak ada (nilai mentah)' },
  normalization_zscore: { en: 'z-score per judge and criterion', id: 'skor-z per juri dan kriteria' },
  cutoff_tie: { en: 'tie at the cut-off: the jury must decide', id: 'seri di batas: juri harus memutuskan' },
  legend_tie: { en: '= shares its rank (tie)', id: '= peringkat sama (seri)' },
  legend_narrow: { en: 'criteria hidden to fit the terminal: widen it or use --format md/html', id: 'kriteria disembunyikan agar muat di terminal: perlebar atau pakai --format md/html' },
  legend_narrow_stages: { en: 'stage totals hidden to fit the terminal: widen it or use --format md/html', id: 'nilai per tahap disembunyikan agar muat di terminal: perlebar atau pakai --format md/html' },
  none: { en: 'none', id: 'tidak ada' },
  error_one: { en: '{n} error', id: '{n} galat' },
  error_many: { en: '{n} errors', id: '{n} galat' },
  warning_one: { en: '{n} warning', id: '{n} peringatan' },
  warning_many: { en: '{n} warnings', id: '{n} peringatan' },
  cut: { en: 'cut line', id: 'batas' },
} as const satisfies Words;

export type Word = keyof typeof WORDS;

export function word(w: Word, lang: Lang): string {
  return WORDS[w][lang];
}

/** How a rubric aggregates and normalizes, in words (`trimmed mean (1)` keeps the trim count). */
export function methodName(rubric: Pick<Rubric, 'aggregation' | 'trim'>, lang: Lang): string {
  return rubric.aggregation === 'trimmed' ? `${WORDS.method_trimmed[lang]} (${rubric.trim})` : WORDS[`method_${rubric.aggregation}`][lang];
}

export function normalizationName(method: Rubric['normalization'], lang: Lang): string {
  return WORDS[`normalization_${method}`][lang];
}

export { WORDS };

export function labelOf(label: Label, lang: Lang): string {
  return label[lang];
}

export function criterionLabel(rubric: Rubric, id: string, lang: Lang): string {
  const c = rubric.criteria.find((k) => k.id === id);
  return c ? c.label[lang] : id;
}

export function categoryLabel(rubric: Rubric, id: string, lang: Lang): string {
  const c = rubric.categories.find((k) => k.id === id);
  return c ? c.label[lang] : id;
}

export function shortlistLabel(rubric: Rubric, name: string, lang: Lang): string {
  const s = rubric.shortlists.find((k) => k.name === name);
  return s?.label ? s.label[lang] : name;
}

/** The language of `KIPP_LANG`: unset or empty is none; a value kipp cannot speak is undefined. */
export function envLang(raw: string | undefined): Lang | null | undefined {
  if (raw === undefined || raw.trim() === '') return null;
  return parseLang(raw);
}

export function parseLang(raw: string | undefined): Lang | undefined {
  if (raw === undefined) return undefined;
  const v = raw.trim().toLowerCase();
  if (v === 'en' || v.startsWith('en_') || v.startsWith('en-')) return 'en';
  if (v === 'id' || v.startsWith('id_') || v.startsWith('id-')) return 'id';
  return undefined;
}
