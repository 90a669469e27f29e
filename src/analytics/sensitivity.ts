/**
 * `kipp sensitivity` — would the shortlists change under a slightly different rubric (docs/guide/analytics.md)? Each seeded run moves every weight (the rubric's and each category's) by a
 * uniform amount in ±P percentage points, clamps at 0 and renormalises to 100; with
 * `resampleJudges` it also draws each entry's judges with replacement and re-aggregates their
 * normalized scores. It then re-totals, re-checks thresholds, re-ranks and re-draws every
 * shortlist with the rules of docs/reference/scoring.md. Per entry: the share of runs in each shortlist and the
 * rank range. Pure: the scorer's result and detail in, plain data out; the same seed gives the
 * same output.
 *
 * A share is an estimate from a finite number of runs, so each carries its Monte Carlo error:
 * the 95% Wilson interval of (runs in the shortlist) of (runs). An entry is `borderline` when
 * that interval overlaps the 5–95% band: "not borderline" needs the runs to show that the share
 * is outside the band, so noise can no longer move an entry whose true share sits at 5% or 95%
 * in and out of the list from one seed to the next (it stays borderline unless its estimate
 * lands significantly outside the band, a 2–3% chance). Runs without any randomness (no weight
 * spread, no resampling) all give the same result: their shares are exact, with no interval.
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
import { wilsonInterval } from './stats.js';

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
  /** The 95% Wilson interval of each share: its Monte Carlo error ([share, share] when the runs are not random). */
  intervals: Record<string, [number, number]>;
  /** Some shortlist's interval overlaps the band [5%, 95%] (see BORDERLINE). */
  borderline: boolean;
}

export interface SensitivityResult {
  runs: number;
  seed: string | number;
  weight_spread: number;
  resample_judges: boolean;
  /** How the shares' Monte Carlo error is stated: the interval, its level, and its widest half-width at these runs (0: the runs are not random). */
  interval: { method: 'wilson'; confidence: 0.95; max_half_width: number };
  /** The band and the rule of each entry's `borderline`. */
  borderline_rule: { low: number; high: number; rule: 'interval-overlaps-band' };
  /** Ranked entries in their unperturbed rank order (unranked entries stay unranked in every run). */
  entries: SensitivityEntry[];
}

export const BORDERLINE = { low: 0.05, high: 0.95 } as const;
/** The normal quantile of the 95% interval. */
const Z95 = 1.959964;

/**
 * round6 of docs/reference/scoring.md step 7 without a string for the common case: when x·10⁶ is not near a half the
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

/**
 * Everything a run reads or writes, as typed arrays over the ranked entries (index i) and the
 * criteria (index k, s at i·C + k), built once.
 */
interface State {
  R: number;
  C: number;
  lo: number;
  hi: number;
  /** Weight sets: 0 the rubric's, then each category's own; per entry, the set it uses. */
  baseWeights: Float64Array[];
  weights: Float64Array[];
  weightSet: Int32Array;
  /** Unrounded s_c as scored, and this run's (unrounded and rounded). */
  baseS: Float64Array;
  s: Float64Array;
  sRounded: Float64Array;
  total: Float64Array;
  passed: Uint8Array;
  thresholdTotal: number;
  thresholdCriterion: Int32Array;
  thresholdMin: Float64Array;
  /** Resampling: entry i's judges are rows judgeStart[i] .. judgeStart[i+1] of `values` (C each, NaN: not scored). */
  judgeStart: Int32Array;
  values: Float64Array;
  aggregation: 'mean' | 'median' | 'trimmed';
  trim: number;
  drawn: Int32Array;
  buffer: number[];
  /** Ranking: tie-break criterion indices, code-point id positions, sort keys. */
  tieBreak: Int32Array;
  idOrder: Int32Array;
  byIdOrder: Int32Array;
  keys: Float64Array;
  order: Int32Array;
  rank: Int32Array;
  categoryIndex: Int32Array;
  categories: number;
  categoryRank: Int32Array;
}

/** Step 1: every weight of every set moves by U(−P, P), clamped at 0, renormalised to 100. */
function moveWeights(t: State, random: () => number, spread: number): void {
  const { C } = t;
  for (let w = 0; w < t.baseWeights.length; w++) {
    const base = t.baseWeights[w]!;
    const moved = t.weights[w]!;
    let sum = 0;
    for (let k = 0; k < C; k++) {
      moved[k] = Math.max(0, base[k]! + (2 * random() - 1) * spread);
      sum += moved[k]!;
    }
    for (let k = 0; k < C; k++) moved[k] = sum === 0 ? base[k]! : (100 * moved[k]!) / sum;
  }
}

