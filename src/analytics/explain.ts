/**
 * `kipp explain <id>` — one entry's whole derivation (docs/guide/analytics.md) from a scored
 * competition: every judge's raw and normalized score per criterion with what was excluded and
 * why, s_c, the weights used, the total, the rank and what separated it from its neighbours,
 * the thresholds and the shortlists. Pure: a ScoreResult in, plain data out. The numbers are
 * the scorer's own (normalized values and trim exclusions come from scoring, not recomputed).
 */
import type { AppliedDecision } from '../model/decisions.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { compareCodePoints } from '../model/names.js';
import { stageTables, type EntryResult, type ScoreResult, type ScoredRecord } from '../model/result.js';
import { weightsFor, type NormalizationMethod } from '../model/rubric.js';
import { round6 } from '../scoring/round.js';
import { tieAcross } from '../scoring/select.js';

export interface ExplainedScore {
  judge: string;
  raw: number;
  /** x' as scoring used it (full precision); null for a record excluded for a conflict. */
  normalized: number | null;
  excluded: 'conflict' | 'trimmed' | null;
  /** With a rubric that has stages: the stage the score was given in. */
  stage?: string;
  /** `normalization: severity` only: s_jc, the judge's fitted severity (x' = x − s_jc), 6 decimals. */
  severity?: number;
}

/** With a rubric that has stages: one stage's weight, pass mark and this entry's outcome there. */
export interface ExplainedStage {
  name: string;
  weight: number;
  pass: number | null;
  total: number | null;
  rank: number | null;
  /** Whether the stage total meets the pass mark (null: no mark, or no total). */
  met: boolean | null;
}

export interface ExplainedCriterion {
  /** s_c rounded to 6 decimals as in the report; null when no record remains. */
  value: number | null;
  weight: number;
  scores: ExplainedScore[];
}

/** A neighbour in the overall ranking and what separated the two. */
export interface Neighbour {
  id: string;
  rank: number;
  total: number;
  /** "total", a tie-break criterion id, or null when equal on all of them (they share a rank). */
  decided_by: string | null;
}

export interface ThresholdCheck {
  min: number;
  value: number | null;
  /** null when the entry is not ranked (no total) or has no value on the criterion. */
  met: boolean | null;
}

export interface ZscoreParams {
  mean: number;
  sd: number;
}

export interface Explanation {
  id: string;
  title: string;
  agency: string;
  category: string;
  total: number | null;
  rank: number | null;
  category_rank: number | null;
  tied: boolean;
  passed: boolean;
  flags: string[];
  reasons: string[];
  scale: { min: number; max: number };
  aggregation: { method: 'mean' | 'median' | 'trimmed'; trim: number | null };
  normalization: {
    method: NormalizationMethod;
    /** zscore only: per criterion, μ_c and σ_c over all records, and μ_jc, σ_jc of this entry's judges. */
    criteria?: Record<string, ZscoreParams & { judges: Record<string, ZscoreParams> }>;
  };
  /** The weights used for this entry and where they come from. */
  weights: Record<string, number>;
  weights_from: 'category' | 'rubric';
  criteria: Record<string, ExplainedCriterion>;
  /**
   * Only with a rubric that has stages: each stage is scored on its own (docs/reference/scoring.md steps 1–7, with
   * normalization within the stage); total = Σ weight · stage total / 100 on the rounded stage
   * totals, and each criterion value is the same weighted mean of the stage values.
   */
  stages?: ExplainedStage[];
  tie_break: { order: string[]; above: Neighbour | null; below: Neighbour | null };
  thresholds: { total: ThresholdCheck | null; criteria: Record<string, ThresholdCheck> };
  shortlists: ExplainedShortlist[];
  diagnostics: Diagnostic[];
  /** Only with `--decisions`: what the jury's decisions did to this entry, after the derivation above. */
  decisions?: ExplainedDecisions;
}

/**
 * The end of a derivation with `--decisions`: the decisions that touched the entry
 * and its final place. Everything above it is the ranking before decisions (the scores are facts;
 * a decision changes lists, and a removal the ranks below it).
 */
export interface ExplainedDecisions {
  /** The decisions file. */
  file: string;
  /** The file has errors (invalid or stale decisions): no decision is applied, the place is unchanged. */
  refused: boolean;
  /** Decisions naming this entry (taken or left out at a tied cut, removed, moved), in file order. */
  applied: AppliedDecision[];
  /** Removals of entries ranked above this one: each moved its rank up. */
  removed_above: AppliedDecision[];
  /** The entry's place after every decision. */
  final: {
    rank: number | null;
    category_rank: number | null;
    tied: boolean;
    flags: string[];
    shortlists: { name: string; before: boolean; included: boolean }[];
  };
}

