/**
 * The words of the text reports of `kipp explain`, `kipp sensitivity` and `kipp rubric show`, in
 * English and Indonesian (`--lang`). `{n}`-style placeholders are filled by `tword`.
 */
import { fill, type Lang, type Words } from './labels.js';

const TEXT_WORDS = {
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

export type TextWord = keyof typeof TEXT_WORDS;

export function tword(w: TextWord, lang: Lang, values: Record<string, string | number> = {}): string {
  return fill(TEXT_WORDS[w][lang], values);
}

export { TEXT_WORDS };