/** Step 2 with --resample-judges: each entry's judges drawn with replacement, re-aggregated. */
function resampleJudges(t: State, random: () => number): void {
  const { R, C, judgeStart, values, s, baseS } = t;
  for (let i = 0; i < R; i++) {
    const first = judgeStart[i]!;
    const n = judgeStart[i + 1]! - first;
    if (t.drawn.length < n) t.drawn = new Int32Array(n);
    const drawn = t.drawn;
    for (let d = 0; d < n; d++) drawn[d] = first + Math.floor(random() * n);
    for (let k = 0; k < C; k++) {
      let value: number;
      if (t.aggregation === 'mean') {
        let sum = 0;
        let count = 0;
        for (let d = 0; d < n; d++) {
          const v = values[drawn[d]! * C + k]!;
          if (v === v) {
            sum += v;
            count++;
          }
        }
        value = count > 0 ? sum / count : NaN;
      } else {
        const buffer = t.buffer;
        buffer.length = 0;
        for (let d = 0; d < n; d++) {
          const v = values[drawn[d]! * C + k]!;
          if (v === v) buffer.push(v);
        }
        value = buffer.length > 0 ? aggregate(buffer, t.aggregation, t.trim).value : NaN;
      }
      // no drawn judge scored this criterion: keep the scored value
      s[i * C + k] = value === value ? value : baseS[i * C + k]!;
    }
  }
}

/** Step 3, docs/reference/scoring.md steps 6–8: total, rounding, pass. */
function computeTotals(t: State, roundS: boolean): void {
  const {
    R,
    C,
    lo,
    hi,
    weights,
    weightSet,
    s,
    sRounded,
    total,
    passed,
    thresholdTotal,
    thresholdCriterion,
    thresholdMin,
  } = t;
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
    for (let h = 0; h < thresholds; h++)
      if (!(sRounded[base + thresholdCriterion[h]!]! >= thresholdMin[h]!)) ok = false;
    passed[i] = ok ? 1 : 0;
  }
}

/** The order of two entries (docs/reference/scoring.md step 9): total, each tie-break criterion (descending), then id. */
function compareStanding(t: State, a: number, b: number): number {
  const { total, sRounded, tieBreak, C } = t;
  if (total[a] !== total[b]) return total[b]! - total[a]!;
  for (let h = 0; h < tieBreak.length; h++) {
    const x = sRounded[a * C + tieBreak[h]!]!;
    const y = sRounded[b * C + tieBreak[h]!]!;
    if (x !== y) return y - x;
  }
  return t.idOrder[a]! - t.idOrder[b]!;
}

function sameStanding(t: State, a: number, b: number): boolean {
  if (t.total[a] !== t.total[b]) return false;
  for (let h = 0; h < t.tieBreak.length; h++)
    if (t.sRounded[a * t.C + t.tieBreak[h]!] !== t.sRounded[b * t.C + t.tieBreak[h]!]) return false;
  return true;
}

/**
 * Step 4, docs/reference/scoring.md step 9: the order, competition ranks and category ranks. One numeric key per
 * entry, (best total − total)·2^bits + id position, so that a plain numeric sort orders by
 * total, then id; runs of equal totals are re-sorted with the tie-break criteria. A comparator
 * sort when the totals span too much for the key.
 */
function rankRun(t: State): void {
  const { R, total, keys, order, idOrder, byIdOrder, rank } = t;
  const bits = Math.max(1, Math.ceil(Math.log2(R + 1)));
  const scale = 2 ** bits;
  let top = -Infinity;
  let bottom = Infinity;
  for (let i = 0; i < R; i++) {
    const x = Math.round(total[i]! * 1e6);
    if (x > top) top = x;
    if (x < bottom) bottom = x;
  }
  const compare = (a: number, b: number) => compareStanding(t, a, b);
  if ((top - bottom + 1) * scale < 2 ** 53) {
    for (let i = 0; i < R; i++) keys[i] = (top - Math.round(total[i]! * 1e6)) * scale + idOrder[i]!;
    keys.sort();
    for (let p = 0; p < R; p++) order[p] = byIdOrder[keys[p]! % scale]!;
    if (t.tieBreak.length > 0) {
      for (let p = 0; p < R;) {
        let q = p + 1;
        while (q < R && total[order[q]!] === total[order[p]!]) q++;
        if (q - p > 1) order.subarray(p, q).sort(compare);
        p = q;
      }
    }
  } else {
    for (let i = 0; i < R; i++) order[i] = i;
    order.sort(compare);
  }
  for (let p = 0; p < R; p++) {
    const i = order[p]!;
    rank[i] = p > 0 && sameStanding(t, order[p - 1]!, i) ? rank[order[p - 1]!]! : p + 1;
  }
  if (t.categories === 0) return;
  const seen = new Int32Array(t.categories);
  const last = new Int32Array(t.categories).fill(-1);
  for (let p = 0; p < R; p++) {
    const i = order[p]!;
    const k = t.categoryIndex[i]!;
    if (k < 0) continue;
    seen[k]!++;
    t.categoryRank[i] = last[k]! >= 0 && sameStanding(t, last[k]!, i) ? t.categoryRank[last[k]!]! : seen[k]!;
    last[k] = i;
  }
}

