/**
 * Words people read in reports, in Indonesian and English (`--lang`, `KIPP_LANG`).
 */
import type { Label, Rubric } from '../model/rubric.js';

export type Lang = 'en' | 'id';

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
  cutoff_tie: { en: 'tie at the cut-off: the jury must decide', id: 'seri di batas: juri harus memutuskan' },
  legend_tie: { en: '= shares its rank (tie)', id: '= peringkat sama (seri)' },
  legend_narrow: { en: 'criteria hidden to fit the terminal: widen it or use --format md/html', id: 'kriteria disembunyikan agar muat di terminal: perlebar atau pakai --format md/html' },
  legend_narrow_stages: { en: 'stage totals hidden to fit the terminal: widen it or use --format md/html', id: 'nilai per tahap disembunyikan agar muat di terminal: perlebar atau pakai --format md/html' },
  cut: { en: 'cut line', id: 'batas' },
} as const satisfies Record<string, Record<Lang, string>>;

export type Word = keyof typeof WORDS;

export function word(w: Word, lang: Lang): string {
  return WORDS[w][lang];
}

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

export function parseLang(raw: string | undefined): Lang | undefined {
  if (raw === undefined) return undefined;
  const v = raw.trim().toLowerCase();
  if (v === 'en' || v.startsWith('en_') || v.startsWith('en-')) return 'en';
  if (v === 'id' || v.startsWith('id_') || v.startsWith('id-')) return 'id';
  return undefined;
}
