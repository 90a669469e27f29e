/**
 * `kipp judges` — the panel profile of docs/guide/analytics.md, from a scored competition: per judge the
 * records scored, the mean, the bias against the co-judges (overall and per criterion), the
 * Spearman agreement with them, conflicts and harsh/lenient flags; the panel's agreement as
 * ICC(1), ICC(1,k) and Kendall's W (with the share of the panel W covers); coverage and
 * connectivity; the entry–criterion pairs to discuss.
 *
 * With a staged rubric every figure is computed within one stage: a judge is compared with the
 * other judges of the same entry, criterion AND stage (presentation scores run lower than desk
 * scores by design, so comparing across stages would flag every desk judge lenient and every
 * presentation judge harsh), and a judge who sits in two stages gets one profile per stage.
 * Pure: a ScoreResult in, plain data out (rounded to 6 decimals like the report).
 */
import { compareCodePoints } from '../model/names.js';
import type { ScoreResult, ScoredRecord } from '../model/result.js';
import { KippError } from '../model/diagnostic.js';
import { weightsFor, type Rubric } from '../model/rubric.js';
import { round6 } from '../scoring/round.js';
import { weightedTotal } from '../scoring/score.js';
import { panelComponents } from '../validate/panel.js';
import { severityEstimates, type SeverityEstimate } from './severity.js';
import { icc1, icc1k, kendallW, spearman } from './stats.js';

export type JudgeFlag = 'harsh' | 'lenient';

export interface JudgeProfile {
  id: string;
  /** Remaining records (after duplicates and conflicts are set aside), trimmed ones included. */
  scored: number;
  /** Mean raw score over those records; null when none. */
  mean: number | null;
  /** Mean of (x − mean of the co-judges' raw scores on the same entry and criterion); null when the judge never shares a cell. */
  bias: number | null;
  /** Spearman's rho between the judge's scores and the co-judges' means, over the same pairs. */
  agreement: number | null;
  /** Entries the judge was excluded from for a conflict of interest. */
  conflicts: number;
  flags: JudgeFlag[];
  /** The bias restricted to each criterion of the rubric (rubric order; null: no shared cell). */
  bias_by_criterion: Record<string, number | null>;
}

export interface Disagreement {
  entry_id: string;
  criterion: string;
  /** max − min of the judges' raw scores on this entry and criterion. */
  spread: number;
}

export interface PanelProfile {
  judges: JudgeProfile[];
  agreement: {
    /** ICC(1), one-way random effects, single rater, on each judge's own weighted total per entry. */
    icc: number | null;
    icc_form: 'ICC(1)';
    /** Entries with at least 2 judges' totals, the targets of the ICC. */
    icc_entries: number;
    /** ICC(1,k), the same model, average measures: the reliability of the mean of k judges' totals. */
    icc_k: number | null;
    icc_k_form: 'ICC(1,k)';
    /** k: the harmonic mean of the judges per entry over the icc_entries (null: no ICC). */
    icc_k_judges: number | null;
    icc_k_mean: 'harmonic';
    /** Kendall's W, tie-corrected, averaged over complete blocks (weighted by entries); null without one. */
    kendall_w: number | null;
    kendall_w_tie_corrected: true;
    /** Complete blocks: sets of at least 2 entries scored in full by the same at least 2 judges. */
    kendall_w_blocks: number;
    kendall_w_entries: number;
    /** How much of the panel W speaks for: entries in its blocks of the entries scored, judges in its blocks of the judges scoring. */
    kendall_w_coverage: { entries: number; entries_scored: number; judges: number; judges_scoring: number };
  };
  coverage: {
    entries: number;
    /** Fewest and most distinct judges (after conflicts) on one entry; null without entries. */
    min_judges: number | null;
    max_judges: number | null;
    connected: boolean;
    /** Pieces of the judge–entry graph (1 when connected; 0 without scores). */
    components: number;
  };
  /** The cut-offs used, on the judges' scale: harsh ≤ −harsh, lenient ≥ +lenient, disagreement ≥ spread. */
  thresholds: { harsh: number; lenient: number; disagreement: number };
  disagreements: Disagreement[];
  /** `normalization: severity` only: each judge's fitted severity per criterion, with its standard error. */
  severities?: SeverityEstimate[];
}

/** One stage's panel profile (a staged rubric): the same figures, over that stage's records only. */
export type StagePanelProfile = { stage: string } & PanelProfile;