export function runSensitivity(
  result: ScoreResult,
  detail: ScoringDetail,
  options: SensitivityOptions,
): SensitivityResult {
  const { rubric } = result;
  const C = rubric.criteria.length;
  const random = seededRandom(options.seed);
  const ranked = result.entries.filter((e): e is EntryResult & { rank: number } => e.rank !== null);
  const R = ranked.length;
  const checkedIndex = new Map<Entry, number>(detail.checked.map((c, i) => [c.entry, i]));
  const source = ranked.map((e) => checkedIndex.get(e.entry)!);

  const baseWeights = [Float64Array.from(rubric.criteria, (c) => c.weight)];
  const setOfCategory = new Map<string, number>();
  for (const k of rubric.categories) {
    const own = rubric.categoryWeights[k.id];
    if (!own) continue;
    setOfCategory.set(k.id, baseWeights.length);
    baseWeights.push(Float64Array.from(rubric.criteria, (c) => own[c.id] ?? 0));
  }
  const baseS = new Float64Array(R * C);
  const aggregates = detail.aggregates();
  ranked.forEach((_, i) => {
    const scored = aggregates[source[i]!]!;
    rubric.criteria.forEach((c, k) => (baseS[i * C + k] = scored[c.id] ?? NaN));
  });
  const idOrder = new Int32Array(R);
  ranked
    .map((_, i) => i)
    .sort((a, b) => compareCodePoints(ranked[a]!.id, ranked[b]!.id))
    .forEach((i, position) => (idOrder[i] = position));
  const byIdOrder = new Int32Array(R);
  for (let i = 0; i < R; i++) byIdOrder[idOrder[i]!] = i;
  const categoryIds = rubric.categories.map((k) => k.id);
  const categoryOf = ranked.map((e) => (e.categoryKnown ? e.category : null));
  const thresholdEntries = Object.entries(rubric.thresholds.criteria);
  const criterionIndex = (id: string) => rubric.criteria.findIndex((k) => k.id === id);
  const { judgeStart, values } = options.resampleJudges
    ? judgeTable(detail, source, C)
    : { judgeStart: new Int32Array(R + 1), values: new Float64Array(0) };

  const t: State = {
    R,
    C,
    lo: rubric.scale.min,
    hi: rubric.scale.max,
    baseWeights,
    weights: baseWeights.map((w) => new Float64Array(w.length)),
    weightSet: Int32Array.from(ranked, (e) => (e.categoryKnown ? (setOfCategory.get(e.category) ?? 0) : 0)),
    baseS,
    s: baseS.slice(),
    sRounded: baseS.map((x) => round6Fast(x)),
    total: new Float64Array(R),
    passed: new Uint8Array(R),
    thresholdTotal: rubric.thresholds.total ?? -Infinity,
    thresholdCriterion: Int32Array.from(thresholdEntries, ([c]) => criterionIndex(c)),
    thresholdMin: Float64Array.from(thresholdEntries, ([, min]) => min),
    judgeStart,
    values,
    aggregation: rubric.aggregation,
    trim: rubric.trim,
    drawn: new Int32Array(16),
    buffer: [],
    tieBreak: Int32Array.from(rubric.tieBreak, criterionIndex),
    idOrder,
    byIdOrder,
    keys: new Float64Array(R),
    order: new Int32Array(R),
    rank: new Int32Array(R),
    categoryIndex: Int32Array.from(categoryOf, (c) => (c === null ? -1 : categoryIds.indexOf(c))),
    categories: rubric.shortlists.some((s) => s.perCategory) ? categoryIds.length : 0,
    categoryRank: new Int32Array(R),
  };

  const rankMin = new Int32Array(R).fill(2 ** 31 - 1);
  const rankMax = new Int32Array(R);
  const inShortlist = rubric.shortlists.map(() => new Int32Array(R));
  // Step 5 uses the scorer's own shortlist rule, on candidate objects made once.
  const candidateOf: Candidate[] = ranked.map((e, i) => ({
    id: e.id,
    category: categoryOf[i]!,
    group: e.group,
    rank: 0,
    categoryRank: null,
  }));
  const indexOfId = new Map(ranked.map((e, i) => [e.id, i]));
  const candidates: Candidate[] = [];

  for (let run = 0; run < options.runs; run++) {
    moveWeights(t, random, options.weightSpread);
    if (options.resampleJudges) resampleJudges(t, random);
    computeTotals(t, options.resampleJudges);
    rankRun(t);
    candidates.length = 0;
    for (let p = 0; p < R; p++) {
      const i = t.order[p]!;
      const r = t.rank[i]!;
      if (r < rankMin[i]!) rankMin[i] = r;
      if (r > rankMax[i]!) rankMax[i] = r;
      if (!t.passed[i]) continue;
      const candidate = candidateOf[i]!;
      candidate.rank = r;
      candidate.categoryRank = t.categoryIndex[i]! >= 0 ? t.categoryRank[i]! : null;
      candidates.push(candidate);
    }
    rubric.shortlists.forEach((rule, k) => {
      const counts = inShortlist[k]!;
      for (const id of drawShortlist(rule, candidates, categoryIds).taken) counts[indexOfId.get(id)!]!++;
    });
    options.onProgress?.(run + 1, options.runs);
  }

  const runs = options.runs;
  // Without a weight spread or resampling every run is the scored result again: nothing to estimate.
  const randomRuns = options.weightSpread > 0 || options.resampleJudges;
  const entries: SensitivityEntry[] = ranked.map((e, i) => {
    const shortlists: Record<string, number> = {};
    const intervals: Record<string, [number, number]> = {};
    let borderline = false;
    rubric.shortlists.forEach((rule, k) => {
      const hits = inShortlist[k]![i]!;
      const share = runs > 0 ? round6(hits / runs) : 0;
      const [low, high] = randomRuns || runs === 0 ? wilsonInterval(hits, runs, Z95) : [share, share];
      shortlists[rule.name] = share;
      intervals[rule.name] = [round6(low), round6(high)];
      if (round6(high) >= BORDERLINE.low && round6(low) <= BORDERLINE.high) borderline = true;
    });
    return {
      id: e.id,
      title: e.title,
      rank: e.rank,
      rank_min: runs > 0 ? rankMin[i]! : e.rank,
      rank_max: runs > 0 ? rankMax[i]! : e.rank,
      shortlists,
      intervals,
      borderline,
    };
  });
  const widest = randomRuns && runs > 0 ? wilsonInterval(runs / 2, runs, Z95) : null;
  return {
    runs,
    seed: /^(0|[1-9]\d{0,14})$/.test(options.seed) ? Number(options.seed) : options.seed,
    weight_spread: options.weightSpread,
    resample_judges: options.resampleJudges,
    interval: { method: 'wilson', confidence: 0.95, max_half_width: widest ? round6((widest[1] - widest[0]) / 2) : 0 },
    borderline_rule: { low: BORDERLINE.low, high: BORDERLINE.high, rule: 'interval-overlaps-band' },
    entries,
  };
}

