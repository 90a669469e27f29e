/**
 * The agreement statistics of `kipp judges`, on plain arrays: average ranks, Spearman's rho,
 * the one-way random-effects intraclass correlations ICC(1) (one judge) and ICC(1,k) (the mean
 * of k judges) for unbalanced panels, Kendall's W with the correction for ties, and the Wilson
 * interval of a Monte Carlo share. Each returns null where the statistic is undefined (too few
 * values, no variance) rather than NaN, so that reports can say "not defined".
 */

/** Ranks 1..n with ties given the average of the ranks they span ("fractional ranking"). */
export function averageRanks(values: ArrayLike<number>): number[] {
  // Equal values share one rank, so only the distinct values are sorted (scores repeat: a judge of
  // a stress year has 250,000 of a dozen values). A run of c equal values after `place` smaller
  // ones spans places place+1 .. place+c: its rank is their mean. Map keys compare like ===
  // (-0 and 0 are one value).
  const counts = new Map<number, number>();
  for (let k = 0; k < values.length; k++) counts.set(values[k]!, (counts.get(values[k]!) ?? 0) + 1);
  const distinct = Float64Array.from(counts.keys()).sort();
  const rankOf = new Map<number, number>();
  let place = 0;
  for (const v of distinct) {
    const c = counts.get(v)!;
    rankOf.set(v, (place + 1 + place + c) / 2);
    place += c;
  }
  return Array.from(values, (v) => rankOf.get(v)!);
}

/** Σ (t³ − t) over the groups of tied values (the tie term of Kendall's W). */
export function tieTerm(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (let k = 0; k < values.length; k++) counts.set(values[k]!, (counts.get(values[k]!) ?? 0) + 1);
  let t = 0;
  for (const c of counts.values()) t += c * c * c - c;
  return t;
}

/** Pearson's correlation; null with fewer than 2 pairs or when either side has no variance. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < 2 || y.length !== n) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rho: Pearson's correlation of the average ranks (the form that handles ties). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  if (x.length < 2) return null;
  return pearson(averageRanks(x), averageRanks(y));
}

/** The one-way ANOVA of groups of ratings (one group per target), as the ICCs read it. */
export interface OneWayAnova {
  /** Groups used (at least 2 ratings each) and ratings in them. */
  n: number;
  N: number;
  msb: number;
  msw: number;
  /** The effective group size of the unbalanced ANOVA, (N − Σ k_i² / N) / (n − 1). */
  k0: number;
  /** The harmonic mean of the group sizes, n / Σ (1 / k_i). */
  kHarmonic: number;
}

/**
 * One-way ANOVA over the groups with at least 2 ratings (a group of one rating carries no
 * information on agreement). Null with fewer than 2 such groups.
 */
export function oneWayAnova(groups: readonly (readonly number[])[]): OneWayAnova | null {
  const used = groups.filter((g) => g.length >= 2);
  const n = used.length;
  if (n < 2) return null;
  let N = 0;
  let sum = 0;
  let sumSquaredSizes = 0;
  let sumInverseSizes = 0;
  for (const g of used) {
    N += g.length;
    sumSquaredSizes += g.length * g.length;
    sumInverseSizes += 1 / g.length;
    for (const v of g) sum += v;
  }
  const grand = sum / N;
  let ssb = 0;
  let ssw = 0;
  for (const g of used) {
    let m = 0;
    for (const v of g) m += v;
    m /= g.length;
    ssb += g.length * (m - grand) * (m - grand);
    for (const v of g) ssw += (v - m) * (v - m);
  }
  return {
    n,
    N,
    msb: ssb / (n - 1),
    msw: ssw / (N - n),
    k0: (N - sumSquaredSizes / N) / (n - 1),
    kHarmonic: n / sumInverseSizes,
  };
}

/**
 * ICC(1) — one-way random effects, single rater, absolute agreement (Shrout & Fleiss 1979,
 * case 1, "ICC(1,1)"; McGraw & Wong 1996, ICC(1)) — for groups of unequal size: each group holds
 * the ratings one target (entry) got from whichever judges rated it, so every entry may have its
 * own subset of judges. With N ratings in n groups of sizes k_i:
 *   MSB = SSB / (n − 1), MSW = SSW / (N − n), k0 = (N − Σ k_i² / N) / (n − 1),
 *   ICC(1) = (MSB − MSW) / (MSB + (k0 − 1) · MSW).
 * It is the reliability of ONE judge's rating. Groups with fewer than 2 ratings are left out.
 * Null with fewer than 2 groups or no variance at all.
 */
