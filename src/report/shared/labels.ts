/**
 * Words people read in reports, in Indonesian and English (`--lang`, `KIPP_LANG`). Every table
 * of words (this one, the HTML report's, the analytics', the text reports', …) is a `Words`:
 * each entry must have both languages, and src/report/shared/catalogue.ts lists them all for the test
 * that checks every entry has real Indonesian.
 */
import type { Rubric } from '../../model/rubric.js';

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
  disqualified: { en: 'disqualified', id: 'didiskualifikasi' },
  withdrawn: { en: 'withdrawn', id: 'mengundurkan diri' },
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
  normalization_severity: {
    en: 'judge severity model, fitted per criterion',
    id: 'model keketatan juri, ditaksir per kriteria',
  },
  cutoff_tie: { en: 'tie at the cut-off: the jury must decide', id: 'seri di batas: juri harus memutuskan' },
  legend_tie: { en: '= shares its rank (tie)', id: '= peringkat sama (seri)' },
  legend_narrow: {
    en: 'criteria hidden to fit the terminal: widen it or use --format md/html',
    id: 'kriteria disembunyikan agar muat di terminal: perlebar atau pakai --format md/html',
  },
  legend_narrow_stages: {
    en: 'stage totals hidden to fit the terminal: widen it or use --format md/html',
    id: 'nilai per tahap disembunyikan agar muat di terminal: perlebar atau pakai --format md/html',
  },
  none: { en: 'none', id: 'tidak ada' },
  error_one: { en: '{n} error', id: '{n} galat' },
  error_many: { en: '{n} errors', id: '{n} galat' },
  warning_one: { en: '{n} warning', id: '{n} peringatan' },
  warning_many: { en: '{n} warnings', id: '{n} peringatan' },
  cut: { en: 'cut line', id: 'batas' },
  // --top and --category: what a narrowed report leaves out, and a tie it kept whole.
  showing: { en: 'showing {n} of {m} entries', id: 'menampilkan {n} dari {m} proposal' },
  showing_in: { en: 'showing {n} of {m} entries in {c}', id: 'menampilkan {n} dari {m} proposal dalam {c}' },
  top_tie: {
    en: '{k} entries tie at rank {r} for {p} of --top {t}, all shown',
    id: '{k} proposal seri di peringkat {r} untuk {p} dari --top {t}, semua ditampilkan',
  },
  place: { en: 'place', id: 'tempat' },
  places: { en: 'places', id: 'tempat' },
  // kipp explain: the tie at a shortlist's cut-off, and the entries it holds.
  at_tied_cut: { en: 'at the tied cut-off', id: 'di batas yang seri' },
  cut_tie: {
    en: '{s} has a tie at its cut-off (rank {r}: {k} entries for {p}): the jury must decide',
    id: '{s} memiliki seri di batasnya (peringkat {r}: {k} proposal untuk {p}): juri harus memutuskan',
  },
  cut_tie_in: {
    en: '{s} has a tie at its cut-off in {c} (category rank {r}: {k} entries for {p}): the jury must decide',
    id: '{s} memiliki seri di batasnya dalam {c} (peringkat kategori {r}: {k} proposal untuk {p}): juri harus memutuskan',
  },
  cut_tie_quota: {
    en: '{s} has a tie at its minimum of {n} for {f} {v} (rank {r}: {k} entries for {p}): the jury must decide',
    id: '{s} memiliki seri di batas minimum {n} untuk {f} {v} (peringkat {r}: {k} proposal untuk {p}): juri harus memutuskan',
  },
} as const satisfies Words;

export type Word = keyof typeof WORDS;

export function word(w: Word, lang: Lang): string {
  return WORDS[w][lang];
}

/** "1 place", "2 places" (Indonesian: "1 tempat", "2 tempat"). */
export function placesText(n: number, lang: Lang): string {
  return `${n} ${word(n === 1 ? 'place' : 'places', lang)}`;
}

/** A word with its `{name}` placeholders filled in. */
export function phrase(w: Word, lang: Lang, values: Record<string, string | number>): string {
  return fill(WORDS[w][lang], values);
}

/** How a rubric aggregates and normalizes, in words (`trimmed mean (1)` keeps the trim count). */
export function methodName(rubric: Pick<Rubric, 'aggregation' | 'trim'>, lang: Lang): string {
  return rubric.aggregation === 'trimmed'
    ? `${WORDS.method_trimmed[lang]} (${rubric.trim})`
    : WORDS[`method_${rubric.aggregation}`][lang];
}

