/**
 * docs/reference/scoring.md step 3 — normalization over all remaining records (also those of entries that will turn out
 * incomplete or ineligible), and the small sums and means used by aggregation.
 */
import type { NormalizationMethod } from '../model/rubric.js';

export interface NormalizeInput {
  /** Needed by `severity` only (records of one entry are taken together). */
  entry?: string;
  judge: string;
  criterion: string;
  value: number;
}

/**
 * x' per record of columnar data: `judge[i]` in [0, judges), `criterion[i]` in [0, criteria).
 * Sums are taken in the order of the records; callers pass them in canonical order (entry id,
 * judge id, criterion) so that the result does not depend on the order of rows in the files.
 */
export function normalizeColumns(
  count: number,
  judge: Int32Array,
  criterion: Int32Array,
  value: Float64Array,
  judges: number,
  criteria: number,
  method: NormalizationMethod,
  entry?: Int32Array,
): Float64Array {
  // A view, not a copy: nothing writes to the result (a stress year's copy would be 40 MB).
  if (method === 'none') return value.subarray(0, count);
  if (method === 'severity') {
    if (entry === undefined) throw new Error('severity normalization needs the entry of each record');
    const severity = severityColumns(count, entry, judge, criterion, value, judges, criteria);
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) out[i] = value[i]! - severity[judge[i]! * criteria + criterion[i]!]!;
    return out;
  }
  const groups = judges * criteria;
  const n = new Float64Array(groups);
  const sum = new Float64Array(groups);
  const cn = new Float64Array(criteria);
  const csum = new Float64Array(criteria);
  // A judge who gave one score throughout has σ_jc = 0 exactly, and its mean is that score; the
  // sums say so only roughly (three 6.4s sum to a mean of 6.400000000000001, and a σ of 1e-15
  // would scale the judge's noise up to the panel's spread). So each group notes whether all its
  // values are one, and such a group's σ is 0 and its μ the value (the same for a criterion).
  const first = new Float64Array(groups);
  const varied = new Uint8Array(groups);
  const cfirst = new Float64Array(criteria);
  const cvaried = new Uint8Array(criteria);
  for (let i = 0; i < count; i++) {
    const c = criterion[i]!;
    const g = judge[i]! * criteria + c;
    const x = value[i]!;
    if (n[g]!++ === 0) first[g] = x;
    else if (x !== first[g]) varied[g] = 1;
    sum[g]! += x;
    if (cn[c]!++ === 0) cfirst[c] = x;
    else if (x !== cfirst[c]) cvaried[c] = 1;
    csum[c]! += x;
  }
  const mu = sum.map((s, g) => (varied[g] ? s / n[g]! : first[g]!));
  const cmu = csum.map((s, c) => (cvaried[c] ? s / cn[c]! : cfirst[c]!));
  const sq = new Float64Array(groups);
  const csq = new Float64Array(criteria);
  for (let i = 0; i < count; i++) {
    const g = judge[i]! * criteria + criterion[i]!;
    const d = value[i]! - mu[g]!;
    sq[g]! += d * d;
    const e = value[i]! - cmu[criterion[i]!]!;
    csq[criterion[i]!]! += e * e;
  }
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const c = criterion[i]!;
    const g = judge[i]! * criteria + c;
    const sigma = varied[g] ? Math.sqrt(sq[g]! / n[g]!) : 0;
    const csigma = cvaried[c] ? Math.sqrt(csq[c]! / cn[c]!) : 0;
    out[i] = sigma === 0 ? cmu[c]! : cmu[c]! + (csigma * (value[i]! - mu[g]!)) / sigma;
  }
  return out;
}

/**
 * x' per record, in input order (sums in the order given). For `severity`, an entry's records
 * must be contiguous (the canonical order: entry, judge, criterion).
 */
export function normalize(records: readonly NormalizeInput[], method: NormalizationMethod): number[] {
  if (method === 'none') return records.map((r) => r.value);
  const judges = new Map<string, number>();
  const criteria = new Map<string, number>();
  const entries = new Map<string, number>();
  const slot = (m: Map<string, number>, k: string) => m.get(k) ?? (m.set(k, m.size), m.size - 1);
  const j = Int32Array.from(records, (r) => slot(judges, r.judge));
  const c = Int32Array.from(records, (r) => slot(criteria, r.criterion));
  const e = Int32Array.from(records, (r) => slot(entries, r.entry ?? ''));
  return [
    ...normalizeColumns(
      records.length,
      j,
      c,
      Float64Array.from(records, (r) => r.value),
      judges.size,
      criteria.size,
      method,
      e,
    ),
  ];
}