/** Each ranked entry's judges, one row of C normalized values each (NaN where not scored). */
function judgeTable(
  detail: ScoringDetail,
  source: readonly number[],
  C: number,
): { judgeStart: Int32Array; values: Float64Array } {
  const { kept } = detail.scores;
  const first = new Int32Array(detail.checked.length).fill(-1);
  const end = new Int32Array(detail.checked.length);
  for (let r = 0; r < kept.count; r++) {
    const e = kept.entry[r]!;
    if (first[e] === -1) first[e] = r;
    end[e] = r + 1;
  }
  const judgeStart = new Int32Array(source.length + 1);
  const rows: number[] = [];
  source.forEach((e, i) => {
    judgeStart[i] = rows.length / C;
    if (first[e] === -1) return;
    let current = -1;
    // an entry's records are contiguous and ordered by judge (scoring's canonical order)
    for (let r = first[e]!; r < end[e]!; r++) {
      if (kept.judge[r] !== current) {
        current = kept.judge[r]!;
        for (let k = 0; k < C; k++) rows.push(NaN);
      }
      rows[rows.length - C + kept.criterion[r]!] = detail.normalized[r]!;
    }
  });
  judgeStart[source.length] = rows.length / C;
  return { judgeStart, values: Float64Array.from(rows) };
}
