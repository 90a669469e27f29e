/**
 * scoreCompetition: SPEC section 3, in its order. Pure: loaded records in, a ScoreResult out.
 *   1–2 records and conflicts (src/validate/scores.ts) → 3 normalization → 4 aggregation →
 *   5 completeness and eligibility → 6 total → 7 rounding → 8 pass → 9 rank → 10 shortlists.
 */
import { compareDiagnostics, diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { compareCodePoints } from '../model/names.js';
import type { Competition } from '../model/records.js';
import type { EntryResult, ScoredRecord, ScoreResult, ShortlistResult } from '../model/result.js';
import { weightsFor, type Rubric } from '../model/rubric.js';
import { checkEntries, localToday, type CheckedEntry } from '../validate/entries.js';
import { checkScores, type CheckedScores } from '../validate/scores.js';
import { aggregate } from './aggregate.js';
import { normalize } from './normalize.js';
import { rankEntries } from './rank.js';
import { round6 } from './round.js';
import { drawShortlist, type Candidate } from './shortlist.js';

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
  /** Normalized value per remaining record (same order as scores.records). */
  normalized: number[];
  /** Trimmed flags per remaining record. */
  trimmed: boolean[];
  /** Unrounded s_c per entry index. */
  aggregates: Record<string, number>[];
}

export function scoreCompetition(competition: Competition, options: ScoreOptions = {}): ScoreResult {
  return scoreWithDetail(competition, options).result;
}

export function scoreWithDetail(competition: Competition, options: ScoreOptions = {}): { result: ScoreResult; detail: ScoringDetail } {
  const { rubric } = competition;
  const asOf = referenceDate(rubric, options.asOf);
  const { checked, diagnostics: entryDiagnostics } = checkEntries(competition.entries, rubric, asOf);
  // Steps 1–2.
  const scores = checkScores(competition, checked);
  // Step 3.
  const normalized = normalize(
    scores.records.map((r) => ({ judge: r.judge, criterion: r.criterion, value: r.value })),
    rubric.normalization,
  );
  // Step 4.
  const groups = new Map<string, number[]>(); // `${entry}\0${criterion}` → record indices
  scores.records.forEach((r, i) => {
    const key = `${r.entry}\u0000${r.criterion}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const aggregates: Record<string, number>[] = checked.map(() => ({}));
  const trimmed = scores.records.map(() => false);
  for (const [key, indices] of groups) {
    const entry = Number(key.slice(0, key.indexOf('\u0000')));
    const criterion = key.slice(key.indexOf('\u0000') + 1);
    const result = aggregate(
      indices.map((i) => normalized[i]!),
      rubric.aggregation,
      rubric.trim,
      indices.map((i) => scores.records[i]!.judge),
    );
    aggregates[entry]![criterion] = result.value;
    for (const t of result.trimmed) trimmed[indices[t]!] = true;
  }

  // Steps 5–8, entry by entry.
  const results: EntryResult[] = [];
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
      result.total = round6(weightedTotal(rubric, weightsFor(rubric, c.category), s));
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

  // Step 9: overall and per-category ranks.
  const ranked = results.filter((r) => r.total !== null) as (EntryResult & { total: number })[];
  const order = rankEntries(ranked, rubric.tieBreak);
  for (const { item, rank, tied } of order) {
    item.rank = rank;
    item.tied = tied;
  }
  for (const category of rubric.categories) {
    for (const { item, rank } of rankEntries(ranked.filter((r) => r.categoryKnown && r.category === category.id), rubric.tieBreak)) {
      item.category_rank = rank;
    }
  }

  // Step 10: shortlists.
  const candidates: Candidate[] = order
    .filter(({ item }) => item.passed)
    .map(({ item }) => ({ id: item.id, category: item.categoryKnown ? item.category : null, group: item.group, rank: item.rank!, categoryRank: item.category_rank }));
  const byId = new Map(results.map((r) => [r.id, r]));
  const shortlistDiagnostics: Diagnostic[] = [];
  const shortlists: ShortlistResult[] = rubric.shortlists.map((rule) => {
    const outcome = drawShortlist(rule, candidates, rubric.categories.map((k) => k.id));
    for (const id of outcome.taken) byId.get(id)!.shortlists.push(rule.name);
    if (outcome.cutoffTie) {
      shortlistDiagnostics.push(
        diagnostic('cutoff-tie', `shortlist "${rule.name}" (size ${rule.size}) takes ${outcome.taken.length}: entries tied at the cut-off are all included; the jury must decide the tie`),
      );
    }
    return { name: rule.name, size: rule.size, taken: outcome.taken.length, cutoff_tie: outcome.cutoffTie };
  });

  const unranked = results.filter((r) => r.total === null).sort((a, b) => compareCodePoints(a.id, b.id));
  const records: ScoredRecord[] = [
    ...scores.records.map((r, i) => ({
      entryId: checked[r.entry]!.entry.id,
      judge: r.judge,
      criterion: r.criterion,
      raw: r.value,
      normalized: normalized[i]!,
      excluded: trimmed[i] ? ('trimmed' as const) : null,
    })),
    ...scores.conflicts.map((r) => ({ entryId: checked[r.entry]!.entry.id, judge: r.judge, criterion: r.criterion, raw: r.value, normalized: null, excluded: 'conflict' as const })),
  ];
  const diagnostics = [...competition.diagnostics, ...entryDiagnostics, ...scores.diagnostics].sort(compareDiagnostics).concat(shortlistDiagnostics);
  return {
    result: {
      rubric,
      rubricSource: { path: competition.rubricSource.path, sha256: competition.rubricSource.sha256 },
      inputs: competition.inputs,
      asOf,
      entries: [...order.map((o) => o.item), ...unranked],
      shortlists,
      records,
      diagnostics,
    },
    detail: { checked, scores, normalized, trimmed, aggregates },
  };
}
