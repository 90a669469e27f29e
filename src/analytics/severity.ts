/**
 * The judges' fitted severities under `normalization: severity` (docs/guide/scoring.md, "Choosing a
 * normalization"), with their standard errors, for `kipp judges`: per stage, criterion and judge.
 * Pure: a ScoreResult in, plain data out (6 decimals like the report).
 */
import { compareCodePoints } from '../model/names.js';
import type { RecordTable, ScoreResult, ScoredRecord } from '../model/result.js';
import { round6 } from '../scoring/round.js';
import { severityColumns } from '../scoring/normalize.js';

/** Fewer records than this on a criterion, or no standard error at all: poorly estimated. */
export const FEW_RECORDS = 10;

export interface SeverityEstimate {
  stage?: string;
  criterion: string;
  judge: string;
  /** s_jc: x' = x − s_jc. */
  severity: number;
  /** Its standard error; null when the panel leaves no degree of freedom to estimate it. */
  se: number | null;
  records: number;
  /** Fewer than FEW_RECORDS records, or no standard error. */
  poorly_estimated: boolean;
}

/** Every stage's (or only `stage`'s) estimates; none unless the rubric's normalization is `severity`. */
export function severityEstimates(result: ScoreResult, stage?: string): SeverityEstimate[] {
  const { rubric } = result;
  if (rubric.normalization !== 'severity') return [];
  const criteria = rubric.criteria.map((c) => c.id);
  const stages =
    stage !== undefined ? [stage] : rubric.stages.length > 0 ? rubric.stages.map((s) => s.name) : [undefined];
  // Normalization runs on every record left after steps 1–2 (trimmed ones included): the kept
  // columns of the result (or of the stage), else the record objects.
  let used: ScoredRecord[] | undefined;
  return stages.flatMap((stage) => {
    const table = result.recordTable?.(stage);
    if (table !== undefined) return estimatesOf(fromTable(table), criteria, stage);
    used ??= result.scoredRecords().filter((r) => r.excluded !== 'conflict');
    return estimatesOf(
      fromRecords(
        used.filter((r) => r.stage === stage),
        criteria,
      ),
      criteria,
      stage,
    );
  });
}

/** The records severityColumns reads, by entry id then judge id (stable): indices and raw scores. */
interface Fitted {
  n: number;
  /** Entries numbered as they first come in this order. */
  entry: Int32Array;
  /** Into `judges` (ids in code-point order). */
  judge: Int32Array;
  /** Into the rubric's criteria. */
  criterion: Int32Array;
  raw: Float64Array;
  judges: string[];
}

function fromRecords(records: ScoredRecord[], criteria: string[]): Fitted {
  const sorted = [...records].sort(
    (a, b) => compareCodePoints(a.entryId, b.entryId) || compareCodePoints(a.judge, b.judge),
  );
  const judges = [...new Set(sorted.map((r) => r.judge))].sort(compareCodePoints);
  const judgeIndex = new Map(judges.map((j, i) => [j, i]));
  const entryIndex = new Map<string, number>();
  for (const r of sorted) if (!entryIndex.has(r.entryId)) entryIndex.set(r.entryId, entryIndex.size);
  const criterionIndex = new Map(criteria.map((c, i) => [c, i]));
  return {
    n: sorted.length,
    entry: Int32Array.from(sorted, (r) => entryIndex.get(r.entryId)!),
    judge: Int32Array.from(sorted, (r) => judgeIndex.get(r.judge)!),
    criterion: Int32Array.from(sorted, (r) => criterionIndex.get(r.criterion)!),
    raw: Float64Array.from(sorted, (r) => r.raw),
    judges,
  };
}

/** fromRecords on a result's kept columns: the same arrays, without an object per score. */
function fromTable(table: RecordTable): Fitted {
  const { kept, entryIds, judgeIds } = table;
  const entryId = (i: number) => entryIds[kept.entry[i]!]!;
  const judgeId = (i: number) => judgeIds[kept.judge[i]!]!;
  const compare = (a: number, b: number) =>
    compareCodePoints(entryId(a), entryId(b)) || compareCodePoints(judgeId(a), judgeId(b));
  // The checked columns are in canonical order (entry id, judge id, criterion) already; a
  // stable sort is made only if they are not.
  let sorted = true;
  for (let i = 1; i < kept.count && sorted; i++) sorted = compare(i - 1, i) <= 0;
  const order = Array.from({ length: kept.count }, (_, i) => i);
  if (!sorted) order.sort(compare);
  const seen = new Uint8Array(judgeIds.length);
  for (let i = 0; i < kept.count; i++) seen[kept.judge[i]!] = 1;
  const present: number[] = [];
  seen.forEach((s, j) => {
    if (s === 1) present.push(j);
  });
  present.sort((x, y) => compareCodePoints(judgeIds[x]!, judgeIds[y]!));
  const judgeRank = new Int32Array(judgeIds.length);
  present.forEach((j, rank) => (judgeRank[j] = rank));
  const judges = present.map((j) => judgeIds[j]!);
  // Entries numbered by first appearance; two entries sharing an id are one.
  const entryNumber = new Map<string, number>();
  const out: Fitted = {
    n: kept.count,
    entry: new Int32Array(kept.count),
    judge: new Int32Array(kept.count),
    criterion: new Int32Array(kept.count),
    raw: new Float64Array(kept.count),
    judges,
  };
  let lastEntry = -1;
  let lastNumber = -1;
  order.forEach((i, k) => {
    const e = kept.entry[i]!;
    if (e !== lastEntry) {
      const id = entryIds[e]!;
      let number = entryNumber.get(id);
      if (number === undefined) entryNumber.set(id, (number = entryNumber.size));
      lastEntry = e;
      lastNumber = number;
    }
    out.entry[k] = lastNumber;
    out.judge[k] = judgeRank[kept.judge[i]!]!;
    out.criterion[k] = kept.criterion[i]!;
    out.raw[k] = kept.raw[i]!;
  });
  return out;
}

function estimatesOf(fitted: Fitted, criteria: string[], stage: string | undefined): SeverityEstimate[] {
  const { n, judges } = fitted;
  const C = criteria.length;
  const errors = new Float64Array(judges.length * C);
  const severity = severityColumns(
    n,
    fitted.entry,
    fitted.judge,
    fitted.criterion,
    fitted.raw,
    judges.length,
    C,
    errors,
  );
  const counts = new Int32Array(judges.length * C);
  for (let i = 0; i < n; i++) counts[fitted.judge[i]! * C + fitted.criterion[i]!]!++;
  const out: SeverityEstimate[] = [];
  criteria.forEach((criterion, c) => {
    judges.forEach((judge, j) => {
      const records = counts[j * C + c]!;
      if (records === 0) return;
      const e = errors[j * C + c]!;
      const se = Number.isFinite(e) ? round6(e) : null;
      out.push({
        ...(stage !== undefined ? { stage } : {}),
        criterion,
        judge,
        severity: round6(severity[j * C + c]!),
        se,
        records,
        poorly_estimated: records < FEW_RECORDS || se === null,
      });
    });
  });
  return out;
}
