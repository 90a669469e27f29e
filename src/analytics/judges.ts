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
import { numberOf } from '../model/arrays.js';
import { compareCodePoints, idOrder } from '../model/names.js';
import { stageTables, type RecordTable, type ScoreResult, type ScoredRecord } from '../model/result.js';
import { KippError } from '../model/diagnostic.js';
import { weightsFor, type Rubric } from '../model/rubric.js';
import { round6 } from '../scoring/round.js';
import { weightedTotalOf } from '../scoring/score.js';
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
  // The result's columns: all of them, or one stage's. Otherwise the record objects.
  const table = result.recordTable?.(stage);
  let judgeCounts: readonly number[];
  let records: Records;
  if (table !== undefined) {
    records = byEntryId(table);
    judgeCounts = stage === undefined ? result.entries.map((e) => e.judges) : judgesInStageTable(result, records);
  } else {
    const all = result.scoredRecords();
    const inStage = stage === undefined ? all : all.filter((r) => r.stage === stage);
    records = byEntryId(tableOf(rubric, inStage));
    // Coverage counts the entries shown; in one stage, those the stage has any score for.
    judgeCounts = stage === undefined ? result.entries.map((e) => e.judges) : judgesInStage(result, inStage);
  }
  const profile = profileRecords(rubric, records, judgeCounts, result.entries);
  if (rubric.normalization === 'severity') profile.severities = severityEstimates(result, stage);
  return profile;
}

/** Whether a result has any score record (conflicts included) to profile. */
export function hasScoreRecords(result: ScoreResult): boolean {
  const tables = stageTables(result);
  if (tables !== undefined) return tables.some(({ table: t }) => t.kept.count + t.conflicts.count > 0);
  return result.scoredRecords().length > 0;
}

/** Records as a RecordTable, in their order: ids numbered as first seen. */
function tableOf(rubric: Rubric, records: readonly ScoredRecord[]): RecordTable {
  const criterionIndex = new Map(rubric.criteria.map((c, k) => [c.id, k]));
  const entryIds: string[] = [];
  const judgeIds: string[] = [];
  const entryIndex = new Map<string, number>();
  const judgeIndex = new Map<string, number>();
  const conflicting = records.filter((r) => r.excluded === 'conflict');
  const kept = records.length - conflicting.length;
  const table: RecordTable = {
    entryIds,
    judgeIds,
    kept: {
      count: 0,
      entry: new Int32Array(kept),
      judge: new Int32Array(kept),
      criterion: new Int32Array(kept),
      raw: new Float64Array(kept),
      normalized: new Float64Array(kept),
      trimmed: new Uint8Array(kept),
    },
    conflicts: {
      count: 0,
      entry: new Int32Array(conflicting.length),
      judge: new Int32Array(conflicting.length),
      criterion: new Int32Array(conflicting.length),
      raw: new Float64Array(conflicting.length),
    },
  };
  for (const r of records) {
    const entry = numberOf(r.entryId, entryIds, entryIndex);
    const judge = numberOf(r.judge, judgeIds, judgeIndex);
    if (r.excluded === 'conflict') {
      const i = table.conflicts.count++;
      table.conflicts.entry[i] = entry;
      table.conflicts.judge[i] = judge;
      table.conflicts.criterion[i] = criterionIndex.get(r.criterion)!;
      table.conflicts.raw[i] = r.raw;
    } else {
      const i = table.kept.count++;
      table.kept.entry[i] = entry;
      table.kept.judge[i] = judge;
      table.kept.criterion[i] = criterionIndex.get(r.criterion)!;
      table.kept.raw[i] = r.raw;
      table.kept.normalized[i] = r.normalized ?? NaN;
      table.kept.trimmed[i] = r.excluded === 'trimmed' ? 1 : 0;
    }
  }
  return table;
}

/**
 * judgesInStage on a stage's columns: the entries with any record in the stage (conflicts
 * included), in the result's entry order, each with its distinct judges after conflicts.
 */
