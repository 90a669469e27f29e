/**
 * `kipp sensitivity` — would the shortlists change under a slightly different rubric (SPEC
 * section 7)? Each seeded run moves every weight (the rubric's and each category's) by a
 * uniform amount in ±P percentage points, clamps at 0 and renormalises to 100; with
 * `resampleJudges` it also draws each entry's judges with replacement and re-aggregates their
 * normalized scores. It then re-totals, re-checks thresholds, re-ranks and re-draws every
 * shortlist with SPEC section 3's rules. Per entry: the share of runs in each shortlist and the
 * rank range. Pure: the scorer's result and detail in, plain data out; the same seed gives the
 * same output.
 *
 * What stays fixed across runs: which entries are ranked (completeness and eligibility do not
 * depend on weights), and the normalized values (z-scores are not recomputed on a resample: a
 * bootstrap asks how the entry's own panel could have fallen, not how the whole year would).
 */
import type { EntryResult, ScoreResult } from '../model/result.js';
import type { Entry } from '../model/records.js';
import { compareCodePoints } from '../model/names.js';
import { aggregate } from '../scoring/aggregate.js';
import { round6 } from '../scoring/round.js';
import type { ScoringDetail } from '../scoring/score.js';
import { drawShortlist, type Candidate } from '../scoring/shortlist.js';
import { seededRandom } from './random.js';

export interface SensitivityOptions {
  runs: number;
  /** P: every weight moves by a uniform amount in [−P, +P] percentage points. */
  weightSpread: number;
  resampleJudges: boolean;
  seed: string;
  /** Called after each run (the command draws a progress bar from it). */
  onProgress?: (done: number, runs: number) => void;
}

export interface SensitivityEntry {
  id: string;
  title: string;
  /** The rank in the unperturbed result. */
  rank: number;
  rank_min: number;
  rank_max: number;
  /** Share of runs (0–1) in which the entry was in each shortlist. */
  shortlists: Record<string, number>;
  /** In some shortlist in at least 5% and at most 95% of the runs. */
  borderline: boolean;
}

export interface SensitivityResult {
  runs: number;
  seed: string | number;
  weight_spread: number;
  resample_judges: boolean;
  /** Ranked entries in their unperturbed rank order (unranked entries stay unranked in every run). */
  entries: SensitivityEntry[];
}

export const BORDERLINE = { low: 0.05, high: 0.95 } as const;

/**
 * round6 of SPEC 3.7 without a string for the common case: when x·10⁶ is not near a half the
 * result is the same double (both are the double nearest to an integer / 10⁶); near a half it
 * falls back to round6's decimal-string rule.
 */
export function round6Fast(x: number): number {
  const a = Math.abs(x);
  const y = a * 1e6;
  if (!(y < 4e15)) return round6(x);
  const floor = Math.floor(y);
  const f = y - floor;
  if (Math.abs(f - 0.5) < 1e-6) return round6(x);
  const r = (f > 0.5 ? floor + 1 : floor) / 1e6;
  return x < 0 ? (r === 0 ? 0 : -r) : r;
}

interface TotalsState {
  R: number;
  C: number;
  lo: number;
  hi: number;
  weightSet: Int32Array;
  s: Float64Array;
  sRounded: Float64Array;
  total: Float64Array;
  passed: Uint8Array;
  thresholdTotal: number;
  thresholdCriterion: Int32Array;
  thresholdMin: Float64Array;
}

/** SPEC 3.6–3.8 for every ranked entry of one run: total, rounding, pass. */
function computeTotals(t: TotalsState, weights: readonly Float64Array[], roundS: boolean): void {
  const { R, C, lo, hi, weightSet, s, sRounded, total, passed, thresholdTotal, thresholdCriterion, thresholdMin } = t;
  const thresholds = thresholdCriterion.length;
  for (let i = 0; i < R; i++) {
    const w = weights[weightSet[i]!]!;
    let sum = 0;
    let weightSum = 0;
    const base = i * C;
    for (let k = 0; k < C; k++) {
      sum += w[k]! * s[base + k]!;
      weightSum += w[k]!;
      if (roundS) sRounded[base + k] = round6Fast(s[base + k]!);
    }
    const x = round6Fast((100 * (sum / weightSum - lo)) / (hi - lo));
    total[i] = x;
    let ok = x >= thresholdTotal;
    for (let h = 0; h < thresholds; h++) if (!(sRounded[base + thresholdCriterion[h]!]! >= thresholdMin[h]!)) ok = false;
    passed[i] = ok ? 1 : 0;
  }
}