export function normalizationName(method: Rubric['normalization'], lang: Lang): string {
  return WORDS[`normalization_${method}`][lang];
}

export { WORDS };

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

/**
 * Words of the jury statistics (`kipp judges`, `kipp sensitivity`): each figure named with its
 * form and what it covers, in both languages. `{name}` placeholders are filled by `statWord`.
 */
export const STAT_WORDS = {
  icc_single: {
    en: "ICC(1), one judge (one-way random effects, single rater, on each judge's own total; {n} entries with 2+ judges): {v}",
    id: 'ICC(1), satu juri (efek acak satu arah, penilai tunggal, pada total masing-masing juri; {n} proposal dengan 2+ juri): {v}',
  },
  icc_average: {
    en: "ICC(1,k), the panel's mean of k = {k} judges (harmonic mean of judges per entry): {v}",
    id: 'ICC(1,k), rerata panel dari k = {k} juri (rerata harmonik juri per proposal): {v}',
  },
  kendall_w: {
    en: "Kendall's W (tie-corrected; complete blocks: {b}): {v} — covers {e} of {es} entries scored, {j} of {js} judges",
    id: 'W Kendall (dikoreksi untuk nilai seri; blok lengkap: {b}): {v} — mencakup {e} dari {es} proposal yang dinilai, {j} dari {js} juri',
  },
  kendall_w_none: {
    en: "Kendall's W (tie-corrected): not defined — no two entries were scored in full by the same judges (covers 0 of {es} entries scored)",
    id: 'W Kendall (dikoreksi untuk nilai seri): tidak terdefinisi — tidak ada dua proposal yang dinilai lengkap oleh juri yang sama (mencakup 0 dari {es} proposal yang dinilai)',
  },
  stage_heading: { en: 'Stage {s}: {label}', id: 'Tahap {s}: {label}' },
  stage_unscored: { en: 'No scores in this stage yet.', id: 'Belum ada nilai pada tahap ini.' },
  stage_note: {
    en: 'Figures of this stage only: each judge is compared with the other judges of the same entry and criterion in this stage',
    id: 'Angka tahap ini saja: setiap juri dibandingkan dengan juri lain pada proposal dan kriteria yang sama di tahap ini',
  },
  mc_error: {
    en: 'Monte Carlo error: each share is estimated from {runs} runs; (low–high) is its 95% Wilson interval (at most ±{h} percentage points)',
    id: 'Galat Monte Carlo: setiap persentase ditaksir dari {runs} putaran; (bawah–atas) adalah interval Wilson 95% (paling lebar ±{h} poin persentase)',
  },
  borderline_count: {
    en: '{n} borderline (the 95% interval of a shortlist share reaches into 5–95%) of {m} ranked entries',
    id: '{n} di batas (interval 95% persentase suatu daftar pendek menyentuh 5–95%) dari {m} proposal yang diperingkat',
  },
} as const satisfies Words;

export type StatWord = keyof typeof STAT_WORDS;

export function statWord(w: StatWord, lang: Lang, values: Record<string, string | number> = {}): string {
  return fill(STAT_WORDS[w][lang], values);
}

/**
 * Words of the plenary: the decisions section of the reports and `kipp agenda`.
 * `{name}` placeholders are filled by `plenaryWord`.
 */
