/**
 * Words of the analytics reports (`kipp judges`, `explain`, `sensitivity`) in English and
 * Indonesian, kept apart from the score report's words.
 */
import type { Lang } from '../shared/labels.js';

export const WORDS = {
  judge: { en: 'Judge', id: 'Juri' },
  name: { en: 'Name', id: 'Nama' },
  scored: { en: 'Scored', id: 'Dinilai' },
  mean: { en: 'Mean', id: 'Rerata' },
  bias: { en: 'Bias', id: 'Bias' },
  agreement: { en: 'Agreement', id: 'Kesepakatan' },
  conflicts: { en: 'Conflicts', id: 'Konflik' },
  flags: { en: 'Flags', id: 'Tanda' },
  harsh: { en: 'harsh', id: 'ketat' },
  lenient: { en: 'lenient', id: 'longgar' },
  entry: { en: 'Entry', id: 'Proposal' },
  criterion: { en: 'Criterion', id: 'Kriteria' },
  spread: { en: 'Spread', id: 'Rentang' },
  panel_agreement: { en: 'Panel agreement', id: 'Kesepakatan panel' },
  coverage: { en: 'Coverage', id: 'Cakupan' },
  disagreements: { en: 'Disagreements to discuss', id: 'Perbedaan untuk dibahas' },
  not_defined: { en: 'not defined', id: 'tidak terdefinisi' },
  connected: { en: 'the judge–entry graph is connected', id: 'graf juri–proposal terhubung' },
  disconnected: {
    en: 'the judge–entry graph is NOT connected: z-score normalization cannot compare judges across its pieces',
    id: 'graf juri–proposal TIDAK terhubung: normalisasi z-score tidak dapat membandingkan juri antar bagian',
  },
  none: { en: 'none', id: 'tidak ada' },
  severity_title: {
    en: "Fitted severity s_jc per criterion (x' = x − s_jc), ± standard error",
    id: "Keketatan s_jc yang ditaksir per kriteria (x' = x − s_jc), ± galat baku",
  },
  severity_note: {
    en: 'negative: the judge scores lower than the entries warrant (harsh); * poorly estimated (fewer than 10 records, or no standard error)',
    id: 'negatif: juri memberi nilai lebih rendah dari semestinya (ketat); * taksiran lemah (kurang dari 10 nilai, atau tanpa galat baku)',
  },
  rank: { en: 'Rank', id: 'Peringkat' },
  range: { en: 'Rank range', id: 'Rentang peringkat' },
  borderline: { en: 'borderline', id: 'di batas' },
  title: { en: 'Title', id: 'Judul' },
} as const satisfies Record<string, Record<Lang, string>>;

export type AnalyticsWord = keyof typeof WORDS;

export function aword(w: AnalyticsWord, lang: Lang): string {
  return WORDS[w][lang];
}