function judgesInStageTable(result: ScoreResult, r: Records): number[] {
  const E = r.entryIds.length;
  const present = new Uint8Array(E);
  const J = r.judgeIds.length;
  const pairs = new Float64Array(r.count);
  for (let i = 0; i < r.count; i++) {
    present[r.entry[i]!] = 1;
    pairs[i] = r.entry[i]! * J + r.judge[i]!;
  }
  for (let i = 0; i < r.conflicts.count; i++) present[r.conflicts.entry[i]!] = 1;
  // Distinct (entry, judge) pairs, counted per entry.
  pairs.sort();
  const judges = new Int32Array(E);
  for (let i = 0; i < pairs.length; i++) if (i === 0 || pairs[i] !== pairs[i - 1]) judges[Math.floor(pairs[i]! / J)]!++;
  const at = new Map(r.entryIds.map((id, e) => [id, e]));
  return result.entries.flatMap((e) => {
    const k = at.get(e.id);
    return k !== undefined && present[k] === 1 ? [judges[k]!] : [];
  });
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

/**
 * The records with each entry id once: a table may number one id twice (two entries sharing an
 * id, which carry no scores), and every figure here is per id.
 */
interface Records {
  entryIds: string[];
  judgeIds: readonly string[];
  /** kept, entries renumbered by id. */
  entry: Int32Array;
  judge: Int32Array;
  criterion: Int32Array;
  raw: Float64Array;
  count: number;
  conflicts: RecordTable['conflicts'];
}

function byEntryId(table: RecordTable): Records {
  const index = new Map<string, number>();
  const entryIds: string[] = [];
  const renumber = new Int32Array(table.entryIds.length);
  table.entryIds.forEach((id, e) => (renumber[e] = numberOf(id, entryIds, index)));
  const { kept } = table;
  const entry = new Int32Array(kept.count);
  for (let i = 0; i < kept.count; i++) entry[i] = renumber[kept.entry[i]!]!;
  const conflicts = { ...table.conflicts, entry: new Int32Array(table.conflicts.count) };
  for (let i = 0; i < conflicts.count; i++) conflicts.entry[i] = renumber[table.conflicts.entry[i]!]!;
  return {
    entryIds,
    judgeIds: table.judgeIds,
    entry,
    judge: kept.judge,
    criterion: kept.criterion,
    raw: kept.raw,
    count: kept.count,
    conflicts,
  };
}

/** The panel profile of `records`, in the order of docs/guide/analytics.md: judges, agreement, coverage, disagreements. */
function profileRecords(
  rubric: Rubric,
  records: Records,
  judgeCounts: readonly number[],
  entries: ScoreResult['entries'],
): PanelProfile {
  const span = rubric.scale.max - rubric.scale.min;
  const spreadCut = round6(SPREAD_SHARE * span);
  const biasCut = round6(BIAS_SHARE * span);
  const cells = cellsOf(rubric, records);
  const { acc, disagreements } = compareWithCoJudges(rubric, records, cells, spreadCut);
  const judges = judgeProfiles(rubric, records, acc, biasCut);
  const { totals, entriesScored } = ownTotals(rubric, records, entries);
  const iccGroups = totals.map((own) => own.totals);
  const icc = icc1(iccGroups);
  const iccK = icc1k(iccGroups);
  const w = kendallWOverBlocks(totals);
  const scoring = new Uint8Array(records.judgeIds.length);
  for (let i = 0; i < records.count; i++) scoring[records.judge[i]!] = 1;
  const components = panelPieces(records);
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
        judges_scoring: scoring.reduce((n, x) => n + x, 0),
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
 * Cells: one entry and criterion, numbered in the order they first appear among the records;
 * `members` lists each cell's records (indices into the records) in their order, cell after
 * cell, cell k's from `start[k]` to `start[k + 1]`.
 */
interface Cells {
  count: number;
  entry: Int32Array;
  criterion: Int32Array;
  start: Int32Array;
  members: Int32Array;
}

function cellsOf(rubric: Rubric, r: Records): Cells {
  const C = rubric.criteria.length;
  const cellAt = new Int32Array(r.entryIds.length * C).fill(-1);
  const cellOf = new Int32Array(r.count);
  // At most one cell a record: typed arrays of that size, cut to the cells found.
  const entry = new Int32Array(r.count);
  const criterion = new Int32Array(r.count);
  const start = new Int32Array(r.count + 1);
  let count = 0;
  for (let i = 0; i < r.count; i++) {
    const key = r.entry[i]! * C + r.criterion[i]!;
    let cell = cellAt[key]!;
    if (cell < 0) {
      cellAt[key] = cell = count++;
      entry[cell] = r.entry[i]!;
      criterion[cell] = r.criterion[i]!;
    }
    cellOf[i] = cell;
    start[cell + 1]!++;
  }
  for (let k = 0; k < count; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, count);
  const members = new Int32Array(r.count);
  for (let i = 0; i < r.count; i++) members[fill[cellOf[i]!]!++] = i;
  return {
    count,
    entry: entry.subarray(0, count),
    criterion: criterion.subarray(0, count),
    start: start.subarray(0, count + 1),
    members,
  };
}

/** Per judge: the records scored and their sum, and each shared cell's score beside the co-judges' mean. */
interface Acc {
  scored: number;
  sum: number;
  /** The judge's scores in shared cells (the first `shared` places), and the co-judges' means beside them. */
  mine: Float64Array;
  others: Float64Array;
  count: number;
  /** Per criterion (rubric order): the sum of the deviations from the co-judges' mean, and their number. */
  deviation: Float64Array;
  shared: Int32Array;
}

/**
 * One pass over the cells: each judge's deviations from the co-judges' mean, overall and per
 * criterion, and the cells whose spread reaches the disagreement cut-off (largest first, then
 * entry id, then rubric order).
 */
function compareWithCoJudges(
  rubric: Rubric,
  r: Records,
  cells: Cells,
  spreadCut: number,
): { acc: (Acc | undefined)[]; disagreements: Disagreement[] } {
  const C = rubric.criteria.length;
  // Each judge's scores in cells shared with another judge, counted first: the pairs go into
  // arrays of their final size (a stress year's judge has 250,000).
  const inShared = new Int32Array(r.judgeIds.length);
  for (let cell = 0; cell < cells.count; cell++) {
    const from = cells.start[cell]!;
    const to = cells.start[cell + 1]!;
    if (to - from >= 2) for (let m = from; m < to; m++) inShared[r.judge[cells.members[m]!]!]!++;
  }
  const acc = new Array<Acc | undefined>(r.judgeIds.length);
  const accOf = (j: number): Acc =>
    (acc[j] ??= {
      scored: 0,
      sum: 0,
      mine: new Float64Array(inShared[j]!),
      others: new Float64Array(inShared[j]!),
      count: 0,
      deviation: new Float64Array(C),
      shared: new Int32Array(C),
    });
  const disagreements: Disagreement[] = [];
  for (let cell = 0; cell < cells.count; cell++) {
    const from = cells.start[cell]!;
    const n = cells.start[cell + 1]! - from;
    const k = cells.criterion[cell]!;
    let total = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let m = 0; m < n; m++) {
      const x = r.raw[cells.members[from + m]!]!;
      total += x;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    for (let m = 0; m < n; m++) {
      const i = cells.members[from + m]!;
      const a = accOf(r.judge[i]!);
      const x = r.raw[i]!;
      a.scored++;
      a.sum += x;
      if (n < 2) continue;
      const othersMean = (total - x) / (n - 1);
      a.mine[a.count] = x;
      a.others[a.count++] = othersMean;
      a.deviation[k]! += x - othersMean;
      a.shared[k]!++;
    }
    const spread = round6(hi - lo);
    if (n >= 2 && spread >= spreadCut)
      disagreements.push({ entry_id: r.entryIds[cells.entry[cell]!]!, criterion: rubric.criteria[k]!.id, spread });
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

/**
 * Each judge's profile (id order; every judge with a record, conflicts included): mean, bias
 * overall and per criterion, agreement, conflicts, flags.
 */
function judgeProfiles(rubric: Rubric, r: Records, acc: readonly (Acc | undefined)[], biasCut: number): JudgeProfile[] {
  const seen = new Uint8Array(r.judgeIds.length);
  for (let i = 0; i < r.count; i++) seen[r.judge[i]!] = 1;
  // Entries each judge was excluded from for a conflict of interest (a few: a Set each).
  const conflictEntries = new Map<number, Set<number>>();
  for (let i = 0; i < r.conflicts.count; i++) {
    const j = r.conflicts.judge[i]!;
    seen[j] = 1;
    let set = conflictEntries.get(j);
    if (!set) conflictEntries.set(j, (set = new Set()));
    set.add(r.conflicts.entry[i]!);
  }
  const ids: number[] = [];
  seen.forEach((s, j) => {
    if (s === 1) ids.push(j);
  });
  ids.sort((x, y) => compareCodePoints(r.judgeIds[x]!, r.judgeIds[y]!));
  return ids.map((j) => {
    const a = acc[j];
    let deviation = 0;
    for (let i = 0; i < (a?.count ?? 0); i++) deviation += a!.mine[i]! - a!.others[i]!;
    const bias = a && a.count > 0 ? round6(deviation / a.count) : null;
    const flags: JudgeFlag[] = [];
    if (bias !== null && bias <= -biasCut) flags.push('harsh');
    if (bias !== null && bias >= biasCut) flags.push('lenient');
    const byCriterion: Record<string, number | null> = {};
    rubric.criteria.forEach(({ id: c }, k) => {
      byCriterion[c] = a && a.shared[k]! > 0 ? round6(a.deviation[k]! / a.shared[k]!) : null;
    });
    return {
      id: r.judgeIds[j]!,
      scored: a?.scored ?? 0,
      mean: a && a.scored > 0 ? round6(a.sum / a.scored) : null,
      bias,
      // The co-judges' means are ranked as every figure is compared, on six decimals (docs/reference/
      // scoring.md step 7): the means of 1.0 and 1.4 and of 1.1 and 1.3 are one 1.2, but as doubles
      // 1.2 and 1.2000000000000002, and that difference broke their tie in the agreement's ranks.
      agreement: a ? rounded(spearman(a.mine.subarray(0, a.count), a.others.subarray(0, a.count).map(round6))) : null,
      conflicts: conflictEntries.get(j)?.size ?? 0,
      flags,
      bias_by_criterion: byCriterion,
    };
  });
}

/** One entry's own totals: the judges (indices, id order) who scored every criterion, and their totals. */
interface OwnTotals {
  judges: number[];
  totals: number[];
}

/**
 * Each judge's own total per entry (entry id order, then judge id order), only where the judge
 * scored every criterion: what ICC and W compare. `entriesScored`: entries with any remaining record.
 */
function ownTotals(
  rubric: Rubric,
  r: Records,
  entries: ScoreResult['entries'],
): { totals: OwnTotals[]; entriesScored: number } {
  const C = rubric.criteria.length;
  // Categories matter only for a rubric with weights of its own per category.
  const perCategory = Object.keys(rubric.categoryWeights).length > 0;
  const category = perCategory
    ? new Map(entries.map((e) => [e.id, e.categoryKnown ? e.category : undefined]))
    : undefined;
  // The records entry by entry (stable: in their order within an entry).
  const E = r.entryIds.length;
  const start = new Int32Array(E + 1);
  for (let i = 0; i < r.count; i++) start[r.entry[i]! + 1]!++;
  for (let e = 0; e < E; e++) start[e + 1]! += start[e]!;
  const fill = start.slice(0, E);
  const order = new Int32Array(r.count);
  for (let i = 0; i < r.count; i++) order[fill[r.entry[i]!]!++] = i;
  const scoredEntries: number[] = [];
  for (let e = 0; e < E; e++) if (start[e + 1]! > start[e]!) scoredEntries.push(e);
  scoredEntries.sort((x, y) => compareCodePoints(r.entryIds[x]!, r.entryIds[y]!));
  const weightsOf = new Map<string | undefined, Record<string, number>>();
  // Judges' places in id order, once: an entry's judges are put in that order by number, not by
  // comparing their ids (a stress year has a million entry–judge pairs). Judge ids are distinct.
  const judgeRank = idOrder(r.judgeIds);
  const totals: OwnTotals[] = [];
  // One entry's judges: their values per criterion (the last record of a judge and criterion wins).
  const slot = new Map<number, number>();
  let values = new Float64Array(0);
  let has = new Uint8Array(0);
  for (const e of scoredEntries) {
    slot.clear();
    const judges: number[] = [];
    const size = start[e + 1]! - start[e]!;
    if (values.length < size * C) {
      values = new Float64Array(size * C);
      has = new Uint8Array(size * C);
    } else has.fill(0, 0, size * C);
    // A judge's records of an entry mostly follow one another: the slot is looked up when the judge changes.
    let last = -1;
    let s = -1;
    for (let m = start[e]!; m < start[e + 1]!; m++) {
      const i = order[m]!;
      const j = r.judge[i]!;
      if (j !== last) {
        last = j;
        const known = slot.get(j);
        if (known === undefined) slot.set(j, (s = judges.push(j) - 1));
        else s = known;
      }
      values[s * C + r.criterion[i]!] = r.raw[i]!;
      has[s * C + r.criterion[i]!] = 1;
    }
    const cat = category?.get(r.entryIds[e]!);
    let weights = weightsOf.get(cat);
    if (weights === undefined) weightsOf.set(cat, (weights = weightsFor(rubric, cat)));
    const own: OwnTotals = { judges: [], totals: [] };
    // Judges in id order: the checked columns have them so already (canonical order), records
    // from objects may not.
    let ordered = true;
    for (let s = 1; s < judges.length && ordered; s++) ordered = judgeRank[judges[s - 1]!]! < judgeRank[judges[s]!]!;
    const slots = judges.map((_, s) => s);
    if (!ordered) slots.sort((x, y) => judgeRank[judges[x]!]! - judgeRank[judges[y]!]!);
    for (const s of slots) {
      const j = judges[s]!;
      let complete = true;
      for (let k = 0; k < C && complete; k++) complete = has[s * C + k] === 1;
      if (!complete) continue;
      own.judges.push(j);
      own.totals.push(weightedTotalOf(rubric, weights, (_, k) => values[s * C + k]!));
    }
    if (own.judges.length > 0) totals.push(own);
  }
  return { totals, entriesScored: scoredEntries.length };
}

/**
 * Kendall's W over complete blocks: entries grouped by the exact set of judges who scored them in
 * full; each block of at least 2 entries and 2 judges weighs by its entries.
 */
function kendallWOverBlocks(totals: readonly OwnTotals[]): {
  sum: number;
  entries: number;
  blocks: number;
  judges: Set<number>;
} {
  const blocks = new Map<string, { judges: number[]; entries: OwnTotals[] }>();
  for (const own of totals) {
    if (own.judges.length < 2) continue;
    const key = own.judges.join(',');
    let block = blocks.get(key);
    if (!block) blocks.set(key, (block = { judges: own.judges, entries: [] }));
    block.entries.push(own);
  }
  const out = { sum: 0, entries: 0, blocks: 0, judges: new Set<number>() };
  for (const block of blocks.values()) {
    if (block.entries.length < 2) continue;
    // Every entry of a block has the same judges in the same order: its totals line up.
    const w = kendallW(block.judges.map((_, s) => block.entries.map((own) => own.totals[s]!)));
    if (w === null) continue;
    out.sum += w * block.entries.length;
    out.entries += block.entries.length;
    out.blocks++;
    for (const j of block.judges) out.judges.add(j);
  }
  return out;
}

/**
 * Pieces of the judge–entry graph of the remaining records that hold a judge (union–find over
 * indices; panelComponents' count without a string per node).
 */
function panelPieces(r: Records): number {
  const J = r.judgeIds.length;
  const parent = new Int32Array(J + r.entryIds.length).map((_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root]!;
    while (x !== root) {
      const next = parent[x]!;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  const used = new Uint8Array(J);
  for (let i = 0; i < r.count; i++) {
    const j = r.judge[i]!;
    used[j] = 1;
    const a = find(j);
    const b = find(J + r.entry[i]!);
    if (a !== b) parent[a] = b;
  }
  const roots = new Set<number>();
  for (let j = 0; j < J; j++) if (used[j] === 1) roots.add(find(j));
  return roots.size;
}
