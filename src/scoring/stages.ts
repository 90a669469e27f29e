/**
 * Scoring a competition judged in stages (rubric `stages:`): each stage runs docs/reference/scoring.md
 * steps 1–7 on its own rows (normalization within the stage) and gets its own total and rank;
 * then, per entry:
 *   - below a stage's `pass` mark: the entry does not pass (reason `stage:NAME`) and is not
 *     expected in later stages — without them it is reported, unranked, and that is no error;
 *   - without any score in a later stage it was not taken to (reason `missing-stage:NAME`):
 *     unranked, flagged incomplete, no error;
 *   - with every stage: final total = Σ w_s · T_s / Σ w_s over the rounded stage totals, and the
 *     final s_c likewise (for thresholds and tie-breaks), rounded as in step 7;
 * then steps 8–10 (pass, rank, shortlists) on the final figures.
 */
import { compareDiagnostics, inSheets, limitDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { Competition, Entry } from '../model/records.js';
import { NONE } from '../model/arrays.js';
import type { EntryResult, ScoreResult, StageOutcome } from '../model/result.js';
import type { Stage } from '../model/rubric.js';
import { splitStages, stageDiagnostics, uniqueDiagnostics } from '../validate/stages.js';
import { round6 } from './round.js';
import {
  assembleResult,
  candidateOf,
  missedMarks,
  rankAndShortlist,
  referenceDate,
  scoreSingle,
  type ScoreOptions,
  type ScoringDetail,
} from './single.js';
import { pushAll } from '../model/arrays.js';

interface StageRun {
  stage: Stage;
  result: ScoreResult;
  detail: ScoringDetail;
  byEntry: Map<Entry, EntryResult>;
  /** Distinct judges per entry in this stage (0: no score at all). */
  judges: Map<Entry, Set<string>>;
}

/** Σ w·x / Σ w over the stages, as one figure rounded by step 7. */
function weightedMean(stages: readonly Stage[], values: readonly number[]): number {
  let sum = 0;
  let weights = 0;
  stages.forEach((s, k) => {
    sum += s.weight * values[k]!;
    weights += s.weight;
  });
  return round6(sum / weights);
}

export function scoreStages(
  competition: Competition,
  options: ScoreOptions,
): { result: ScoreResult; detail: ScoringDetail } {
  const { rubric } = competition;
  const asOf = referenceDate(rubric, options.asOf);
  const { parts, diagnostics: splitDiagnostics } = splitStages(competition);
  const runs: StageRun[] = parts.map(({ stage, competition: part }) => {
    const { result, detail } = scoreSingle(part, { asOf, takeSheet: options.takeSheet });
    const byEntry = new Map(result.entries.map((e) => [e.entry, e]));
    const judges = new Map<Entry, Set<string>>(detail.checked.map((c) => [c.entry, new Set<string>()]));
    const { kept } = detail.scores;
    for (let i = 0; i < kept.count; i++)
      judges.get(detail.checked[kept.entry[i]!]!.entry)!.add(detail.scores.judges[kept.judge[i]!]!);
    return { stage, result, detail, byEntry, judges };
  });
  const stages = rubric.stages;
  const first = runs[0]!;

  const results: EntryResult[] = [];
  for (const base of first.result.entries) {
    const entry = base.entry;
    const perStage = runs.map((run) => run.byEntry.get(entry)!);
    const outcomes: Record<string, StageOutcome> = {};
    stages.forEach((s, k) => (outcomes[s.name] = { total: perStage[k]!.total, rank: perStage[k]!.rank }));
    const judges = new Set<string>();
    for (const run of runs) for (const j of run.judges.get(entry)!) judges.add(j);
    const result: EntryResult = {
      ...base,
      rank: null,
      category_rank: null,
      tied: false,
      total: null,
      criteria: {},
      judges: judges.size,
      passed: false,
      reasons: NONE,
      shortlists: NONE,
      flags: NONE,
      stages: outcomes,
    };
    results.push(result);

    if (base.flags.includes('ineligible')) {
      // Entry rules do not depend on the stage: the first stage's verdict is the entry's.
      result.flags = [...base.flags];
      result.reasons = [...base.reasons];
      result.criteria = base.criteria;
      continue;
    }
    const failed: string[] = [];
    let scoredStages = 0;
    let incomplete: 'too-few-judges' | `missing-stage:${string}` | null = null;
    for (let k = 0; k < stages.length; k++) {
      const stage = stages[k]!;
      const sr = perStage[k]!;
      if (sr.total === null) {
        const unscored = runs[k]!.judges.get(entry)!.size === 0;
        if (unscored && k > 0) {
          // Not taken to this stage: expected after a failed stage, else reported on the entry.
          if (failed.length === 0) incomplete = `missing-stage:${stage.name}`;
        } else incomplete = 'too-few-judges';
        break;
      }
      scoredStages++;
      if (stage.pass !== undefined && sr.total < stage.pass) failed.push(`stage:${stage.name}`);
    }
    if (scoredStages < stages.length) {
      // Not ranked finally: the criteria are those of the last stage the entry was scored in.
      const last = [...perStage].reverse().find((sr) => Object.keys(sr.criteria).length > 0);
      result.criteria = last?.criteria ?? {};
      result.reasons = [...failed, ...(incomplete !== null ? [incomplete] : [])];
      if (incomplete !== null) result.flags = ['incomplete'];
      continue;
    }
    result.total = weightedMean(
      stages,
      perStage.map((sr) => sr.total!),
    );
    for (const c of rubric.criteria) {
      if (perStage.every((sr) => sr.criteria[c.id] !== undefined))
        result.criteria[c.id] = weightedMean(
          stages,
          perStage.map((sr) => sr.criteria[c.id]!),
        );
    }
    // Step 8 on the final figures; a failed stage comes first among the reasons.
    missedMarks(rubric, result.total, (k) => result.criteria[rubric.criteria[k]!.id], failed);
    result.passed = failed.length === 0;
    result.reasons = failed;
  }

  // Steps 9–10 on the final totals; a shortlist with `stage:` draws on that stage's ranks, from
  // the entries that pass its mark.
  const stageCandidates = new Map(
    runs.map((run) => [
      run.stage.name,
      run.result.entries
        .filter((e) => e.rank !== null && (run.stage.pass === undefined || e.total! >= run.stage.pass))
        .map((e) => candidateOf(e)),
    ]),
  );
  const { entries, shortlists, diagnostics: shortlistDiagnostics } = rankAndShortlist(rubric, results, stageCandidates);

  const found: Diagnostic[] = [...competition.diagnostics, ...splitDiagnostics];
  runs.forEach((run, k) => {
    const unscored = new Set([...run.judges].filter(([, j]) => j.size === 0).map(([e]) => e.id));
    pushAll(found, stageDiagnostics(run.result.diagnostics, run.stage, k === 0, unscored));
  });
  const diagnostics = limitDiagnostics(
    inSheets(uniqueDiagnostics(found), competition.inputs).sort(compareDiagnostics),
  ).concat(shortlistDiagnostics);

  const result = assembleResult(
    competition,
    asOf,
    entries,
    shortlists,
    diagnostics,
    () => runs.flatMap((run) => run.result.scoredRecords().map((r) => ({ ...r, stage: run.stage.name }))),
    rubric.normalization === 'severity'
      ? runs.flatMap((run) => (run.result.severities ?? []).map((s) => ({ stage: run.stage.name, ...s })))
      : undefined,
    // A stage's records are its run's, by column (the panel profile reads one stage at a time).
    (stage) => (stage === undefined ? undefined : runs.find((run) => run.stage.name === stage)?.result.recordTable?.()),
  );
  return {
    result,
    detail: { ...first.detail, stages: runs.map((run) => ({ name: run.stage.name, detail: run.detail })) },
  };
}