export function icc1(groups: readonly (readonly number[])[]): number | null {
  const a = oneWayAnova(groups);
  if (a === null) return null;
  const denominator = a.msb + (a.k0 - 1) * a.msw;
  if (denominator === 0) return null;
  return (a.msb - a.msw) / denominator;
}

/**
 * ICC(1,k) — the same model, average measures: the reliability of the MEAN of k judges'
 * ratings, which is what a panel total is. It is ICC(1) stepped up by Spearman–Brown,
 *   ICC(1,k) = k · ICC(1) / (1 + (k − 1) · ICC(1)),
 * with k the harmonic mean of the judges per entry: an entry's mean of k_i ratings has error
 * variance σ²_w / k_i, and the panel's average of these is σ²_w / k_harmonic, so the harmonic
 * mean is the k whose single figure describes the panel's averaged totals. On a balanced panel
 * (every entry k judges) k0 = k_harmonic = k and this is exactly Shrout & Fleiss's
 * ICC(1,k) = (MSB − MSW) / MSB (R: psych::ICC's ICC1k). Null where ICC(1) is, or where the
 * step-up is undefined (1 + (k − 1)·ICC(1) ≤ 0, which needs a strongly negative ICC(1)).
 */
export function icc1k(groups: readonly (readonly number[])[]): { value: number | null; k: number | null } {
  const a = oneWayAnova(groups);
  const single = icc1(groups);
  if (a === null || single === null) return { value: null, k: a?.kHarmonic ?? null };
  const k = a.kHarmonic;
  const denominator = 1 + (k - 1) * single;
  return { value: denominator > 0 ? (k * single) / denominator : null, k };
}

/**
 * Kendall's coefficient of concordance W for m raters who each rated the same n objects
 * (`ratings[r][i]` = rater r's value for object i; higher or lower does not matter, only the
 * order). Values are ranked per rater with average ranks, and W is corrected for ties:
 *   W = 12 S / (m² (n³ − n) − m Σ_r T_r),  S = Σ_i (R_i − m (n + 1) / 2)²,
 *   T_r = Σ (t³ − t) over rater r's groups of tied values.
 * Without ties this is the textbook W = 12 S / (m² (n³ − n)). Null with fewer than 2 raters or
 * 2 objects, or when every rater tied every object.
 */
export function kendallW(ratings: readonly (readonly number[])[]): number | null {
  const m = ratings.length;
  if (m < 2) return null;
  const n = ratings[0]!.length;
  if (n < 2 || ratings.some((r) => r.length !== n)) return null;
  const rankSums = new Array<number>(n).fill(0);
  let ties = 0;
  for (const r of ratings) {
    const ranks = averageRanks(r);
    for (let i = 0; i < n; i++) rankSums[i]! += ranks[i]!;
    ties += tieTerm(r);
  }
  const meanRankSum = (m * (n + 1)) / 2;
  let s = 0;
  for (const R of rankSums) s += (R - meanRankSum) * (R - meanRankSum);
  const denominator = m * m * (n * n * n - n) - m * ties;
  if (denominator <= 0) return null;
  return (12 * s) / denominator;
}

/**
 * The Wilson score interval of a share observed as `hits` of `n` independent runs, at the
 * normal quantile z (1.96: 95%). Unlike p ± z·sqrt(p(1 − p)/n) it stays inside [0, 1] and does
 * not collapse to a point at 0 or n hits (0 of 1,000 runs still allows up to 0.38%).
 *   centre = (p + z²/2n) / (1 + z²/n),  half = z · sqrt(p(1 − p)/n + z²/4n²) / (1 + z²/n).
 */
export function wilsonInterval(hits: number, n: number, z = 1.96): [number, number] {
  if (n <= 0) return [0, 1];
  const p = hits / n;
  const z2 = z * z;
  const d = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