const PLENARY_WORDS = {
  decisions: { en: 'Jury decisions', id: 'Keputusan juri' },
  decision_resolve_tie: {
    en: '{s}: the tie at the cut-off is resolved — takes {take}; left out {out}',
    id: '{s}: seri di batas diputuskan — mengambil {take}; tidak diambil {out}',
  },
  decision_disqualify: { en: '{e} disqualified', id: '{e} didiskualifikasi' },
  decision_withdraw: { en: '{e} withdrawn', id: '{e} mengundurkan diri' },
  decision_include: { en: '{e} put into {s} against its rank', id: '{e} dimasukkan ke {s} di luar urutan peringkat' },
  decision_exclude: {
    en: '{e} taken out of {s} against its rank',
    id: '{e} dikeluarkan dari {s} di luar urutan peringkat',
  },
  decision_by: { en: 'by {by}, {date}: {reason} ({file}:{line})', id: 'oleh {by}, {date}: {reason} ({file}:{line})' },
  none: { en: 'none', id: 'tidak ada' },
  // One entry's row in an export (the decisions column): what the decision did to this entry.
  cell_taken: { en: '{s}: taken at the tied cut-off', id: '{s}: diambil pada seri di batas' },
  cell_left_out: { en: '{s}: left out at the tied cut-off', id: '{s}: tidak diambil pada seri di batas' },
  cell_disqualify: { en: 'disqualified', id: 'didiskualifikasi' },
  cell_withdraw: { en: 'withdrawn', id: 'mengundurkan diri' },
  cell_include: { en: '{s}: moved in against its rank', id: '{s}: dimasukkan di luar urutan peringkat' },
  cell_exclude: { en: '{s}: moved out against its rank', id: '{s}: dikeluarkan di luar urutan peringkat' },
  cell_by: { en: '{what} — {by}, {date}: {reason}', id: '{what} — {by}, {date}: {reason}' },
  explain_decisions: { en: 'Jury decisions ({file})', id: 'Keputusan juri ({file})' },
  explain_refused: {
    en: 'not applied: the decisions file has errors (above); the place above stands',
    id: 'tidak diterapkan: berkas keputusan memuat kesalahan (di atas); tempat di atas tetap berlaku',
  },
  explain_no_decision: { en: 'none names this entry', id: 'tidak ada yang menyebut proposal ini' },
  explain_removed_above: {
    en: '{what} (ranked above it: the ranks below move up)',
    id: '{what} (di atasnya: peringkat di bawahnya naik)',
  },
  explain_final: {
    en: 'After the decisions: rank {rank}{shared}, category rank {cat}; {lists}',
    id: 'Setelah keputusan: peringkat {rank}{shared}, peringkat kategori {cat}; {lists}',
  },
  explain_final_unranked: {
    en: 'After the decisions: not ranked ({flags}); {lists}',
    id: 'Setelah keputusan: tidak diperingkat ({flags}); {lists}',
  },
  explain_was: { en: 'was {v}', id: 'semula {v}' },
  agenda: { en: 'Meeting pack', id: 'Bahan rapat pleno' },
  agenda_intro: {
    en: 'Everything the jury must decide or look at, in the order a chair would take it. Reference date {date}; rubric {rubric}.',
    id: 'Semua yang harus diputuskan atau diperhatikan juri, dalam urutan yang biasa diambil ketua. Tanggal acuan {date}; pedoman {rubric}.',
  },
  agenda_ties: {
    en: "Ties at a shortlist's cut-off (to decide)",
    id: 'Seri di batas daftar pendek (harus diputuskan)',
  },
  agenda_tie: {
    en: '{s}: {free} place(s) left for {n} tied entries at rank {rank}',
    id: '{s}: {free} tempat tersisa untuk {n} proposal seri di peringkat {rank}',
  },
  agenda_borderline: { en: 'Borderline entries (sensitivity)', id: 'Proposal di batas (uji sensitivitas)' },
  agenda_pass_marks: {
    en: 'Entries a hair above or below a pass mark (within {m})',
    id: 'Proposal tipis di atas atau di bawah ambang kelulusan (selisih paling banyak {m})',
  },
  agenda_disagreements: {
    en: 'Largest judge disagreements on entries near a cut',
    id: 'Perbedaan penilaian juri terbesar pada proposal dekat batas',
  },
  agenda_judges: { en: 'Flagged judges', id: 'Juri yang ditandai' },
  agenda_unranked: { en: 'Entries not ranked, and why', id: 'Proposal yang tidak diperingkat, dan sebabnya' },
  agenda_decided: { en: 'Decisions already recorded', id: 'Keputusan yang sudah dicatat' },
  agenda_nothing: { en: 'Nothing to decide or look at.', id: 'Tidak ada yang perlu diputuskan atau diperhatikan.' },
  mark: { en: 'Pass mark', id: 'Ambang' },
  margin: { en: 'Margin', id: 'Selisih' },
  spread: { en: 'Spread', id: 'Rentang' },
  criterion: { en: 'Criterion', id: 'Kriteria' },
  judge: { en: 'Judge', id: 'Juri' },
  bias: { en: 'Bias', id: 'Bias' },
  nearest_cut: { en: 'Nearest cut', id: 'Batas terdekat' },
  rank_range: { en: 'Rank range', id: 'Rentang peringkat' },
} as const satisfies Record<string, Record<Lang, string>>;

export type PlenaryWord = keyof typeof PLENARY_WORDS;

export function plenaryWord(w: PlenaryWord, lang: Lang, values: Record<string, string | number> = {}): string {
  return PLENARY_WORDS[w][lang].replace(/\{(\w+)\}/g, (all, key: string) =>
    key in values ? String(values[key]) : all,
  );
}