/**
 * A tie that a shortlist's size fell inside (docs/reference/scoring.md step 10 keeps it whole): the shared rank, the
 * entries sharing it and the places that were left for them. Per category: the category and its
 * category rank; at a `min_per` minimum: the field, value and minimum.
 */
export interface CutTie {
  rank: number;
  entries: string[];
  places: number;
  category?: string;
  min_per?: { field: 'category' | 'group'; value: string; min: number };
}

export interface ExplainedShortlist {
  name: string;
  size: number;
  included: boolean;
  /** The shortlist has a tie at its cut-off (anywhere: per category, in any category). */
  cutoff_tie: boolean;
  /** The ties at its cut-off, where they can be told from the ranking (every tie but one at an agency_type or region minimum). */
  cut_ties: CutTie[];
  /** This entry is one of the tied entries at the cut-off: the jury decides its place. */
  at_tied_cut: boolean;
}

/**
 * Where a shortlist's size (or a `min_per` minimum) fell inside a tie, read from the ranking
 * and the members: the tie docs/reference/scoring.md step 10 keeps whole, entry by entry. A plain or group shortlist
 * has its cut after `size` members by rank; a per-category one after `size` members of each
 * category by category rank; a proportional one after its minimum of each category or group
 * (by rank), then after the places left for the rest.
 */
export function cutTies(result: ScoreResult, name: string): CutTie[] {
  const rule = result.rubric.shortlists.find((r) => r.name === name);
  if (rule === undefined) return [];
  // A list drawn on a stage is cut on that stage's ranks (and in that order): its members are
  // in final-rank order in the result, which is not theirs.
  const { stage } = rule;
  const stageRank = (e: EntryResult) => e.stages?.[stage!]?.rank ?? null;
  const byRank = (e: EntryResult) => (stage !== undefined ? stageRank(e) : e.rank);
  let members = result.entries.filter((e) => e.shortlists.includes(name));
  if (stage !== undefined)
    members = members.sort(
      (a, b) => (stageRank(a) ?? Infinity) - (stageRank(b) ?? Infinity) || compareCodePoints(a.id, b.id),
    );
  const tie = (
    list: readonly EntryResult[],
    limit: number,
    rankOf: (e: EntryResult) => number | null,
  ): Omit<CutTie, 'category' | 'min_per'> | null => {
    const across = tieAcross(list, limit, rankOf);
    return across === null
      ? null
      : {
          rank: across.rank,
          entries: list.slice(across.start, across.end).map((e) => e.id),
          places: limit - across.start,
        };
  };
  const ties: CutTie[] = [];
  if (rule.minPer !== undefined) {
    for (const field of ['category', 'group'] as const) {
      const min = rule.minPer[field];
      if (min === undefined) continue;
      const values = [...new Set(members.map((e) => (field === 'category' ? e.category : e.group)))].filter(
        (v): v is string => v !== null,
      );
      for (const value of values) {
        const found = tie(
          members.filter((e) => (field === 'category' ? e.category : e.group) === value),
          min,
          byRank,
        );
        if (found !== null) ties.push({ ...found, min_per: { field, value, min } });
      }
    }
    // The places left after the minimums go by rank: the members rank alone took.
    const byQuota = new Set(result.shortlists.find((s) => s.name === name)?.by_quota ?? []);
    const rest = members.filter((e) => !byQuota.has(e.id));
    const found = tie(rest, rule.size - byQuota.size, byRank);
    if (found !== null) ties.push(found);
    return ties;
  }
  if (rule.perCategory) {
    for (const category of result.rubric.categories.map((c) => c.id)) {
      const found = tie(
        members.filter((e) => e.categoryKnown && e.category === category),
        rule.size,
        stage !== undefined ? stageRank : (e) => e.category_rank,
      );
      if (found !== null) ties.push({ ...found, category });
    }
    return ties;
  }
  const found = tie(members, rule.size, byRank);
  return found === null ? [] : [found];
}

/** What separates two ranked entries: the first of total, then the tie-break criteria, that differs. */
function decidedBy(a: EntryResult, b: EntryResult, tieBreak: readonly string[]): string | null {
  if (a.total !== b.total) return 'total';
  for (const c of tieBreak) if ((a.criteria[c] ?? -Infinity) !== (b.criteria[c] ?? -Infinity)) return c;
  return null;
}

function paramsOf(values: readonly number[]): ZscoreParams {
  let s = 0;
  for (const v of values) s += v;
  const mean = s / values.length;
  let q = 0;
  for (const v of values) q += (v - mean) * (v - mean);
  return { mean: round6(mean), sd: round6(Math.sqrt(q / values.length)) };
}

/**
 * One entry's records, as `scoredRecords().filter((r) => r.entryId === id)` gives them (stage by
 * stage, kept then conflicts), made from the result's columns when it has them: the record
 * objects of every score (millions in a large year) are not built to show one entry.
 */
