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
  const tieBreak = rubric.tieBreak.map((c) => rubric.criteria.findIndex((k) => k.id === c));
  const thresholdTotal = rubric.thresholds.total;
  const thresholdCriteria = Object.entries(rubric.thresholds.criteria).map(([c, min]) => [rubric.criteria.findIndex((k) => k.id === c), min] as const);
  const categoryIds = rubric.categories.map((k) => k.id);
  const categoryOf = ranked.map((e) => (e.categoryKnown ? e.category : null));
  const categoryIndex = Int32Array.from(categoryOf, (c) => (c === null ? -1 : categoryIds.indexOf(c)));
  const needCategoryRanks = rubric.shortlists.some((s) => s.perCategory);

  const rankMin = new Int32Array(R).fill(2 ** 31 - 1);
  const rankMax = new Int32Array(R);
  const inShortlist = rubric.shortlists.map(() => new Int32Array(R));
  const shortlistIndex = new Map(rubric.shortlists.map((s, k) => [s.name, k]));

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
    if (!options.resampleJudges) s.set(baseS);
    else {
      for (let i = 0; i < R; i++) {
        const first = judgeStart[i]!;
        const n = judgeStart[i + 1]! - first;
        if (drawn.length < n) drawn = new Int32Array(n);
        for (let d = 0; d < n; d++) drawn[d] = first + Math.floor(random() * n);
        for (let k = 0; k < C; k++) {
          if (rubric.aggregation === 'mean') {
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
    for (let i = 0; i < R; i++) {
      const w = weights[weightSet[i]!]!;
      let sum = 0;
      let weightSum = 0;
      for (let k = 0; k < C; k++) {
        sum += w[k]! * s[i * C + k]!;
        weightSum += w[k]!;
        sRounded[i * C + k] = round6Fast(s[i * C + k]!);
      }
      total[i] = round6Fast((100 * (sum / weightSum - lo)) / (hi - lo));
      let ok = thresholdTotal === undefined || total[i]! >= thresholdTotal;
      for (const [k, min] of thresholdCriteria) if (!(sRounded[i * C + k]! >= min)) ok = false;
      passed[i] = ok ? 1 : 0;
    }

    // 4. Rank (SPEC 3.9): total, tie-break criteria, then id.
    for (let i = 0; i < R; i++) order[i] = i;
    order.sort((a, b) => {
      if (total[a] !== total[b]) return total[b]! - total[a]!;
      for (const k of tieBreak) {
        const x = sRounded[a * C + k]!;
        const y = sRounded[b * C + k]!;
        if (x !== y) return y - x;
      }
      return idOrder[a]! - idOrder[b]!;
    });
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

    // 5. Shortlists (SPEC 3.10) with the scorer's own rule.
    const candidates: (Candidate & { index: number })[] = [];
    for (let p = 0; p < R; p++) {
      const i = order[p]!;
      if (!passed[i]) continue;
      candidates.push({ id: ranked[i]!.id, index: i, category: categoryOf[i]!, group: ranked[i]!.group, rank: rank[i]!, categoryRank: categoryIndex[i]! >= 0 ? categoryRank[i]! : null });
    }
    const byId = candidates.length > 0 ? new Map(candidates.map((c) => [c.id, c.index])) : new Map<string, number>();
    for (const rule of rubric.shortlists) {
      const counts = inShortlist[shortlistIndex.get(rule.name)!]!;
      for (const id of drawShortlist(rule, candidates, categoryIds).taken) counts[byId.get(id)!]!++;
    }
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