/**
 * The additive judge-severity model (`normalization: severity`, docs/guide/scoring.md, "Choosing a normalization"):
 * per criterion c, a_ec and s_jc minimise Σ (x − a_ec − s_jc)² over c's records, with Σ s_jc = 0
 * over the judges of each connected piece of c's judge–entry graph (each judge once).
 *
 * Solved exactly: eliminating the entries leaves, per piece, L s = b with
 *   L_jk = n_j·[j = k] − Σ_{e scored by j and k} 1/n_e,   b_j = Σ_{e of j} (x_ej − x̄_e),
 * singular only along 1 on a connected piece; (L + 11ᵀ) s = b is symmetric positive definite and
 * its solution is the sum-to-zero one (1ᵀL = 0 and 1ᵀb = 0). A dense Cholesky factorisation per
 * piece: O(Σ n_e²) to build, O(J³/3) to factor (400 judges: about 21 million multiply-adds; 2,000
 * judges in one piece: 2.7 billion, about a second), done once for consecutive criteria with
 * the same judge–entry graph (the usual sheet: each judge scores every criterion of an entry).
 *
 * Records are taken in the caller's canonical order (entry id, judge id, criterion), so an
 * entry's records on c are contiguous and a piece's judges are numbered in the order they first
 * appear there: the result does not depend on the order of rows in the files.
 * Returns s_jc as `severity[judge * criteria + c]` (0 for a judge with no record on c).
 *
 * With `errors`, also each s_jc's standard error, in the same layout: σ̂·√(L⁺_jj), where σ̂² is the
 * criterion's residual sum of squares over its degrees of freedom (records − entries − judges +
 * pieces) and L⁺ = (L + 11ᵀ)⁻¹ − 11ᵀ/J² is the covariance of the sum-to-zero solution per unit
 * of σ². NaN where there is no degree of freedom left to estimate σ̂ from.
 */
export function severityColumns(
  count: number,
  entry: Int32Array,
  judge: Int32Array,
  criterion: Int32Array,
  value: Float64Array,
  judges: number,
  criteria: number,
  errors?: Float64Array,
): Float64Array {
  const severity = new Float64Array(judges * criteria);
  // The previous criterion's judge–entry graph, its pieces factored. A criterion with the same
  // graph (every judge scoring every criterion of the entries they read: the usual sheet) has the
  // same pieces and the same matrices, bit for bit (built in the same order from the same
  // pairs): their factors serve again, one O(J³/3) factorisation per piece instead of one per
  // criterion, and no second matrix is built.
  let graph: Graph | undefined;
  for (let c = 0; c < criteria; c++) {
    // This criterion's records, in canonical order.
    const rows: number[] = [];
    for (let i = 0; i < count; i++) if (criterion[i] === c) rows.push(i);
    if (rows.length === 0) continue;
    if (graph === undefined || !sameGraph(graph.rows, rows, entry, judge))
      graph = factoredGraph(rows, entry, judge, judges);
    const { order, pieces, pieceOf, local } = graph;
    const bs = pieces.map((piece) => new Float64Array(piece.members.length));
    for (let a = 0; a < rows.length;) {
      const e = entry[rows[a]!]!;
      let b = a;
      let sum = 0;
      for (; b < rows.length && entry[rows[b]!] === e; b++) sum += value[rows[b]!]!;
      const xbar = sum / (b - a);
      const rhs = bs[pieceOf[judge[rows[a]!]!]!]!;
      for (let p = a; p < b; p++) rhs[local[judge[rows[p]!]!]!]! += value[rows[p]!]! - xbar;
      a = b;
    }
    const spread = new Float64Array(judges);
    pieces.forEach((piece, p) => {
      const { members, factor } = piece;
      const s = solveFactored(factor, bs[p]!, members.length);
      members.forEach((j, k) => {
        severity[j * criteria + c] = s[k]!;
      });
      if (errors === undefined) return;
      piece.spread ??= inverseDiagonal(factor, members.length);
      members.forEach((j, k) => {
        spread[j] = piece.spread![k]!;
      });
    });
    if (errors === undefined) continue;
    let rss = 0;
    let entriesOnC = 0;
    for (let a = 0; a < rows.length;) {
      const e = entry[rows[a]!]!;
      let b = a;
      let sum = 0;
      for (; b < rows.length && entry[rows[b]!] === e; b++)
        sum += value[rows[b]!]! - severity[judge[rows[b]!]! * criteria + c]!;
      const quality = sum / (b - a);
      for (let p = a; p < b; p++) {
        const r = value[rows[p]!]! - quality - severity[judge[rows[p]!]! * criteria + c]!;
        rss += r * r;
      }
      entriesOnC++;
      a = b;
    }
    const freedom = rows.length - entriesOnC - order.length + pieces.length;
    const sigma2 = freedom > 0 ? rss / freedom : NaN;
    for (const j of order) errors[j * criteria + c] = Math.sqrt(sigma2 * spread[j]!);
  }
  return severity;
}

/**
 * A criterion's judge–entry graph for the severity fit: its records (indices, canonical order),
 * its judges in the order they first appear, its connected pieces with each judge's piece and
 * place in it, and each piece's matrix M = L + 11ᵀ as its Cholesky factor (and the judges'
 * (M⁻¹)_kk − 1/n², once asked for).
 */
interface Graph {
  rows: readonly number[];
  order: readonly number[];
  pieces: { members: readonly number[]; factor: Float64Array; spread?: Float64Array }[];
  pieceOf: Int32Array;
  local: Int32Array;
}