function recordsOf(result: ScoreResult, id: string): ScoredRecord[] {
  const tables = stageTables(result);
  if (tables === undefined) return result.scoredRecords().filter((r) => r.entryId === id);
  const criteria = result.rubric.criteria.map((c) => c.id);
  const out: ScoredRecord[] = [];
  for (const { stage, table: t } of tables) {
    const mine = Uint8Array.from(t.entryIds, (e) => (e === id ? 1 : 0));
    const { kept, conflicts } = t;
    const add = (
      part: typeof kept | typeof conflicts,
      i: number,
      normalized: number | null,
      excluded: ScoredRecord['excluded'],
    ) => {
      if (mine[part.entry[i]!] !== 1) return;
      out.push({
        entryId: id,
        judge: t.judgeIds[part.judge[i]!]!,
        criterion: criteria[part.criterion[i]!]!,
        raw: part.raw[i]!,
        normalized,
        excluded,
        ...(stage !== undefined ? { stage } : {}),
      });
    };
    for (let i = 0; i < kept.count; i++) add(kept, i, kept.normalized[i]!, kept.trimmed[i] === 1 ? 'trimmed' : null);
    for (let i = 0; i < conflicts.count; i++) add(conflicts, i, null, 'conflict');
  }
  return out;
}

/** Every record of an unstaged result as (judge, criterion, raw, a conflict?), in scoredRecords() order. */
function eachRecord(
  result: ScoreResult,
  visit: (judge: string, criterion: string, raw: number, conflict: boolean) => void,
): void {
  const t = result.recordTable?.();
  if (t === undefined) {
    for (const r of result.scoredRecords()) visit(r.judge, r.criterion, r.raw, r.excluded === 'conflict');
    return;
  }
  const criteria = result.rubric.criteria.map((c) => c.id);
  const { kept, conflicts } = t;
  for (let i = 0; i < kept.count; i++)
    visit(t.judgeIds[kept.judge[i]!]!, criteria[kept.criterion[i]!]!, kept.raw[i]!, false);
  for (let i = 0; i < conflicts.count; i++)
    visit(t.judgeIds[conflicts.judge[i]!]!, criteria[conflicts.criterion[i]!]!, conflicts.raw[i]!, true);
}

/** The entries with this id (more than one only when the id is duplicated: an error). */
export function findEntries(result: ScoreResult, id: string): EntryResult[] {
  return result.entries.filter((e) => e.id === id);
}

