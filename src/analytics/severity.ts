/**
 * The judges' fitted severities under `normalization: severity` (docs/guide/scoring.md, "Choosing a
 * normalization"), with their standard errors, for `kipp judges`: per stage, criterion and judge.
 * Pure: a ScoreResult in, plain data out (6 decimals like the report).
 */
import { compareCodePoints } from '../model/names.js';
import type { ScoreResult, ScoredRecord } from '../model/result.js';
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
  // Normalization runs on every record left after steps 1–2 (trimmed ones included).
  const used = result.scoredRecords().filter((r) => r.excluded !== 'conflict');
  const stages =
    stage !== undefined ? [stage] : rubric.stages.length > 0 ? rubric.stages.map((s) => s.name) : [undefined];
  return stages.flatMap((stage) =>
    estimatesOf(
      used.filter((r) => r.stage === stage),
      rubric.criteria.map((c) => c.id),
      stage,
    ),
  );
}

function estimatesOf(records: ScoredRecord[], criteria: string[], stage: string | undefined): SeverityEstimate[] {
  const sorted = [...records].sort(
    (a, b) => compareCodePoints(a.entryId, b.entryId) || compareCodePoints(a.judge, b.judge),
  );
  const judges = [...new Set(sorted.map((r) => r.judge))].sort(compareCodePoints);
  const judgeIndex = new Map(judges.map((j, i) => [j, i]));
  const entryIndex = new Map<string, number>();
  for (const r of sorted) if (!entryIndex.has(r.entryId)) entryIndex.set(r.entryId, entryIndex.size);
  const criterionIndex = new Map(criteria.map((c, i) => [c, i]));
  const C = criteria.length;
  const n = sorted.length;
  const errors = new Float64Array(judges.length * C);
  const severity = severityColumns(
    n,
    Int32Array.from(sorted, (r) => entryIndex.get(r.entryId)!),
    Int32Array.from(sorted, (r) => judgeIndex.get(r.judge)!),
    Int32Array.from(sorted, (r) => criterionIndex.get(r.criterion)!),
    Float64Array.from(sorted, (r) => r.raw),
    judges.length,
    C,
    errors,
  );
  const counts = new Int32Array(judges.length * C);
  for (const r of sorted) counts[judgeIndex.get(r.judge)! * C + criterionIndex.get(r.criterion)!]!++;
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