/** What `kipp judges` reports: one panel, or with a staged rubric one panel per stage (rubric order). */
export type JuryProfile = PanelProfile | { stages: StagePanelProfile[] };

export function isStaged(p: JuryProfile): p is { stages: StagePanelProfile[] } {
  return 'stages' in p;
}

/** docs/guide/analytics.md: harsh/lenient at 10% of the scale span, a disagreement at 40%. */
export const BIAS_SHARE = 0.1;
export const SPREAD_SHARE = 0.4;

interface Cell {
  entryId: string;
  criterion: string;
  judges: string[];
  raws: number[];
}

const rounded = (x: number | null): number | null => (x === null ? null : round6(x));

/**
 * The profile `kipp judges` and the HTML report show: the whole panel, or with a staged rubric
 * each stage's panel on its own.
 */
export function profileJury(result: ScoreResult): JuryProfile {
  const { rubric } = result;
  if (rubric.stages.length === 0) return profileJudges(result);
  return { stages: rubric.stages.map((s) => ({ stage: s.name, ...profileJudges(result, s.name) })) };
}

/**
 * One panel's profile: every record of an unstaged competition, or the records of `stage`.
 * A staged competition must name its stage: its judges are comparable within a stage only.
 */
export function profileJudges(result: ScoreResult, stage?: string): PanelProfile {
  const { rubric } = result;
  if (stage === undefined && rubric.stages.length > 0) {
    throw new KippError(
      'usage',
      `the rubric scores in stages (${rubric.stages.map((s) => s.name).join(', ')}): profile one stage, profileJudges(result, "${rubric.stages[0]!.name}"), or every stage with profileJury(result)`,
    );
  }
  if (stage !== undefined && !rubric.stages.some((s) => s.name === stage)) {
    throw new KippError(
      'usage',
      `"${stage}" is not a stage of the rubric${rubric.stages.length > 0 ? ` (${rubric.stages.map((s) => s.name).join(', ')})` : ''}`,
    );
  }
  const all = result.scoredRecords();
  const records = stage === undefined ? all : all.filter((r) => r.stage === stage);
  // Coverage counts the entries shown; in one stage, those the stage has any score for.
  const judgeCounts = stage === undefined ? result.entries.map((e) => e.judges) : judgesInStage(result, records);
  const profile = profileRecords(rubric, records, judgeCounts, result.entries);
  if (rubric.normalization === 'severity') profile.severities = severityEstimates(result, stage);
  return profile;
}

/** Distinct judges (after conflicts) per entry the stage's records score, in the result's entry order. */
function judgesInStage(result: ScoreResult, records: readonly ScoredRecord[]): number[] {
  const inStage = new Map<string, Set<string>>();
  for (const r of records) {
    let set = inStage.get(r.entryId);
    if (!set) inStage.set(r.entryId, (set = new Set()));
    if (r.excluded !== 'conflict') set.add(r.judge);
  }
  return result.entries.filter((e) => inStage.has(e.id)).map((e) => inStage.get(e.id)!.size);
}

/** The panel profile of `records`, in the order of docs/guide/analytics.md: judges, agreement, coverage, disagreements. */
function profileRecords(
  rubric: Rubric,
  records: readonly ScoredRecord[],
  judgeCounts: readonly number[],
  entries: ScoreResult['entries'],
): PanelProfile {
  const span = rubric.scale.max - rubric.scale.min;
  const spreadCut = round6(SPREAD_SHARE * span);
  const biasCut = round6(BIAS_SHARE * span);
  const { cells, conflictEntries, judgeIds, kept } = cellsOf(records);
  const { acc, disagreements } = compareWithCoJudges(rubric, cells, spreadCut);
  const judges = judgeProfiles(rubric, judgeIds, acc, conflictEntries, biasCut);
  const { totals, entriesScored } = ownTotals(rubric, kept, entries);
  const iccGroups = [...totals.values()].map((own) => [...own.values()]);
  const icc = icc1(iccGroups);
  const iccK = icc1k(iccGroups);
  const w = kendallWOverBlocks(totals);
  const scoringJudges = new Set(kept.map((r) => r.judge));
  const components = panelComponents(kept.map((r) => ({ judge: r.judge, entry: r.entryId }))).length;
  const counts = judgeCounts;
  return {
    judges,
    agreement: {
      icc: rounded(icc),
      icc_form: 'ICC(1)',
      icc_entries: iccGroups.filter((g) => g.length >= 2).length,
      icc_k: rounded(iccK.value),
      icc_k_form: 'ICC(1,k)',
      icc_k_judges: rounded(iccK.k),
      icc_k_mean: 'harmonic',
      kendall_w: w.entries > 0 ? round6(w.sum / w.entries) : null,
      kendall_w_tie_corrected: true,
      kendall_w_blocks: w.blocks,
      kendall_w_entries: w.entries,
      kendall_w_coverage: {
        entries: w.entries,
        entries_scored: entriesScored,
        judges: w.judges.size,
        judges_scoring: scoringJudges.size,
      },
    },
    coverage: {
      entries: counts.length,
      min_judges: counts.length > 0 ? counts.reduce((a, b) => Math.min(a, b)) : null,
      max_judges: counts.length > 0 ? counts.reduce((a, b) => Math.max(a, b)) : null,
      connected: components <= 1,
      components,
    },
    thresholds: { harsh: biasCut, lenient: biasCut, disagreement: spreadCut },
    disagreements,
  };
}