export function explainEntry(result: ScoreResult, id: string): Explanation | null {
  const entry = result.entries.find((e) => e.id === id);
  if (!entry) return null;
  const { rubric } = result;
  const category = entry.categoryKnown ? entry.category : undefined;
  const weights = weightsFor(rubric, category);
  const own = recordsOf(result, id);
  const stageOrder = (r: ScoredRecord) =>
    r.stage === undefined ? 0 : rubric.stages.findIndex((st) => st.name === r.stage);

  const criteria: Record<string, ExplainedCriterion> = {};
  for (const c of rubric.criteria) {
    const scores = own
      .filter((r) => r.criterion === c.id)
      .sort((a, b) => compareCodePoints(a.judge, b.judge))
      .sort((a, b) => stageOrder(a) - stageOrder(b))
      .map((r: ScoredRecord) => ({
        judge: r.judge,
        raw: r.raw,
        normalized: r.normalized,
        excluded: r.excluded,
        ...(r.stage !== undefined ? { stage: r.stage } : {}),
        // x' = x − s_jc: the judge's fitted severity is what the normalization took away.
        ...(rubric.normalization === 'severity' && r.normalized !== null
          ? { severity: round6(r.raw - r.normalized) }
          : {}),
      }));
    criteria[c.id] = { value: entry.criteria[c.id] ?? null, weight: weights[c.id] ?? 0, scores };
  }

  const normalization: Explanation['normalization'] = { method: rubric.normalization };
  // With stages, μ and σ differ per stage: the normalized values shown are the stage's own.
  if (rubric.normalization === 'zscore' && rubric.stages.length === 0) {
    const judgesHere = new Set(own.filter((r) => r.excluded !== 'conflict').map((r) => r.judge));
    const byCriterion = new Map<string, number[]>();
    const byJudge = new Map<string, number[]>();
    eachRecord(result, (judge, criterion, raw, conflict) => {
      if (conflict) return;
      const list = byCriterion.get(criterion) ?? [];
      if (list.length === 0) byCriterion.set(criterion, list);
      list.push(raw);
      if (!judgesHere.has(judge)) return;
      const key = `${judge}\u0000${criterion}`;
      const jl = byJudge.get(key) ?? [];
      if (jl.length === 0) byJudge.set(key, jl);
      jl.push(raw);
    });
    normalization.criteria = {};
    for (const c of rubric.criteria) {
      const values = byCriterion.get(c.id);
      if (!values) continue;
      const judges: Record<string, ZscoreParams> = {};
      for (const j of [...judgesHere].sort(compareCodePoints)) {
        const jv = byJudge.get(`${j}\u0000${c.id}`);
        if (jv) judges[j] = paramsOf(jv);
      }
      normalization.criteria[c.id] = { ...paramsOf(values), judges };
    }
  }

  const ranked = result.entries.filter((e) => e.rank !== null);
  const at = ranked.indexOf(entry);
  const neighbour = (other: EntryResult | undefined): Neighbour | null =>
    other
      ? { id: other.id, rank: other.rank!, total: other.total!, decided_by: decidedBy(entry, other, rubric.tieBreak) }
      : null;

  const thresholdCriteria: Record<string, ThresholdCheck> = {};
  for (const [c, min] of Object.entries(rubric.thresholds.criteria)) {
    const value = entry.criteria[c] ?? null;
    thresholdCriteria[c] = { min, value, met: entry.total === null || value === null ? null : value >= min };
  }
  const min = rubric.thresholds.total;
  return {
    id: entry.id,
    title: entry.title,
    agency: entry.agency,
    category: entry.category,
    total: entry.total,
    rank: entry.rank,
    category_rank: entry.category_rank,
    tied: entry.tied,
    passed: entry.passed,
    flags: [...entry.flags],
    reasons: [...entry.reasons],
    scale: { ...rubric.scale },
    aggregation: { method: rubric.aggregation, trim: rubric.aggregation === 'trimmed' ? rubric.trim : null },
    normalization,
    weights: Object.fromEntries(rubric.criteria.map((c) => [c.id, weights[c.id] ?? 0])),
    weights_from: category !== undefined && rubric.categoryWeights[category] ? 'category' : 'rubric',
    criteria,
    ...(rubric.stages.length > 0
      ? {
          stages: rubric.stages.map((st): ExplainedStage => {
            const outcome = entry.stages?.[st.name];
            const total = outcome?.total ?? null;
            return {
              name: st.name,
              weight: st.weight,
              pass: st.pass ?? null,
              total,
              rank: outcome?.rank ?? null,
              met: st.pass === undefined || total === null ? null : total >= st.pass,
            };
          }),
        }
      : {}),
    tie_break: {
      order: ['total', ...rubric.tieBreak],
      above: at > 0 ? neighbour(ranked[at - 1]) : null,
      below: at >= 0 ? neighbour(ranked[at + 1]) : null,
    },
    thresholds: {
      total:
        min === undefined ? null : { min, value: entry.total, met: entry.total === null ? null : entry.total >= min },
      criteria: thresholdCriteria,
    },
    shortlists: result.shortlists.map((s) => {
      const ties = s.cutoff_tie ? cutTies(result, s.name) : [];
      return {
        name: s.name,
        size: s.size,
        included: entry.shortlists.includes(s.name),
        cutoff_tie: s.cutoff_tie,
        cut_ties: ties,
        at_tied_cut: ties.some((t) => t.entries.includes(entry.id)),
      };
    }),
    diagnostics: result.diagnostics.filter((d) => d.entry_id === id),
  };
}

/**
 * What the jury's decisions did to one entry: `before` is the scored result, `after` the same
 * with the decisions applied (src/decisions/apply.ts); null when the entry is not in it.
 */
export function explainDecisions(
  before: ScoreResult,
  after: ScoreResult,
  id: string,
  file: string,
): ExplainedDecisions | null {
  const was = before.entries.find((e) => e.id === id);
  const now = after.entries.find((e) => e.id === id);
  if (!was || !now) return null;
  const decisions = after.decisions ?? [];
  const rankBefore = new Map(before.entries.map((e) => [e.id, e.rank]));
  const named = (d: AppliedDecision) => d.entries.includes(id) || (d.left_out ?? []).includes(id);
  const above = (d: AppliedDecision) => {
    if (d.action !== 'disqualify' && d.action !== 'withdraw') return false;
    const r = rankBefore.get(d.entries[0]!);
    return was.rank !== null && r !== null && r !== undefined && r < was.rank;
  };
  return {
    file,
    refused: after.diagnostics.some((d) => d.code === 'stale-decision' || d.code === 'invalid-decision'),
    applied: decisions.filter(named),
    removed_above: decisions.filter((d) => !named(d) && above(d)),
    final: {
      rank: now.rank,
      category_rank: now.category_rank,
      tied: now.tied,
      flags: [...now.flags],
      shortlists: after.rubric.shortlists.map((s) => ({
        name: s.name,
        before: was.shortlists.includes(s.name),
        included: now.shortlists.includes(s.name),
      })),
    },
  };
}
