/**
 * scoreCompetition: SPEC section 3, in its order. Pure: loaded records in, a ScoreResult out.
 *   1–2 records and conflicts (src/validate/scores.ts) → 3 normalization → 4 aggregation →
 *   5 completeness and eligibility → 6 total → 7 rounding → 8 pass → 9 rank → 10 shortlists.
 */
import { compareDiagnostics, diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { compareCodePoints, foldText, resolveAgencyType } from '../model/names.js';
import type { Competition } from '../model/records.js';
import type { EntryResult, ScoredRecord, ScoreResult, ShortlistResult } from '../model/result.js';
import { weightsFor, type Rubric } from '../model/rubric.js';
import { checkEntries, localToday, type CheckedEntry } from '../validate/entries.js';
import { checkScores, type CheckedScores } from '../validate/scores.js';
import { checkPanel, columnsConnected, panelEdges } from '../validate/panel.js';
import { aggregate } from './aggregate.js';
import { normalizeColumns } from './normalize.js';
import { rankEntries, sameStanding, type Rankable } from './rank.js';
import { round6 } from './round.js';
import { drawShortlist, type Candidate } from './shortlist.js';
import { scoreStages } from './stages.js';

export interface ScoreOptions {
  /** Reference date for the age rule (ISO); over the rubric's reference_date; neither: today. */
  asOf?: string | undefined;
}

export function referenceDate(rubric: Rubric, asOf: string | undefined): string {
  return asOf ?? rubric.eligibility.referenceDate ?? localToday();
}

/** The unrounded totals formula of SPEC 3.6, on the 0–100 scale. */
export function weightedTotal(rubric: Rubric, weights: Record<string, number>, values: Record<string, number>): number {
  let sum = 0;
  let weightSum = 0;
  for (const c of rubric.criteria) {
    const w = weights[c.id] ?? 0;
    sum += w * values[c.id]!;
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
  /** Unrounded s_c per entry index. */
  aggregates: Record<string, number>[];
  /** With rubric stages: each stage's own detail (the fields above are the first stage's). */
  stages?: { name: string; detail: ScoringDetail }[];
}

export function scoreCompetition(competition: Competition, options: ScoreOptions = {}): ScoreResult {
  return scoreWithDetail(competition, options).result;
}

export function scoreWithDetail(competition: Competition, options: ScoreOptions = {}): { result: ScoreResult; detail: ScoringDetail } {
  if (competition.rubric.stages.length > 0) return scoreStages(competition, options);
  const { rubric } = competition;
  const asOf = referenceDate(rubric, options.asOf);
  const { checked, diagnostics: entryDiagnostics } = checkEntries(competition.entries, rubric, asOf);
  // Steps 1–2.
  const scores = checkScores(competition, checked);
  // Step 3, over the records in canonical order (entry id, judge id, criterion).
  const { kept } = scores;
  const C = rubric.criteria.length;
  const normalized = normalizeColumns(kept.count, kept.judge, kept.criterion, kept.value, scores.judges.length, C, rubric.normalization);
  // Step 4: an entry's records are contiguous; per criterion, its judges in id order.
  const aggregates: Record<string, number>[] = checked.map(() => ({}));
  const trimmed = new Uint8Array(kept.count);
  const values: number[][] = rubric.criteria.map(() => []);
  const indices: number[][] = rubric.criteria.map(() => []);
  const mean = rubric.aggregation === 'mean';
  const sums = new Float64Array(C);
  const counts = new Int32Array(C);
  for (let a = 0; a < kept.count; ) {
    const entry = kept.entry[a]!;
    let b = a;
    if (mean) {
      // The mean needs no list: each criterion's sum is taken in the same (judge-id) order as
      // aggregate() would take it.
      for (; b < kept.count && kept.entry[b] === entry; b++) {
        sums[kept.criterion[b]!]! += normalized[b]!;
        counts[kept.criterion[b]!]!++;
      }
      const s = aggregates[entry]!;
      for (let c = 0; c < C; c++) {
        if (counts[c] === 0) continue;
        s[rubric.criteria[c]!.id] = sums[c]! / counts[c]!;
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
      aggregates[entry]![rubric.criteria[c]!.id] = result.value;
      for (const t of result.trimmed) trimmed[indices[c]![t]!] = 1;
      v.length = 0;
      indices[c]!.length = 0;
    }
    a = b;
  }

  // Steps 5–8, entry by entry. Weights are looked up once per category, not once per entry.
  const results: EntryResult[] = [];
  const weightsOf = new Map<string | undefined, Record<string, number>>();
  const weightsForCategory = (category: string | undefined) => {
    let w = weightsOf.get(category);
    if (w === undefined) weightsOf.set(category, (w = weightsFor(rubric, category)));
    return w;
  };
  checked.forEach((c, i) => {
    if (c.entry.id === '') return; // reported as missing-field; an entry without an id cannot be reported
    const s = aggregates[i]!;
    const criteria: Record<string, number> = {};
    for (const k of rubric.criteria) if (s[k.id] !== undefined) criteria[k.id] = round6(s[k.id]!);
    const incomplete = scores.tooFewJudges.has(i);
    const ineligible = c.errors.length > 0;
    const result: EntryResult = {
      id: c.entry.id,
      title: c.entry.title,
      agency: c.entry.agency,
      category: c.category ?? c.entry.categoryRaw,
      categoryKnown: c.category !== undefined,
      group: c.group ?? (c.entry.groupRaw || null),
      rank: null,
      category_rank: null,
      tied: false,
      total: null,
      criteria,
      judges: scores.judgeCounts[i]!,
      passed: false,
      reasons: [],
      shortlists: [],
      flags: [],
      entry: c.entry,
    };
    if (incomplete || ineligible) {
      if (incomplete) {
        result.flags.push('incomplete');
        result.reasons.push('too-few-judges');
      }
      if (ineligible) {
        result.flags.push('ineligible');
        result.reasons.push(...c.errors);
      }
    } else {
      result.total = round6(weightedTotal(rubric, weightsForCategory(c.category), s));
      const failed: string[] = [];
      if (rubric.thresholds.total !== undefined && result.total < rubric.thresholds.total) failed.push('total');
      for (const k of rubric.criteria) {
        const min = rubric.thresholds.criteria[k.id];
        if (min !== undefined && criteria[k.id]! < min) failed.push(k.id);
      }
      result.passed = failed.length === 0;
      result.reasons = failed;
    }
    results.push(result);
  });

  // Steps 9–10.
  const { order, shortlists, diagnostics: shortlistDiagnostics } = rankAndShortlist(rubric, results);

  // One object per score is built only when someone asks (explanations, analytics): a stress
  // year has millions of scores and the report does not need them.
  const scoredRecords = (): ScoredRecord[] => {
    const out: ScoredRecord[] = [];
    const push = (cols: typeof kept, excluded: 'conflict' | null) => {
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
    push(kept, null);
    push(scores.excluded, 'conflict');
    return out;
  };

  // SPEC 7: a judge–entry graph in pieces makes z-score normalization meaningless (a warning).
  const panel =
    competition.hasScoreSheets && !columnsConnected(kept.count, kept.judge, kept.entry, scores.judges.length, checked.length)
      ? checkPanel(panelEdges(scores))
      : [];
  const diagnostics = [...competition.diagnostics, ...entryDiagnostics, ...scores.diagnostics, ...panel].sort(compareDiagnostics).concat(shortlistDiagnostics);
  return {
    result: assembleResult(competition, asOf, order, results, shortlists, diagnostics, scoredRecords),
    detail: { checked, scores, normalized, trimmed, aggregates },
  };
}

/**
 * Steps 9–10 on entries whose totals and pass marks are set: overall and per-category ranks
 * (written into the entries), then the shortlists. Returns the ranked entries in rank order.
 */
export function rankAndShortlist(rubric: Rubric, results: EntryResult[], stageCandidates?: ReadonlyMap<string, Candidate[]>): { order: RankedEntry[]; shortlists: ShortlistResult[]; diagnostics: Diagnostic[] } {
  // Step 9: overall and per-category ranks.
  const ranked = results.filter((r) => r.total !== null) as (EntryResult & { total: number })[];
  const order = rankEntries(ranked, rubric.tieBreak);
  for (const { item, rank, tied } of order) {
    item.rank = rank;
    item.tied = tied;
  }
  // Per category, the same order: an entry's category rank is its place among the category's
  // entries, shared with the one before it when their standings are equal.
  const lastInCategory = new Map<string, { item: EntryResult; rank: number; count: number }>();
  for (const { item } of order) {
    if (!item.categoryKnown) continue;
    const last = lastInCategory.get(item.category);
    const count = (last?.count ?? 0) + 1;
    const rank = last !== undefined && sameStanding(last.item as Rankable, item, rubric.tieBreak) ? last.rank : count;
    item.category_rank = rank;
    lastInCategory.set(item.category, { item, rank, count });
  }

  // Step 10: shortlists.
  // Agency types and regions are looked up only for proportional shortlists (a stress year
  // has 200,000 entries).
  const proportional = rubric.shortlists.some((rule) => rule.minPer !== undefined);
  const candidates: Candidate[] = order.filter(({ item }) => item.passed).map(({ item }) => candidateOf(item, proportional));
  const diagnostics: Diagnostic[] = [];
  const shortlists: ShortlistResult[] = rubric.shortlists.map((rule) => {
    const pool = rule.stage !== undefined ? (stageCandidates?.get(rule.stage) ?? []) : candidates;
    const outcome = drawShortlist(rule, pool, rubric.categories.map((k) => k.id), rubric.groups.map((g) => g.id));
    // A few hundred ids taken of up to 200,000 entries: a set of them, not a map of all.
    const taken = new Set(outcome.taken);
    for (const r of results) if (taken.has(r.id)) r.shortlists.push(rule.name);
    if (outcome.cutoffTie) {
      diagnostics.push(
        diagnostic('cutoff-tie', `shortlist "${rule.name}" (size ${rule.size}) takes ${outcome.taken.length}: entries tied at the cut-off are all included; the jury must decide the tie`),
      );
    } else if (outcome.taken.length > rule.size) {
      diagnostics.push(
        diagnostic('shortlist-over-size', `shortlist "${rule.name}" (size ${rule.size}) takes ${outcome.taken.length}: its min_per quotas need more places than its size; lower the minimums or raise the size`),
      );
    }
    const summary: ShortlistResult = { name: rule.name, size: rule.size, taken: outcome.taken.length, cutoff_tie: outcome.cutoffTie };
    if (outcome.byQuota !== undefined) summary.by_quota = outcome.byQuota;
    return summary;
  });
  return { order, shortlists, diagnostics };
}

/**
 * The ScoreResult: ranked entries in rank order, then the others by id; the per-score records
 * built only when someone asks (explanations, analytics: a stress year has millions of scores).
 */
export function assembleResult(
  competition: Competition,
  asOf: string,
  order: readonly RankedEntry[],
  results: readonly EntryResult[],
  shortlists: ShortlistResult[],
  diagnostics: Diagnostic[],
  scoredRecords: () => ScoredRecord[],
): ScoreResult {
  const unranked = results.filter((r) => r.total === null).sort((a, b) => compareCodePoints(a.id, b.id));
  let records: ScoredRecord[] | undefined;
  return {
    rubric: competition.rubric,
    rubricSource: { path: competition.rubricSource.path, sha256: competition.rubricSource.sha256 },
    inputs: competition.inputs,
    asOf,
    entries: [...order.map((o) => o.item), ...unranked],
    shortlists,
    get records() {
      return (records ??= scoredRecords());
    },
    diagnostics,
  };
}

/** A passing ranked entry as a shortlist sees it. */
export function candidateOf(item: EntryResult, withFields = true): Candidate {
  const candidate: Candidate = { id: item.id, category: item.categoryKnown ? item.category : null, group: item.group, rank: item.rank!, categoryRank: item.category_rank };
  if (withFields) {
    candidate.agencyType = resolveAgencyType(item.entry.agencyTypeRaw) ?? null;
    candidate.region = item.entry.region !== '' ? foldText(item.entry.region) : null;
  }
  return candidate;
}

export type RankedEntry = { item: EntryResult & { total: number }; rank: number; tied: boolean };