export function runSensitivity(result: ScoreResult, detail: ScoringDetail, options: SensitivityOptions): SensitivityResult {
  const { rubric } = result;
  const C = rubric.criteria.length;
  const { min: lo, max: hi } = rubric.scale;
  const random = seededRandom(options.seed);
  const P = options.weightSpread;

  const ranked = result.entries.filter((e): e is EntryResult & { rank: number } => e.rank !== null);
  const R = ranked.length;
  const checkedIndex = new Map<Entry, number>(detail.checked.map((c, i) => [c.entry, i]));
  const source = ranked.map((e) => checkedIndex.get(e.entry)!);

  // Weight sets: the rubric's (0) and each category's own (1..); each entry uses one.
  const baseSets: number[][] = [rubric.criteria.map((c) => c.weight)];
  const setOfCategory = new Map<string, number>();
  for (const k of rubric.categories) {
    const own = rubric.categoryWeights[k.id];
    if (!own) continue;
    setOfCategory.set(k.id, baseSets.length);
    baseSets.push(rubric.criteria.map((c) => own[c.id] ?? 0));
  }
  const weightSet = Int32Array.from(ranked, (e) => (e.categoryKnown ? (setOfCategory.get(e.category) ?? 0) : 0));

  // Unrounded s_c per entry (C values each), as scoring computed them.
  const baseS = new Float64Array(R * C);
  ranked.forEach((_, i) => {
    const s = detail.aggregates[source[i]!]!;
    rubric.criteria.forEach((c, k) => (baseS[i * C + k] = s[c.id] ?? NaN));
  });

  // For resampling: each entry's judges and their normalized value per criterion (NaN: none).
  const { kept } = detail.scores;
  const firstRecord = new Int32Array(detail.checked.length).fill(-1);
  const lastRecord = new Int32Array(detail.checked.length);
  for (let r = 0; r < kept.count; r++) {
    const e = kept.entry[r]!;
    if (firstRecord[e] === -1) firstRecord[e] = r;
    lastRecord[e] = r + 1;
  }
  const judgeStart = new Int32Array(R + 1);
  const judgeValues: number[] = [];
  if (options.resampleJudges) {
    for (let i = 0; i < R; i++) {
      const e = source[i]!;
      judgeStart[i] = judgeValues.length / C;
      if (firstRecord[e] === -1) continue;
      let current = -1;
      for (let r = firstRecord[e]!; r < lastRecord[e]!; r++) {
        if (kept.judge[r] !== current) {
          current = kept.judge[r]!;
          for (let k = 0; k < C; k++) judgeValues.push(NaN);
        }
        judgeValues[judgeValues.length - C + kept.criterion[r]!] = detail.normalized[r]!;
      }
    }
    judgeStart[R] = judgeValues.length / C;
  }
  const values = Float64Array.from(judgeValues);

  // Id order, categories and groups as small integers.
  const idOrder = new Int32Array(R);
  ranked
    .map((e, i) => i)
    .sort((a, b) => compareCodePoints(ranked[a]!.id, ranked[b]!.id))
    .forEach((i, position) => (idOrder[i] = position));
  const byIdOrder = new Int32Array(R);
  for (let i = 0; i < R; i++) byIdOrder[idOrder[i]!] = i;
  const tieBreak = rubric.tieBreak.map((c) => rubric.criteria.findIndex((k) => k.id === c));
  const thresholdTotal = rubric.thresholds.total;
  const thresholdEntries = Object.entries(rubric.thresholds.criteria);
  const categoryIds = rubric.categories.map((k) => k.id);
  const categoryOf = ranked.map((e) => (e.categoryKnown ? e.category : null));
  const categoryIndex = Int32Array.from(categoryOf, (c) => (c === null ? -1 : categoryIds.indexOf(c)));
  const needCategoryRanks = rubric.shortlists.some((s) => s.perCategory);

  const rankMin = new Int32Array(R).fill(2 ** 31 - 1);
  const rankMax = new Int32Array(R);
  const inShortlist = rubric.shortlists.map(() => new Int32Array(R));
  const candidateOf: Candidate[] = ranked.map((e, i) => ({ id: e.id, category: categoryOf[i]!, group: e.group, rank: 0, categoryRank: null }));
  const candidates: Candidate[] = [];
  const indexOfId = new Map(ranked.map((e, i) => [e.id, i]));

  const weights = baseSets.map((s) => new Float64Array(s.length));
  const s = new Float64Array(R * C); // unrounded s_c of this run
  const sRounded = new Float64Array(R * C);
  const total = new Float64Array(R);
  const passed = new Uint8Array(R);
  const order = new Int32Array(R);
  const rank = new Int32Array(R);
  const categoryRank = new Int32Array(R);
  const buffer: number[] = [];
  let drawn = new Int32Array(16);
  const resample = options.resampleJudges;
  const totals: TotalsState = {
    R,
    C,
    lo,
    hi,
    weightSet,
    s,
    sRounded,
    total,
    passed,
    thresholdTotal: thresholdTotal ?? -Infinity,
    thresholdCriterion: Int32Array.from(thresholdEntries, ([c]) => rubric.criteria.findIndex((k) => k.id === c)),
    thresholdMin: Float64Array.from(thresholdEntries, ([, min]) => min),
  };
  const plainMean = rubric.aggregation === 'mean';
  // Ranking sorts one number per entry: (highest total − total) · 2^bits + id position, so that
  // a plain numeric sort orders by total, then id; runs of equal totals are then re-sorted by
  // the tie-break criteria. Falls back to a comparator when the totals span too much.
  const bits = Math.max(1, Math.ceil(Math.log2(R + 1)));
  const keys = new Float64Array(R);
  const compare = (a: number, b: number): number => {
    if (total[a] !== total[b]) return total[b]! - total[a]!;
    for (const k of tieBreak) {
      const x = sRounded[a * C + k]!;
      const y = sRounded[b * C + k]!;
      if (x !== y) return y - x;
    }
    return idOrder[a]! - idOrder[b]!;
  };
  const sortStandings = (into: Int32Array): void => {
    let top = -Infinity;
    let bottom = Infinity;
    for (let i = 0; i < R; i++) {
      const t = Math.round(total[i]! * 1e6);
      if (t > top) top = t;
      if (t < bottom) bottom = t;
    }
    if (!((top - bottom + 1) * 2 ** bits < 2 ** 53)) {
      for (let i = 0; i < R; i++) into[i] = i;
      into.sort(compare);
      return;
    }
    const scale = 2 ** bits;
    for (let i = 0; i < R; i++) keys[i] = (top - Math.round(total[i]! * 1e6)) * scale + idOrder[i]!;
    keys.sort();
    for (let p = 0; p < R; p++) into[p] = byIdOrder[keys[p]! % scale]!;
    if (tieBreak.length === 0) return;
    for (let p = 0; p < R; ) {
      let q = p + 1;
      while (q < R && total[into[q]!] === total[into[p]!]) q++;
      if (q - p > 1) into.subarray(p, q).sort(compare);
      p = q;
    }
  };
  const sameStanding = (a: number, b: number): boolean => {
    if (total[a] !== total[b]) return false;
    for (const k of tieBreak) if (sRounded[a * C + k] !== sRounded[b * C + k]) return false;
    return true;
  };

  for (let run = 0; run < options.runs; run++) {
    // 1. Weights: every weight of every set moves, clamped at 0, renormalised to 100.
    baseSets.forEach((base, w) => {
      let sum = 0;
      for (let k = 0; k < C; k++) {
        const moved = Math.max(0, base[k]! + (2 * random() - 1) * P);
        weights[w]![k] = moved;
        sum += moved;
      }
      if (sum === 0) for (let k = 0; k < C; k++) weights[w]![k] = base[k]!;
      else for (let k = 0; k < C; k++) weights[w]![k] = (100 * weights[w]![k]!) / sum;
    });

    // 2. s_c: the scored values, or each entry's judges drawn with replacement.
    if (!options.resampleJudges) {
      if (run === 0) {
        s.set(baseS);
        for (let x = 0; x < R * C; x++) sRounded[x] = round6Fast(s[x]!);
      }
    } else {
      for (let i = 0; i < R; i++) {
        const first = judgeStart[i]!;
        const n = judgeStart[i + 1]! - first;
        if (drawn.length < n) drawn = new Int32Array(n);
        for (let d = 0; d < n; d++) drawn[d] = first + Math.floor(random() * n);
        for (let k = 0; k < C; k++) {
          if (plainMean) {
            let sum = 0;
            let count = 0;
            for (let d = 0; d < n; d++) {
              const v = values[drawn[d]! * C + k]!;
              if (v === v) {
                sum += v;
                count++;
              }
            }
            s[i * C + k] = count > 0 ? sum / count : baseS[i * C + k]!;
          } else {
            buffer.length = 0;
            for (let d = 0; d < n; d++) {
              const v = values[drawn[d]! * C + k]!;
              if (v === v) buffer.push(v);
            }
            s[i * C + k] = buffer.length > 0 ? aggregate(buffer, rubric.aggregation, rubric.trim).value : baseS[i * C + k]!;
          }
        }
      }
    }

    // 3. Totals (SPEC 3.6–3.8) on the rounded values; pass.
    computeTotals(totals, weights, resample);

    // 4. Rank (SPEC 3.9): total, tie-break criteria, then id.
    sortStandings(order);
    for (let p = 0; p < R; p++) {
      const i = order[p]!;
      rank[i] = p > 0 && sameStanding(order[p - 1]!, i) ? rank[order[p - 1]!]! : p + 1;
      if (rank[i]! < rankMin[i]!) rankMin[i] = rank[i]!;
      if (rank[i]! > rankMax[i]!) rankMax[i] = rank[i]!;
    }
    if (needCategoryRanks) {
      const seen = new Int32Array(categoryIds.length);
      const last = new Int32Array(categoryIds.length).fill(-1);
      for (let p = 0; p < R; p++) {
        const i = order[p]!;
        const k = categoryIndex[i]!;
        if (k < 0) continue;
        seen[k]!++;
        categoryRank[i] = last[k]! >= 0 && sameStanding(last[k]!, i) ? categoryRank[last[k]!]! : seen[k]!;
        last[k] = i;
      }
    }

    // 5. Shortlists (SPEC 3.10) with the scorer's own rule, on candidate objects made once.
    candidates.length = 0;
    for (let p = 0; p < R; p++) {
      const i = order[p]!;
      if (!passed[i]) continue;
      const candidate = candidateOf[i]!;
      candidate.rank = rank[i]!;
      candidate.categoryRank = categoryIndex[i]! >= 0 ? categoryRank[i]! : null;
      candidates.push(candidate);
    }
    rubric.shortlists.forEach((rule, k) => {
      const counts = inShortlist[k]!;
      for (const id of drawShortlist(rule, candidates, categoryIds).taken) counts[indexOfId.get(id)!]!++;
    });
    options.onProgress?.(run + 1, options.runs);
  }

  const runs = options.runs;
  const entries: SensitivityEntry[] = ranked.map((e, i) => {
    const shortlists: Record<string, number> = {};
    let borderline = false;
    rubric.shortlists.forEach((rule, k) => {
      const share = runs > 0 ? round6(inShortlist[k]![i]! / runs) : 0;
      shortlists[rule.name] = share;
      if (share >= BORDERLINE.low && share <= BORDERLINE.high) borderline = true;
    });
    return { id: e.id, title: e.title, rank: e.rank, rank_min: runs > 0 ? rankMin[i]! : e.rank, rank_max: runs > 0 ? rankMax[i]! : e.rank, shortlists, borderline };
  });
  return {
    runs,
    seed: /^(0|[1-9]\d{0,14})$/.test(options.seed) ? Number(options.seed) : options.seed,
    weight_spread: P,
    resample_judges: options.resampleJudges,
    entries,
  };
}