/**
 * Cells: one entry and criterion, with its remaining records in a fixed order (judge id); the
 * entries each judge was excluded from for a conflict; every judge seen; the remaining records.
 */
function cellsOf(records: readonly ScoredRecord[]): {
  cells: Map<string, Cell>;
  conflictEntries: Map<string, Set<string>>;
  judgeIds: Set<string>;
  kept: ScoredRecord[];
} {
  const cells = new Map<string, Cell>();
  const conflictEntries = new Map<string, Set<string>>();
  const judgeIds = new Set<string>();
  const kept: ScoredRecord[] = [];
  for (const r of records) {
    judgeIds.add(r.judge);
    if (r.excluded === 'conflict') {
      let set = conflictEntries.get(r.judge);
      if (!set) conflictEntries.set(r.judge, (set = new Set()));
      set.add(r.entryId);
      continue;
    }
    kept.push(r);
    const key = `${r.entryId}\u0000${r.criterion}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { entryId: r.entryId, criterion: r.criterion, judges: [], raws: [] }));
    cell.judges.push(r.judge);
    cell.raws.push(r.raw);
  }
  return { cells, conflictEntries, judgeIds, kept };
}

/** Per judge: the records scored and their sum, and each shared cell's score beside the co-judges' mean. */
interface Acc {
  scored: number;
  sum: number;
  mine: number[];
  others: number[];
  byCriterion: Map<string, { sum: number; n: number }>;
}

/**
 * One pass over the cells: each judge's deviations from the co-judges' mean, overall and per
 * criterion, and the cells whose spread reaches the disagreement cut-off (largest first, then
 * entry id, then rubric order).
 */
function compareWithCoJudges(
  rubric: Rubric,
  cells: ReadonlyMap<string, Cell>,
  spreadCut: number,
): { acc: Map<string, Acc>; disagreements: Disagreement[] } {
  const acc = new Map<string, Acc>();
  const accOf = (j: string): Acc => {
    let a = acc.get(j);
    if (!a) acc.set(j, (a = { scored: 0, sum: 0, mine: [], others: [], byCriterion: new Map() }));
    return a;
  };
  const disagreements: Disagreement[] = [];
  for (const cell of cells.values()) {
    const n = cell.raws.length;
    let total = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of cell.raws) {
      total += x;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    for (let i = 0; i < n; i++) {
      const a = accOf(cell.judges[i]!);
      const x = cell.raws[i]!;
      a.scored++;
      a.sum += x;
      if (n < 2) continue;
      const othersMean = (total - x) / (n - 1);
      a.mine.push(x);
      a.others.push(othersMean);
      let c = a.byCriterion.get(cell.criterion);
      if (!c) a.byCriterion.set(cell.criterion, (c = { sum: 0, n: 0 }));
      c.sum += x - othersMean;
      c.n++;
    }
    const spread = round6(hi - lo);
    if (n >= 2 && spread >= spreadCut)
      disagreements.push({ entry_id: cell.entryId, criterion: cell.criterion, spread });
  }
  const criterionOrder = new Map(rubric.criteria.map((c, i) => [c.id, i]));
  disagreements.sort(
    (a, b) =>
      b.spread - a.spread ||
      compareCodePoints(a.entry_id, b.entry_id) ||
      criterionOrder.get(a.criterion)! - criterionOrder.get(b.criterion)!,
  );
  return { acc, disagreements };
}

/** Each judge's profile (id order): mean, bias overall and per criterion, agreement, conflicts, flags. */
function judgeProfiles(
  rubric: Rubric,
  judgeIds: ReadonlySet<string>,
  acc: ReadonlyMap<string, Acc>,
  conflictEntries: ReadonlyMap<string, Set<string>>,
  biasCut: number,
): JudgeProfile[] {
  return [...judgeIds].sort(compareCodePoints).map((id) => {
    const a = acc.get(id);
    let deviation = 0;
    for (let i = 0; i < (a?.mine.length ?? 0); i++) deviation += a!.mine[i]! - a!.others[i]!;
    const bias = a && a.mine.length > 0 ? round6(deviation / a.mine.length) : null;
    const flags: JudgeFlag[] = [];
    if (bias !== null && bias <= -biasCut) flags.push('harsh');
    if (bias !== null && bias >= biasCut) flags.push('lenient');
    const byCriterion: Record<string, number | null> = {};
    for (const { id: c } of rubric.criteria) {
      const b = a?.byCriterion.get(c);
      byCriterion[c] = b ? round6(b.sum / b.n) : null;
    }
    return {
      id,
      scored: a?.scored ?? 0,
      mean: a && a.scored > 0 ? round6(a.sum / a.scored) : null,
      bias,
      agreement: a ? rounded(spearman(a.mine, a.others)) : null,
      conflicts: conflictEntries.get(id)?.size ?? 0,
      flags,
      bias_by_criterion: byCriterion,
    };
  });
}

/**
 * Each judge's own total per entry (entry id order, then judge id order), only where the judge
 * scored every criterion: what ICC and W compare. `entriesScored`: entries with any remaining record.
 */
function ownTotals(
  rubric: Rubric,
  kept: readonly ScoredRecord[],
  entries: ScoreResult['entries'],
): { totals: Map<string, Map<string, number>>; entriesScored: number } {
  const criteria = rubric.criteria.map((c) => c.id);
  const category = new Map(entries.map((e) => [e.id, e.categoryKnown ? e.category : undefined]));
  const ownScores = new Map<string, Map<string, Record<string, number>>>(); // entry → judge → criterion → raw
  for (const r of kept) {
    let byJudge = ownScores.get(r.entryId);
    if (!byJudge) ownScores.set(r.entryId, (byJudge = new Map<string, Record<string, number>>()));
    let values = byJudge.get(r.judge);
    if (!values) byJudge.set(r.judge, (values = {}));
    values[r.criterion] = r.raw;
  }
  const totals = new Map<string, Map<string, number>>(); // entry → judge → own total
  for (const [entryId, byJudge] of [...ownScores].sort((x, y) => compareCodePoints(x[0], y[0]))) {
    const weights = weightsFor(rubric, category.get(entryId));
    const own = new Map<string, number>();
    for (const [judge, values] of [...byJudge].sort((x, y) => compareCodePoints(x[0], y[0]))) {
      if (criteria.every((c) => values[c] !== undefined)) own.set(judge, weightedTotal(rubric, weights, values));
    }
    if (own.size > 0) totals.set(entryId, own);
  }
  return { totals, entriesScored: ownScores.size };
}

/**
 * Kendall's W over complete blocks: entries grouped by the exact set of judges who scored them in
 * full; each block of at least 2 entries and 2 judges weighs by its entries.
 */
function kendallWOverBlocks(totals: ReadonlyMap<string, ReadonlyMap<string, number>>): {
  sum: number;
  entries: number;
  blocks: number;
  judges: Set<string>;
} {
  const blocks = new Map<string, { judges: string[]; entries: string[] }>();
  for (const [entryId, own] of totals) {
    const js = [...own.keys()];
    if (js.length < 2) continue;
    const key = js.join('\u0000');
    let block = blocks.get(key);
    if (!block) blocks.set(key, (block = { judges: js, entries: [] }));
    block.entries.push(entryId);
  }
  const out = { sum: 0, entries: 0, blocks: 0, judges: new Set<string>() };
  for (const block of blocks.values()) {
    if (block.entries.length < 2) continue;
    const w = kendallW(block.judges.map((j) => block.entries.map((e) => totals.get(e)!.get(j)!)));
    if (w === null) continue;
    out.sum += w * block.entries.length;
    out.entries += block.entries.length;
    out.blocks++;
    for (const j of block.judges) out.judges.add(j);
  }
  return out;
}
