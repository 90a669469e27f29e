/**
 * Every word a report says, in Indonesian and English (`--lang`, `KIPP_LANG`): one catalogue, in
 * sections per report, looked up by `word`. A key names one text in both languages, so two
 * sections never share a key (the type below refuses it); a word several reports say alike lives
 * once, in the first section that says it. Tables of words whose files also hold the logic that
 * uses them (the manifest, the export headers, the XLSX workbooks and forms) stay beside it, and
 * src/report/shared/catalogue.ts lists them with this one for the test that checks every entry has
 * real Indonesian.
 */

export type Lang = 'en' | 'id';
export const LANGS: readonly Lang[] = ['en', 'id'];

/** A table of words: every entry in both languages (the type refuses one without). */
export type Words = Record<string, Record<Lang, string>>;

/** Fills `{n}`-style placeholders; an unknown one stays as written, so a missing value shows. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));
}

/** The words every report shares: headings of the ranking, flags, methods, counts, cut lines. */
const REPORT = {
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

/**
 * The jury statistics (`kipp judges`, `kipp sensitivity`): each figure named with its form and
 * what it covers.
 */
const STATISTICS = {
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
    en: "Kendall's W (tie-corrected): not defined — no two entries were scored in full by the same judges, or where some were, each judge gave them one total (no order to agree on; covers 0 of {es} entries scored)",
    id: 'W Kendall (dikoreksi untuk nilai seri): tidak terdefinisi — tidak ada dua proposal yang dinilai lengkap oleh juri yang sama, atau jika ada, setiap juri memberi proposal tersebut total yang sama (tidak ada urutan untuk disepakati; mencakup 0 dari {es} proposal yang dinilai)',
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

/** The plenary: the decisions section of the reports and `kipp agenda`. */
const PLENARY = {
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
} as const satisfies Words;

/** The text reports of `kipp explain`, `kipp sensitivity` and `kipp rubric show`. */
const TEXT = {
  // kipp explain
  explain_rubric: {
    en: 'Rubric "{name}": scale {min}–{max}, normalization {norm}, aggregation {agg}',
    id: 'Pedoman "{name}": skala {min}–{max}, normalisasi {norm}, agregasi {agg}',
  },
  explain_trimmed: {
    en: 'trimmed mean (drop the {k} highest and {k} lowest, when more than {n} scores)',
    id: 'rata-rata terpangkas (buang {k} nilai tertinggi dan {k} terendah, bila lebih dari {n} nilai)',
  },
  explain_weights: { en: 'Weights ({from}): {list}', id: 'Bobot ({from}): {list}' },
  explain_weights_criteria: { en: 'criteria', id: 'kriteria' },
  explain_severity: {
    en: "severity: x' = x − s_jc  (s_jc: the judge's fitted severity on the criterion; Σ s_jc = 0 over the judges of each connected piece)",
    id: "keketatan: x' = x − s_jc  (s_jc: keketatan juri yang ditaksir pada kriteria ini; Σ s_jc = 0 atas juri setiap bagian yang terhubung)",
  },
  explain_zscore: {
    en: "z-score: x' = μ_c + σ_c · (x − μ_jc) / σ_jc  (x' = μ_c where σ_jc = 0)",
    id: "skor-z: x' = μ_c + σ_c · (x − μ_jc) / σ_jc  (x' = μ_c bila σ_jc = 0)",
  },
  explain_criterion: { en: '{label} [{id}], weight {w}', id: '{label} [{id}], bobot {w}' },
  explain_conflict: { en: 'excluded: conflict of interest', id: 'dikecualikan: konflik kepentingan' },
  explain_trimmed_out: { en: 'excluded: trimmed', id: 'dikecualikan: terpangkas' },
  explain_staged_s: {
    en: '(each stage aggregated on its own, then weighted as the stages)',
    id: '(setiap tahap diagregasi sendiri, lalu dibobot menurut bobot tahap)',
  },
  explain_no_scores: { en: '(no remaining scores)', id: '(tidak ada nilai yang tersisa)' },
  explain_stage: {
    en: 'Stage {name} (weight {w}): total {total}, rank {rank}',
    id: 'Tahap {name} (bobot {w}): nilai akhir {total}, peringkat {rank}',
  },
  explain_stage_pass: { en: 'pass mark {p}: {met}', id: 'ambang {p}: {met}' },
  explain_total: { en: 'Total', id: 'Nilai akhir' },
  explain_staged_total: {
    en: '(the weighted mean of the rounded stage totals, rounded to 6 decimals)',
    id: '(rata-rata berbobot dari nilai tahap yang sudah dibulatkan, dibulatkan ke 6 desimal)',
  },
  explain_unrounded: {
    en: '(computed from the unrounded s_c, then rounded to 6 decimals)',
    id: '(dihitung dari s_c yang belum dibulatkan, lalu dibulatkan ke 6 desimal)',
  },
  explain_not_ranked: { en: 'not ranked', id: 'tidak diperingkat' },
  explain_rank: {
    en: 'Rank {rank}{shared}, category rank {cat}; order: {order}',
    id: 'Peringkat {rank}{shared}, peringkat kategori {cat}; urutan: {order}',
  },
  explain_shared: { en: ' (shared)', id: ' (seri)' },
  explain_then: { en: ', then ', id: ', lalu ' },
  explain_above: { en: 'above', id: 'di atas' },
  explain_below: { en: 'below', id: 'di bawah' },
  explain_neighbour: { en: '{side}: {id} (rank {rank}): {how}', id: '{side}: {id} (peringkat {rank}): {how}' },
  explain_equal: {
    en: 'equal on all: the rank is shared, listed by id',
    id: 'sama pada semuanya: peringkat dibagi, diurutkan menurut kode',
  },
  explain_by_total: { en: 'separated by the total ({total})', id: 'dibedakan oleh nilai akhir ({total})' },
  explain_by_criterion: { en: 'same total, separated by {c}', id: 'nilai akhir sama, dibedakan oleh {c}' },
  explain_thresholds: { en: 'Thresholds', id: 'Ambang' },
  explain_met: { en: 'met', id: 'terpenuhi' },
  explain_not_met: { en: 'not met', id: 'tidak terpenuhi' },
  explain_missed: { en: 'missed', id: 'tidak tercapai' },
  explain_passed: { en: 'passed', id: 'lulus' },
  explain_not_passed: { en: 'not passed', id: 'tidak lulus' },
  explain_shortlists: { en: 'Shortlists', id: 'Daftar pendek' },
  // kipp sensitivity
  sensitivity_runs: {
    en: '{runs} runs, seed {seed}: every weight moved by up to ±{p} percentage points (renormalised to 100)',
    id: '{runs} putaran, benih {seed}: setiap bobot digeser hingga ±{p} poin persentase (dinormalkan kembali ke 100)',
  },
  sensitivity_resample: {
    en: ", each entry's judges drawn with replacement",
    id: ', juri setiap proposal diambil ulang dengan pengembalian',
  },
  sensitivity_never: {
    en: '{n} entries never entered a shortlist (--format json lists every entry)',
    id: '{n} proposal tidak pernah masuk daftar pendek (--format json mencantumkan semua proposal)',
  },
  // kipp rubric show
  rubric_version: { en: 'version {v}', id: 'versi {v}' },
  rubric_scale: { en: 'scale {min}–{max}', id: 'skala {min}–{max}' },
  rubric_own_weights: { en: '* category with its own weights', id: '* kategori dengan bobot sendiri' },
  rubric_group: { en: 'group {id} ({label})', id: 'kelompok {id} ({label})' },
  rubric_group_months: { en: '{n} months', id: '{n} bulan' },
  rubric_group_per_agency: { en: 'at most {n} per agency', id: 'paling banyak {n} per instansi' },
  rubric_stage: { en: 'stage {name} ({label}): weight {w}', id: 'tahap {name} ({label}): bobot {w}' },
  rubric_pass_mark: { en: 'pass mark {p}', id: 'ambang {p}' },
  rubric_shortlist: { en: 'shortlist {name}: {size}', id: 'daftar pendek {name}: {size}' },
  rubric_per_category: { en: ' per category', id: ' per kategori' },
  rubric_in_group: { en: ' (group {g})', id: ' (kelompok {g})' },
  rubric_on_stage: { en: ' on stage {s}', id: ' pada tahap {s}' },
  rubric_at_least: { en: ', at least {list}', id: ', minimal {list}' },
  rubric_per: { en: '{n} per {f}', id: '{n} per {f}' },
  rubric_and: { en: ' and ', id: ' dan ' },
} as const satisfies Words;

/** The HTML report (and the inputs table of the Markdown one). */
const HTML = {
  report: { en: 'Score report', id: 'Laporan penilaian' },
  contents: { en: 'Contents', id: 'Daftar isi' },
  about: { en: 'About this report', id: 'Tentang laporan ini' },
  competition: { en: 'Competition', id: 'Kompetisi' },
  html_rubric_version: { en: 'Rubric version', id: 'Versi pedoman' },
  reference_date: { en: 'Reference date', id: 'Tanggal acuan' },
  tool: { en: 'Produced by', id: 'Dibuat dengan' },
  generated: { en: 'Generated', id: 'Dibuat pada' },
  scale: { en: "Judges' scale", id: 'Skala penilaian juri' },
  aggregation: { en: 'Aggregation', id: 'Agregasi' },
  normalization: { en: 'Normalization', id: 'Normalisasi' },
  min_judges: { en: 'Minimum judges', id: 'Juri minimum' },
  tie_break: { en: 'Tie-break after the total', id: 'Penentu seri setelah nilai akhir' },
  weights: { en: 'Weights (%)', id: 'Bobot (%)' },
  default_weights: { en: 'Default', id: 'Bawaan' },
  thresholds: { en: 'Pass marks', id: 'Ambang kelulusan' },
  threshold_total: { en: 'total at least {n}', id: 'nilai akhir minimal {n}' },
  threshold_criterion: { en: '{c} at least {n}', id: '{c} minimal {n}' },
  inputs: { en: 'Input files', id: 'Berkas masukan' },
  file: { en: 'File', id: 'Berkas' },
  kind: { en: 'Kind', id: 'Jenis' },
  kind_entries: { en: 'entries', id: 'proposal' },
  kind_scores: { en: 'scores', id: 'nilai' },
  kind_judges: { en: 'judges', id: 'juri' },
  kind_conflicts: { en: 'declared conflicts', id: 'konflik kepentingan yang dinyatakan' },
  kind_decisions: { en: 'jury decisions', id: 'keputusan juri' },
  kind_rubric: { en: 'rubric', id: 'pedoman' },
  embedded: { en: '(embedded in kipp)', id: '(bawaan kipp)' },
  entry: { en: 'Entry', id: 'Proposal' },
  summary: { en: 'Summary', id: 'Ringkasan' },
  n_entries: { en: 'Entries', id: 'Proposal' },
  n_ranked: { en: 'Ranked', id: 'Diperingkat' },
  n_passed: { en: 'Passed', id: 'Lulus' },
  n_unranked: { en: 'Not ranked', id: 'Tidak diperingkat' },
  taken_of: { en: '{n} taken for {m} places', id: '{n} terpilih untuk {m} tempat' },
  ranking: { en: 'Ranking', id: 'Peringkat' },
  filter: { en: 'Filter the ranking', id: 'Saring peringkat' },
  all_categories: { en: 'All categories', id: 'Semua kategori' },
  all_groups: { en: 'All groups', id: 'Semua kelompok' },
  any_shortlist: { en: 'Any or none', id: 'Semua' },
  in_no_shortlist: { en: 'In no shortlist', id: 'Tidak masuk daftar pendek' },
  unknown: { en: '(not a category of the rubric)', id: '(bukan kategori pedoman)' },
  no_group: { en: '(no group)', id: '(tanpa kelompok)' },
  search: { en: 'Search', id: 'Cari' },
  search_hint: { en: 'ID, title or agency', id: 'kode, judul atau instansi' },
  reset: { en: 'Show all', id: 'Tampilkan semua' },
  html_showing: { en: 'Showing {n} of {m} entries', id: 'Menampilkan {n} dari {m} proposal' },
  sort_hint: {
    en: 'Select a column heading to sort by it; select it again to reverse the order.',
    id: 'Pilih judul kolom untuk mengurutkan; pilih lagi untuk membalik urutan.',
  },
  ranking_caption: {
    en: "Entries in rank order. Criterion scores on the judges' scale, totals on 0–100.",
    id: 'Proposal menurut peringkat. Nilai kriteria pada skala juri, nilai akhir pada 0–100.',
  },
  cut_line: { en: 'cut line of {s}: {n} taken for {m} places', id: 'batas {s}: {n} terpilih untuk {m} tempat' },
  in_category: { en: 'in {c}', id: 'dalam {c}' },
  in_group: { en: 'group {g}', id: 'kelompok {g}' },
  tied_rank: { en: 'shares its rank with another entry', id: 'peringkat sama dengan proposal lain' },
  below: { en: 'below the pass mark', id: 'di bawah ambang' },
  passed_mark: { en: 'passed', id: 'lulus' },
  agency_of: { en: 'by', id: 'oleh' },
  distribution: { en: 'Score distribution', id: 'Sebaran nilai' },
  distribution_desc: {
    en: 'Ranked entries by total, in bands of {w} points.',
    id: 'Proposal yang diperingkat menurut nilai akhir, per rentang {w} poin.',
  },
  band: { en: 'Total', id: 'Nilai akhir' },
  count: { en: 'Entries', id: 'Proposal' },
  as_table: { en: 'Show as a table', id: 'Tampilkan sebagai tabel' },
  pass_mark: { en: 'pass mark', id: 'ambang' },
  no_ranked: { en: 'No entry is ranked.', id: 'Tidak ada proposal yang diperingkat.' },
  by_category: { en: 'By category', id: 'Per kategori' },
  mean_total: { en: 'Mean total', id: 'Rata-rata nilai akhir' },
  best: { en: 'Best', id: 'Tertinggi' },
  lowest: { en: 'Lowest', id: 'Terendah' },
  mean_of: { en: 'Mean {c}', id: 'Rata-rata {c}' },
  judges_panel: { en: 'The judges', id: 'Dewan juri' },
  judges_desc: {
    en: "Bias: how far a judge scores above (+) or below (−) the other judges of the same entry and criterion, on the judges' scale. Harsh at −{h} or lower, lenient at +{l} or higher.",
    id: 'Bias: seberapa jauh juri menilai di atas (+) atau di bawah (−) juri lain pada proposal dan kriteria yang sama, pada skala juri. Ketat bila −{h} atau lebih rendah, longgar bila +{l} atau lebih tinggi.',
  },
  html_scored: { en: 'Scores', id: 'Nilai' },
  html_mean: { en: 'Mean', id: 'Rata-rata' },
  agreement_col: { en: 'Agreement', id: 'Kesesuaian' },
  conflicts: { en: 'Conflicts', id: 'Konflik' },
  heatmap: { en: 'Bias by judge and criterion', id: 'Bias per juri dan kriteria' },
  heatmap_desc: {
    en: 'Orange: the judge scores lower than the others; blue: higher. Outlined cells pass the harsh/lenient mark.',
    id: 'Oranye: juri menilai lebih rendah dari juri lain; biru: lebih tinggi. Sel bergaris melewati batas ketat/longgar.',
  },
  harsh: { en: 'harsh', id: 'ketat' },
  lenient: { en: 'lenient', id: 'longgar' },
  flagged: { en: 'Flagged judges', id: 'Juri yang ditandai' },
  no_flagged: { en: 'No judge is flagged harsh or lenient.', id: 'Tidak ada juri yang ditandai ketat atau longgar.' },
  html_panel_agreement: { en: 'Panel agreement', id: 'Kesesuaian dewan juri' },
  html_kendall_w: { en: "Kendall's W", id: 'W Kendall' },
  html_icc_single: { en: 'Intraclass correlation ICC(1): one judge', id: 'Korelasi intrakelas ICC(1): satu juri' },
  html_icc_average: {
    en: "ICC(1,k): the panel's mean of k = {k} judges (harmonic mean per entry)",
    id: 'ICC(1,k): rerata panel dari k = {k} juri (rerata harmonik per proposal)',
  },
  kendall_w_covers: {
    en: 'covers {e} of {es} entries scored, {j} of {js} judges; {b} complete blocks',
    id: 'mencakup {e} dari {es} proposal yang dinilai, {j} dari {js} juri; {b} blok lengkap',
  },
  stage_panel: { en: 'Stage {s}: {label}', id: 'Tahap {s}: {label}' },
  stage_panel_desc: {
    en: 'Every figure below belongs to this stage: a judge is compared only with the other judges of the same entry and criterion in this stage.',
    id: 'Semua angka di bawah ini milik tahap ini: juri hanya dibandingkan dengan juri lain pada proposal dan kriteria yang sama di tahap ini.',
  },
  coverage: { en: 'Coverage', id: 'Cakupan' },
  judges_per_entry: { en: 'Judges per entry', id: 'Juri per proposal' },
  html_connected: { en: 'Panel connected', id: 'Dewan juri terhubung' },
  disconnected_warning: {
    en: 'The judges fall into separate groups that share no entry: they cannot be compared with each other.',
    id: 'Juri terbagi dalam kelompok yang tidak berbagi proposal: mereka tidak dapat dibandingkan.',
  },
  html_disagreements: { en: 'Disagreements to discuss', id: 'Perbedaan penilaian untuk dibahas' },
  disagreements_desc: {
    en: 'Entry and criterion pairs whose scores spread over at least {n} points, largest first.',
    id: 'Pasangan proposal dan kriteria dengan selisih nilai minimal {n} poin, terbesar lebih dulu.',
  },
  html_spread: { en: 'Spread', id: 'Selisih' },
  no_disagreements: { en: 'No pair of scores is that far apart.', id: 'Tidak ada selisih nilai sebesar itu.' },
  more_rows: {
    en: '… and {n} more (see kipp judges --format json)',
    id: '… dan {n} lainnya (lihat kipp judges --format json)',
  },
  no_scores: { en: 'No scores were given.', id: 'Belum ada nilai.' },
  diagnostics: { en: 'Problems found in the inputs', id: 'Masalah pada masukan' },
  diagnostics_none: { en: 'None.', id: 'Tidak ada.' },
  errors_warnings: { en: '{e} errors, {w} warnings', id: '{e} galat, {w} peringatan' },
  code: { en: 'Code', id: 'Kode' },
  html_place: { en: 'Where', id: 'Letak' },
  message: { en: 'Message', id: 'Pesan' },
  severity_error: { en: 'error', id: 'galat' },
  severity_warning: { en: 'warning', id: 'peringatan' },
  legend: { en: 'Legend', id: 'Keterangan' },
  html_legend_tie: {
    en: '= after a rank: tied with another entry',
    id: '= setelah peringkat: seri dengan proposal lain',
  },
  legend_fail: { en: '▼ below a pass mark', id: '▼ di bawah ambang' },
  legend_cut: { en: '✂ a shortlist ends here', id: '✂ batas daftar pendek' },
  not_available: { en: 'n/a', id: 't/a' },
  connected_yes: { en: 'yes', id: 'ya' },
  connected_no: { en: 'no', id: 'tidak' },
} as const satisfies Words;

/** The jury analytics (`kipp judges`, `kipp sensitivity`) in the terminal. */
const JUDGES = {
  name: { en: 'Name', id: 'Nama' },
  scored: { en: 'Scored', id: 'Dinilai' },
  mean: { en: 'Mean', id: 'Rerata' },
  agreement: { en: 'Agreement', id: 'Kesepakatan' },
  panel_agreement: { en: 'Panel agreement', id: 'Kesepakatan panel' },
  disagreements: { en: 'Disagreements to discuss', id: 'Perbedaan untuk dibahas' },
  not_defined: { en: 'not defined', id: 'tidak terdefinisi' },
  connected: { en: 'the judge–entry graph is connected', id: 'graf juri–proposal terhubung' },
  disconnected: {
    en: 'the judge–entry graph is NOT connected: z-score normalization cannot compare judges across its pieces',
    id: 'graf juri–proposal TIDAK terhubung: normalisasi z-score tidak dapat membandingkan juri antar bagian',
  },
  severity_title: {
    en: "Fitted severity s_jc per criterion (x' = x − s_jc), ± standard error",
    id: "Keketatan s_jc yang ditaksir per kriteria (x' = x − s_jc), ± galat baku",
  },
  severity_note: {
    en: 'negative: the judge scores lower than the entries warrant (harsh); * poorly estimated (fewer than 10 records, or no standard error)',
    id: 'negatif: juri memberi nilai lebih rendah dari semestinya (ketat); * taksiran lemah (kurang dari 10 nilai, atau tanpa galat baku)',
  },
  range: { en: 'Rank range', id: 'Rentang peringkat' },
  borderline: { en: 'borderline', id: 'di batas' },
} as const satisfies Words;

/** The sections, by name: what the catalogue test walks. */
export const SECTIONS = {
  report: REPORT,
  statistics: STATISTICS,
  plenary: PLENARY,
  text: TEXT,
  html: HTML,
  judges: JUDGES,
} as const satisfies Record<string, Words>;

type Sections = typeof SECTIONS;
type SectionName = keyof Sections;
/** The keys one section shares with any other: must be none, or a lookup would say the wrong text. */
type Shared = {
  [S in SectionName]: keyof Sections[S] &
    { [T in Exclude<SectionName, S>]: keyof Sections[T] }[Exclude<SectionName, S>];
}[SectionName];
const noSharedKey: [Shared] extends [never] ? true : { shared: Shared } = true;
void noSharedKey;

/** The whole catalogue as one map. */
export const WORDS = { ...REPORT, ...STATISTICS, ...PLENARY, ...TEXT, ...HTML, ...JUDGES } as const satisfies Words;

export type Word = keyof typeof WORDS;

/** A word in one language, its `{name}` placeholders filled from `values` when given. */
export function word(w: Word, lang: Lang, values?: Record<string, string | number>): string {
  const text: string = WORDS[w][lang];
  return values ? fill(text, values) : text;
}