/** True when two criteria's records pair the same entries with the same judges, in the same order. */
function sameGraph(before: readonly number[], rows: readonly number[], entry: Int32Array, judge: Int32Array): boolean {
  if (before.length !== rows.length) return false;
  for (let k = 0; k < rows.length; k++)
    if (entry[before[k]!] !== entry[rows[k]!] || judge[before[k]!] !== judge[rows[k]!]) return false;
  return true;
}

/** The graph of one criterion's records (see Graph), its pieces' matrices built and factored. */
function factoredGraph(rows: readonly number[], entry: Int32Array, judge: Int32Array, judges: number): Graph {
  // Pieces: judges joined through the entries they share.
  const parent = Int32Array.from({ length: judges }, (_, j) => j);
  const seen = new Uint8Array(judges);
  const find = (j: number): number => {
    while (parent[j] !== j) {
      parent[j] = parent[parent[j]!]!;
      j = parent[j]!;
    }
    return j;
  };
  const order: number[] = [];
  for (let a = 0; a < rows.length;) {
    const e = entry[rows[a]!]!;
    const first = judge[rows[a]!]!;
    let b = a;
    for (; b < rows.length && entry[rows[b]!] === e; b++) {
      const j = judge[rows[b]!]!;
      if (!seen[j]) {
        seen[j] = 1;
        order.push(j);
      }
      const r1 = find(first);
      const r2 = find(j);
      if (r1 !== r2) parent[r2] = r1;
    }
    a = b;
  }
  const byRoot = new Map<number, number[]>();
  for (const j of order) {
    const root = find(j);
    const members = byRoot.get(root);
    if (members === undefined) byRoot.set(root, [j]);
    else members.push(j);
  }
  const pieceOf = new Int32Array(judges);
  const local = new Int32Array(judges);
  const pieces: Graph['pieces'] = [];
  for (const members of byRoot.values()) {
    members.forEach((j, k) => {
      local[j] = k;
      pieceOf[j] = pieces.length;
    });
    // M = L + 11ᵀ, built on top of the ones.
    pieces.push({ members, factor: new Float64Array(members.length * members.length).fill(1) });
  }
  for (let a = 0; a < rows.length;) {
    const e = entry[rows[a]!]!;
    let b = a;
    while (b < rows.length && entry[rows[b]!] === e) b++;
    const n = b - a;
    const { members, factor: m } = pieces[pieceOf[judge[rows[a]!]!]!]!;
    const size = members.length;
    for (let p = a; p < b; p++) {
      const jp = local[judge[rows[p]!]!]!;
      m[jp * size + jp]! += 1;
      for (let q = a; q < b; q++) m[jp * size + local[judge[rows[q]!]!]!]! -= 1 / n;
    }
    a = b;
  }
  for (const { members, factor } of pieces) factorSymmetricPositive(factor, members.length);
  return { rows, order, pieces, pieceOf, local };
}

/** Per k, (M⁻¹)_kk − 1/n² = ‖R⁻¹ e_k‖² − 1/n² (at least 0), from M's Cholesky factor R (M = R Rᵀ). */
function inverseDiagonal(r: Float64Array, n: number): Float64Array {
  const spread = new Float64Array(n);
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    y.fill(0);
    let norm = 0;
    for (let i = k; i < n; i++) {
      let t = i === k ? 1 : 0;
      for (let q = k; q < i; q++) t -= r[i * n + q]! * y[q]!;
      y[i] = t / r[i * n + i]!;
      norm += y[i]! * y[i]!;
    }
    spread[k] = Math.max(0, norm - 1 / (n * n));
  }
  return spread;
}

/** Solves M x = b for a symmetric positive definite M (row-major, size n) by Cholesky, in place. */
export function solveSymmetricPositive(m: Float64Array, b: Float64Array, n: number): Float64Array {
  factorSymmetricPositive(m, n);
  return solveFactored(m, b, n);
}

/** M = R Rᵀ with R lower triangular, written over M's lower triangle (the upper one is left as it was). */
function factorSymmetricPositive(m: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    let d = m[j * n + j]!;
    for (let k = 0; k < j; k++) d -= m[j * n + k]! * m[j * n + k]!;
    if (!(d > 0)) throw new Error(`severity model: the system is not positive definite at row ${j} (${d})`);
    const rjj = Math.sqrt(d);
    m[j * n + j] = rjj;
    for (let i = j + 1; i < n; i++) {
      let s = m[i * n + j]!;
      for (let k = 0; k < j; k++) s -= m[i * n + k]! * m[j * n + k]!;
      m[i * n + j] = s / rjj;
    }
  }
}

/** Solves R Rᵀ x = b, R the factor factorSymmetricPositive wrote. */
function solveFactored(m: Float64Array, b: Float64Array, n: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= m[i * n + k]! * y[k]!;
    y[i] = s / m[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= m[k * n + i]! * x[k]!;
    x[i] = s / m[i * n + i]!;
  }
  return x;
}
