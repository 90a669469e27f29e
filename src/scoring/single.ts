/**
 * One set of score rows through docs/reference/scoring.md, in its order: a rubric without stages,
 * or one stage of a staged rubric (src/scoring/stages.ts). Pure: loaded records in, a ScoreResult out.
 *   1–2 records and conflicts (src/validate/scores.ts) → 3 normalization → 4 aggregation →
 *   5 completeness and eligibility → 6 total → 7 rounding → 8 pass → 9 rank → 10 shortlists.
 * The helpers the staged scorer shares (pass marks, ranking of finished results, the result
 * object) live here too, so that stages.ts depends on this module and not the other way round.
 */
import { compareDiagnostics, diagnostic, inSheets, limitDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { compareCodePoints, foldText, resolveAgencyType } from '../model/names.js';
import type { Competition } from '../model/records.js';
import type {
  EntryFlag,
  EntryResult,
  JudgeSeverity,
  RecordTable,
  ScoredRecord,
  ScoreResult,
  ShortlistResult,
} from '../model/result.js';
import { weightsFor, type Rubric } from '../model/rubric.js';
import { checkEntries, localToday, type CheckedEntry } from '../validate/entries.js';
import { checkScores, type CheckedScores } from '../validate/scores.js';
import { checkPanelOf } from '../validate/panel.js';
import { aggregate } from './aggregate.js';
import { normalizeColumns } from './normalize.js';
import { categoryRanks, rankByKeys, rankKeys, type Ranking } from './rank.js';
import { round6 } from './round.js';
import { drawShortlist, type Candidate } from './shortlist.js';
import { NONE, pushAll } from '../model/arrays.js';

export interface ScoreOptions {
  /** Reference date for the age rule (ISO); over the rubric's reference_date; neither: today. */
  asOf?: string | undefined;
  /**
   * Scoring may take over `competition.scores` (CheckScoresOptions.takeSheet): for a caller that
   * reads nothing of the sheet afterwards (kipp score, export and judges). Off by default.
   */
  takeSheet?: boolean | undefined;
}

export function referenceDate(rubric: Rubric, asOf: string | undefined): string {
  return asOf ?? rubric.eligibility.referenceDate ?? localToday();
}

/**
 * Step 8: the pass marks an entry misses, appended to `failed`: `total`, then each criterion
 * (rubric order) whose value is below its minimum. `criterion(k)` is the value of the rubric's
 * k-th criterion, undefined when the entry has none (which misses no mark).
 */
export function missedMarks(
  rubric: Rubric,
  total: number,
  criterion: (k: number) => number | undefined,
  failed: string[] = [],
): string[] {
  if (rubric.thresholds.total !== undefined && total < rubric.thresholds.total) failed.push('total');
  rubric.criteria.forEach((c, k) => {
    const min = rubric.thresholds.criteria[c.id];
    const value = criterion(k);
    if (min !== undefined && value !== undefined && value < min) failed.push(c.id);
  });
  return failed;
}

/** The unrounded totals formula of docs/reference/scoring.md step 6, on the 0–100 scale. */
export function weightedTotal(rubric: Rubric, weights: Record<string, number>, values: Record<string, number>): number {
  return weightedTotalOf(rubric, weights, (id) => values[id]!);
}

/** weightedTotal with each criterion's value (id, rubric index) from a function: the same sums in the same order. */
export function weightedTotalOf(
  rubric: Rubric,
  weights: Record<string, number>,
  valueOf: (id: string, k: number) => number,
): number {
  let sum = 0;
  let weightSum = 0;
  for (let k = 0; k < rubric.criteria.length; k++) {
    const id = rubric.criteria[k]!.id;
    const w = weights[id] ?? 0;
    sum += w * valueOf(id, k);
    weightSum += w;
  }
  const { min: lo, max: hi } = rubric.scale;
  return (100 * (sum / weightSum - lo)) / (hi - lo);
}

export interface ScoringDetail {
  checked: CheckedEntry[];
  scores: CheckedScores;
  /** Normalized value per remaining record (same order as scores.kept and scores.records). */
  normalized: Float64Array;
  /** 1 for a remaining record dropped by the trimmed mean (same order). */
  trimmed: Uint8Array;
  /**
   * Unrounded s_c per entry index, one object per entry: a method, not a field (a stress year has
   * 200,000 entries; a spread of the detail would build them). Built on the first call.
   */
  aggregates(): Record<string, number>[];
  /** With rubric stages: each stage's own detail (the fields above are the first stage's). */
  stages?: { name: string; detail: ScoringDetail }[];
}

/** Steps 1–10 on every score row of `competition`, its rubric's stages (if any) not looked at. */
export function scoreSingle(
  competition: Competition,
  options: ScoreOptions = {},
): { result: ScoreResult; detail: ScoringDetail } {
  const { rubric } = competition;
  const asOf = referenceDate(rubric, options.asOf);
  const { checked, diagnostics: entryDiagnostics } = checkEntries(competition.entries, rubric, asOf);
  // Steps 1–2.
  const scores = checkScores(competition, checked, { takeSheet: options.takeSheet === true });
  // Step 3, over the records in canonical order (entry id, judge id, criterion).
  const { kept } = scores;
  const normalized = normalizeColumns(
    kept.count,
    kept.judge,
    kept.criterion,
    kept.value,
    scores.judges.length,
    rubric.criteria.length,
    rubric.normalization,
    kept.entry,
  );
  const severities = rubric.normalization === 'severity' ? judgeSeverities(rubric, scores, normalized) : undefined;
  // Step 4 → steps 5–8 → step 9, each on the columns the one before made; the result objects
  // only then, in report order.
  const aggregated = aggregateColumns(rubric, scores, normalized, checked.length);
  const totals = totalEntries(rubric, checked, scores, aggregated);
  const ranking = rankEntries(rubric, checked, scores, totals);
  const entries = resultsInReportOrder(rubric, checked, scores, totals, ranking);
  // Step 10.
  const { shortlists, diagnostics: shortlistDiagnostics } = drawShortlists(
    rubric,
    entries.slice(0, totals.ranked.length),
    entries,
  );
  // docs/guide/analytics.md: a judge–entry graph in pieces makes z-score normalization meaningless (a warning,
  // where the rubric's normalization compares judges at all).
  const panel = checkPanelOf(rubric, competition.hasScoreSheets, scores);
  // Each part was limited (LISTED_PER_CODE); joined and sorted, they are limited as one list.
  const diagnostics = limitDiagnostics(
    inSheets(
      [...competition.diagnostics, ...entryDiagnostics, ...scores.diagnostics, ...panel],
      competition.inputs,
    ).sort(compareDiagnostics),
  ).concat(shortlistDiagnostics);
  const { trimmed } = aggregated;
  let aggregates: Record<string, number>[] | undefined;
  return {
    result: assembleResult(
      competition,
      asOf,
      entries,
      shortlists,
      diagnostics,
      () => scoredRecords(rubric, checked, scores, normalized, trimmed),
      severities,
      (stage) => (stage === undefined ? recordTable(checked, scores, normalized, trimmed) : undefined),
    ),
    detail: {
      checked,
      scores,
      normalized,
      trimmed,
      aggregates: () => (aggregates ??= aggregateObjects(rubric, aggregated, checked.length)),
    },
  };
}

/**
 * Step 4's figures in columns: the unrounded s_c per entry × criterion (`agg`, where `has` is 1),
 * not an object per entry (aggregateObjects makes those when a consumer asks), and the records
 * the trimmed mean dropped.
 */
interface Aggregated {
  agg: Float64Array;
  has: Uint8Array;
  /** 1 for a remaining record dropped by the trimmed mean (same order as scores.kept). */
  trimmed: Uint8Array;
}

/** Step 4: an entry's records are contiguous; per criterion, its judges in id order. */
function aggregateColumns(rubric: Rubric, scores: CheckedScores, normalized: Float64Array, n: number): Aggregated {
  const { kept } = scores;
  const C = rubric.criteria.length;
  const agg = new Float64Array(n * C);
  const has = new Uint8Array(n * C);
  const trimmed = new Uint8Array(kept.count);
  const values: number[][] = rubric.criteria.map(() => []);
  const indices: number[][] = rubric.criteria.map(() => []);
  const mean = rubric.aggregation === 'mean';
  const sums = new Float64Array(C);
  const counts = new Int32Array(C);
  for (let a = 0; a < kept.count;) {
    const entry = kept.entry[a]!;
    let b = a;
    if (mean) {
      // The mean needs no list: each criterion's sum is taken in the same (judge-id) order as
      // aggregate() would take it.
      for (; b < kept.count && kept.entry[b] === entry; b++) {
        sums[kept.criterion[b]!]! += normalized[b]!;
        counts[kept.criterion[b]!]!++;
      }
      for (let c = 0; c < C; c++) {
        if (counts[c] === 0) continue;
        agg[entry * C + c] = sums[c]! / counts[c]!;
        has[entry * C + c] = 1;
        sums[c] = 0;
        counts[c] = 0;
      }
      a = b;
      continue;
    }
    for (; b < kept.count && kept.entry[b] === entry; b++) {
      values[kept.criterion[b]!]!.push(normalized[b]!);
      indices[kept.criterion[b]!]!.push(b);
    }
    for (let c = 0; c < C; c++) {
      const v = values[c]!;
      if (v.length === 0) continue;
      const result = aggregate(v, rubric.aggregation, rubric.trim);
      agg[entry * C + c] = result.value;
      has[entry * C + c] = 1;
      for (const t of result.trimmed) trimmed[indices[c]![t]!] = 1;
      v.length = 0;
      indices[c]!.length = 0;
    }
    a = b;
  }
  return { agg, has, trimmed };
}

/** The unrounded s_c as one object per entry (ScoringDetail.aggregates), by criterion id. */
function aggregateObjects(rubric: Rubric, { agg, has }: Aggregated, n: number): Record<string, number>[] {
  const C = rubric.criteria.length;
  return Array.from({ length: n }, (_, i) => {
    const s: Record<string, number> = {};
    for (let k = 0; k < C; k++) if (has[i * C + k] === 1) s[rubric.criteria[k]!.id] = agg[i * C + k]!;
    return s;
  });
}

/** Steps 5–8 in columns, per entry index. */
interface Totals {
  /** s_c rounded (step 7), where `scored` says the entry has one. */
  value: Float64Array;
  scored: Uint8Array;
  /** Entries with a total (step 6), in entry order, and their totals and failed pass marks. */
  ranked: number[];
  totals: Float64Array;
  /** The pass marks missed (step 8); undefined: no total (incomplete, ineligible or no id). */
  failedOf: (readonly string[])[];
}

/**
 * Steps 5–8, entry by entry, into columns: the result objects are made after ranking, in
 * report order, so that ranking, the shortlists and the report writers read a stress year's
 * 200,000 entries in the order they lie in memory instead of all over it. Weights are looked
 * up once per category, not once per entry.
 */
function totalEntries(
  rubric: Rubric,
  checked: CheckedEntry[],
  scores: CheckedScores,
  { agg, has }: Aggregated,
): Totals {
  const n = checked.length;
  const C = rubric.criteria.length;
  const ids = rubric.criteria.map((k) => k.id);
  const value = new Float64Array(n * C);
  const scored = new Uint8Array(n * C);
  const ranked: number[] = [];
  const totals = new Float64Array(n);
  const failedOf = new Array<readonly string[]>(n);
  /** Per category: the weights in rubric order (weightedTotal's `weights[c.id] ?? 0`). */
  const weightsOf = new Map<string | undefined, Float64Array>();
  const weightsForCategory = (category: string | undefined) => {
    let w = weightsOf.get(category);
    if (w === undefined) {
      const byId = weightsFor(rubric, category);
      weightsOf.set(category, (w = Float64Array.from(ids, (id) => byId[id] ?? 0)));
    }
    return w;
  };
  const { min: lo, max: hi } = rubric.scale;
  for (let i = 0; i < n; i++) {
    const c = checked[i]!;
    if (c.entry.id === '') continue; // reported as missing-field; an entry without an id cannot be reported
    // Step 7 on each s_c.
    for (let k = 0; k < C; k++) {
      if (has[i * C + k] === 0) continue;
      value[i * C + k] = round6(agg[i * C + k]!);
      scored[i * C + k] = 1;
    }
    // Step 5.
    if (scores.tooFewJudges.has(i) || c.errors.length > 0) continue; // incomplete or ineligible: no total
    // Step 6: weightedTotal on the column: the same products and sums in the same (rubric) order
    // (an absent s_c is NaN there as undefined is in weightedTotal).
    const w = weightsForCategory(c.category);
    let sum = 0;
    let weightSum = 0;
    for (let k = 0; k < C; k++) {
      sum += w[k]! * (has[i * C + k] === 1 ? agg[i * C + k]! : NaN);
      weightSum += w[k]!;
    }
    const total = round6((100 * (sum / weightSum - lo)) / (hi - lo));
    ranked.push(i);
    totals[i] = total;
    // Step 8.
    const missed = missedMarks(rubric, total, (k) => (scored[i * C + k] === 1 ? value[i * C + k] : undefined));
    failedOf[i] = missed.length > 0 ? missed : NONE;
  }
  return { value, scored, ranked, totals, failedOf };
}

/** Step 9: overall and per-category ranks of the entries with a total, on the columns. */
function rankEntries(
  rubric: Rubric,
  checked: CheckedEntry[],
  scores: CheckedScores,
  { value, scored, ranked, totals }: Totals,
): Ranking & { categoryRank: Int32Array } {
  const C = rubric.criteria.length;
  const ids = rubric.criteria.map((k) => k.id);
  const tieBreak = rubric.tieBreak.map((id) => ids.indexOf(id));
  const K = tieBreak.length + 1;
  const keys = new Float64Array(ranked.length * K);
  const idRank = new Int32Array(ranked.length);
  ranked.forEach((i, r) => {
    keys[r * K] = totals[i]!;
    tieBreak.forEach(
      (k, t) => (keys[r * K + 1 + t] = k >= 0 && scored[i * C + k] === 1 ? value[i * C + k]! : -Infinity),
    );
    idRank[r] = scores.entryRank[i]!;
  });
  const ranking = rankByKeys(ranked.length, K, keys, idRank);
  // Read in entry order once: looked up in rank order, each entry's object is a cache miss
  // (200,000 of them cost a stress year ~0.03 s).
  const categories = ranked.map((i) => checked[i]!.category);
  const categoryRank = categoryRanks(ranking.order, K, keys, (r) => categories[r]);
  return { ...ranking, categoryRank };
}

/** The results in report order: ranked entries in rank order, then the others by id. */
function resultsInReportOrder(
  rubric: Rubric,
  checked: CheckedEntry[],
  scores: CheckedScores,
  { value, scored, ranked, totals, failedOf }: Totals,
  ranking: Ranking & { categoryRank: Int32Array },
): EntryResult[] {
  const C = rubric.criteria.length;
  const ids = rubric.criteria.map((k) => k.id);
  const resultOf = (i: number, rank: number | null, tied: boolean, categoryRankOf: number | null): EntryResult => {
    const c = checked[i]!;
    const criteria: Record<string, number> = {};
    for (let k = 0; k < C; k++) if (scored[i * C + k] === 1) criteria[ids[k]!] = value[i * C + k]!;
    const failed = failedOf[i];
    // Reasons and flags of an entry without a total (step 5): incomplete, ineligible or both.
    let reasons: readonly string[] = failed ?? NONE;
    let flags: readonly EntryFlag[] = NONE;
    const tooFew = failed === undefined && scores.tooFewJudges.has(i);
    const ineligible = failed === undefined && c.errors.length > 0;
    if (tooFew || ineligible) {
      const why: string[] = tooFew ? ['too-few-judges'] : [];
      if (ineligible) pushAll(why, c.errors);
      reasons = why;
      flags = tooFew && ineligible ? ['incomplete', 'ineligible'] : tooFew ? ['incomplete'] : ['ineligible'];
    }
    const result: EntryResult = {
      id: c.entry.id,
      title: c.entry.title,
      agency: c.entry.agency,
      category: c.category ?? c.entry.categoryRaw,
      categoryKnown: c.category !== undefined,
      group: c.group ?? (c.entry.groupRaw || null),
      rank,
      category_rank: categoryRankOf,
      tied,
      total: failed !== undefined ? totals[i]! : null,
      criteria,
      judges: scores.judgeCounts[i]!,
      passed: failed !== undefined && failed.length === 0,
      reasons,
      shortlists: NONE,
      flags,
      entry: c.entry,
    };
    return result;
  };
  const { order, rank, tied, categoryRank } = ranking;
  // In rank order, each entry's objects a cache miss (~0.1 s for a stress year's 200,000). Made
  // in entry order and placed in rank order, they cost the CSV writer more than that instead.
  const entries = Array.from(order, (r, p) => resultOf(ranked[r]!, rank[p]!, tied[p] === 1, categoryRank[p] || null));
  const unranked: number[] = [];
  for (let i = 0; i < checked.length; i++)
    if (checked[i]!.entry.id !== '' && failedOf[i] === undefined) unranked.push(i);
  unranked.sort((a, b) => compareCodePoints(checked[a]!.entry.id, checked[b]!.entry.id) || a - b);
  for (const i of unranked) entries.push(resultOf(i, null, false, null));
  return entries;
}

/**
 * One object per score (ScoreResult.records), built only when someone asks (explanations,
 * analytics): a stress year has millions of scores and the report does not need them.
 */
function scoredRecords(
  rubric: Rubric,
  checked: CheckedEntry[],
  scores: CheckedScores,
  normalized: Float64Array,
  trimmed: Uint8Array,
): ScoredRecord[] {
  const out: ScoredRecord[] = [];
  const push = (cols: CheckedScores['kept'], excluded: 'conflict' | null) => {
    for (let i = 0; i < cols.count; i++) {
      out.push({
        entryId: checked[cols.entry[i]!]!.entry.id,
        judge: scores.judges[cols.judge[i]!]!,
        criterion: rubric.criteria[cols.criterion[i]!]!.id,
        raw: cols.value[i]!,
        normalized: excluded ? null : normalized[i]!,
        excluded: excluded ?? (trimmed[i] ? 'trimmed' : null),
      });
    }
  };
  push(scores.kept, null);
  push(scores.excluded, 'conflict');
  return out;
}

/**
 * Steps 9–10 on result objects whose totals and pass marks are set (the staged rubric's final
 * totals): overall and per-category ranks, written into the entries, then the shortlists.
 * Returns the entries in report order: ranked ones in rank order, then the others by id.
 */
export function rankAndShortlist(
  rubric: Rubric,
  results: EntryResult[],
  stageCandidates?: ReadonlyMap<string, Candidate[]>,
): { entries: EntryResult[]; shortlists: ShortlistResult[]; diagnostics: Diagnostic[] } {
  const ranked = results.filter((r) => r.total !== null) as (EntryResult & { total: number })[];
  const { K, keys, idRank } = rankKeys(ranked, rubric.tieBreak);
  const { order, rank, tied } = rankByKeys(ranked.length, K, keys, idRank);
  const categoryRank = categoryRanks(order, K, keys, (r) =>
    ranked[r]!.categoryKnown ? ranked[r]!.category : undefined,
  );
  const inOrder = Array.from(order, (r, p) => {
    const item = ranked[r]!;
    item.rank = rank[p]!;
    item.tied = tied[p] === 1;
    if (categoryRank[p]! > 0) item.category_rank = categoryRank[p]!;
    return item;
  });
  const unranked = results.filter((r) => r.total === null).sort((a, b) => compareCodePoints(a.id, b.id));
  const entries = [...inOrder, ...unranked];
  return { entries, ...drawShortlists(rubric, inOrder, entries, stageCandidates) };
}

/**
 * Step 10: each shortlist drawn from the passing entries of `ranked` (in rank order), or from a
 * stage's candidates; its name added to the entries it takes.
 */
function drawShortlists(
  rubric: Rubric,
  ranked: readonly EntryResult[],
  results: readonly EntryResult[],
  stageCandidates?: ReadonlyMap<string, Candidate[]>,
): { shortlists: ShortlistResult[]; diagnostics: Diagnostic[] } {
  // Agency types and regions are looked up only for proportional shortlists (a stress year
  // has 200,000 entries).
  const proportional = rubric.shortlists.some((rule) => rule.minPer !== undefined);
  const candidates: Candidate[] = ranked.filter((item) => item.passed).map((item) => candidateOf(item, proportional));
  const diagnostics: Diagnostic[] = [];
  const shortlists: ShortlistResult[] = rubric.shortlists.map((rule) => {
    const pool = rule.stage !== undefined ? (stageCandidates?.get(rule.stage) ?? []) : candidates;
    const outcome = drawShortlist(
      rule,
      pool,
      rubric.categories.map((k) => k.id),
      rubric.groups.map((g) => g.id),
    );
    // A few hundred ids taken of up to 200,000 entries: a set of them, not a map of all.
    const taken = new Set(outcome.taken);
    for (const r of results) if (taken.has(r.id)) r.shortlists = [...r.shortlists, rule.name];
    const size = `size ${rule.size}${rule.perCategory ? ' per category' : ''}`;
    if (outcome.cutoffTie) {
      diagnostics.push(
        diagnostic(
          'cutoff-tie',
          `shortlist "${rule.name}" (${size}) takes ${outcome.taken.length}: entries tied at the cut-off are all included; the jury must decide the tie`,
        ),
      );
    }
    // Only the min_per quotas can need more places than the size: a per_category shortlist
    // takes `size` in every category by design, and ties are the cut-off tie above.
    if (outcome.quotaPlaces !== undefined && outcome.quotaPlaces > rule.size) {
      diagnostics.push(
        diagnostic(
          'shortlist-over-size',
          `shortlist "${rule.name}" (${size}) takes ${outcome.taken.length}: its min_per quotas alone take ${outcome.quotaPlaces} places, more than its size; lower the minimums or raise the size`,
        ),
      );
    }
    const summary: ShortlistResult = {
      name: rule.name,
      size: rule.size,
      taken: outcome.taken.length,
      cutoff_tie: outcome.cutoffTie,
    };
    if (outcome.byQuota !== undefined) summary.by_quota = outcome.byQuota;
    return summary;
  });
  return { shortlists, diagnostics };
}

/**
 * The ScoreResult, its entries in report order (ranked ones in rank order, then the others by
 * id); the per-score records built only when someone asks (explanations, analytics: a stress
 * year has millions of scores).
 */
export function assembleResult(
  competition: Competition,
  asOf: string,
  entries: EntryResult[],
  shortlists: ShortlistResult[],
  diagnostics: Diagnostic[],
  scoredRecords: () => ScoredRecord[],
  severities?: JudgeSeverity[],
  table?: (stage?: string) => RecordTable | undefined,
): ScoreResult {
  let records: ScoredRecord[] | undefined;
  return {
    ...(severities !== undefined ? { severities } : {}),
    rubric: competition.rubric,
    rubricSource: { path: competition.rubricSource.path, sha256: competition.rubricSource.sha256 },
    inputs: competition.inputs,
    asOf,
    entries,
    shortlists,
    scoredRecords: () => (records ??= scoredRecords()),
    ...(table !== undefined ? { recordTable: table } : {}),
    diagnostics,
  };
}

/** scoredRecords() by column (ScoreResult.recordTable): the checked columns themselves, no copy. */
function recordTable(
  checked: CheckedEntry[],
  scores: CheckedScores,
  normalized: Float64Array,
  trimmed: Uint8Array,
): RecordTable {
  const { kept, excluded } = scores;
  return {
    entryIds: checked.map((c) => c.entry.id),
    judgeIds: scores.judges,
    kept: {
      count: kept.count,
      entry: kept.entry,
      judge: kept.judge,
      criterion: kept.criterion,
      raw: kept.value,
      normalized,
      trimmed,
    },
    conflicts: {
      count: excluded.count,
      entry: excluded.entry,
      judge: excluded.judge,
      criterion: excluded.criterion,
      raw: excluded.value,
    },
  };
}

/**
 * The severity model's s_jc per criterion (rubric order) and judge (id order), read back from the
 * normalized records (s_jc = x − x'), with the number of records each was fitted on.
 */
function judgeSeverities(rubric: Rubric, scores: CheckedScores, normalized: Float64Array): JudgeSeverity[] {
  const { kept } = scores;
  const C = rubric.criteria.length;
  const severity = new Float64Array(scores.judges.length * C);
  const records = new Int32Array(scores.judges.length * C);
  for (let i = 0; i < kept.count; i++) {
    const g = kept.judge[i]! * C + kept.criterion[i]!;
    severity[g] = kept.value[i]! - normalized[i]!;
    records[g]!++;
  }
  const judges = scores.judges.map((id, j) => ({ id, j })).sort((a, b) => compareCodePoints(a.id, b.id));
  return rubric.criteria.flatMap((c, k) =>
    judges.flatMap(({ id, j }) =>
      records[j * C + k]! > 0
        ? [{ criterion: c.id, judge: id, severity: round6(severity[j * C + k]!), records: records[j * C + k]! }]
        : [],
    ),
  );
}

/** A passing ranked entry as a shortlist sees it. */
export function candidateOf(item: EntryResult, withFields = true): Candidate {
  const candidate: Candidate = {
    id: item.id,
    category: item.categoryKnown ? item.category : null,
    group: item.group,
    rank: item.rank!,
    categoryRank: item.category_rank,
  };
  if (withFields) {
    candidate.agencyType = resolveAgencyType(item.entry.agencyTypeRaw) ?? null;
    candidate.region = item.entry.region !== '' ? foldText(item.entry.region) : null;
  }
  return candidate;
}
