/**
 * scoreCompetition: docs/reference/scoring.md, in its order. Pure: loaded records in, a ScoreResult out.
 * A rubric without stages is scored in one set (src/scoring/single.ts), a staged one stage by stage
 * (src/scoring/stages.ts, which scores each stage with single.ts). This module only chooses: both
 * depend on single.ts, neither on this one.
 */
import type { Competition } from '../model/records.js';
import type { ScoreResult } from '../model/result.js';
import { scoreSingle, type ScoreOptions, type ScoringDetail } from './single.js';
import { scoreStages } from './stages.js';

export {
  candidateOf,
  missedMarks,
  rankAndShortlist,
  referenceDate,
  weightedTotal,
  weightedTotalOf,
  type ScoreOptions,
  type ScoringDetail,
} from './single.js';

export function scoreCompetition(competition: Competition, options: ScoreOptions = {}): ScoreResult {
  return scoreWithDetail(competition, options).result;
}

export function scoreWithDetail(
  competition: Competition,
  options: ScoreOptions = {},
): { result: ScoreResult; detail: ScoringDetail } {
  return competition.rubric.stages.length > 0 ? scoreStages(competition, options) : scoreSingle(competition, options);
}
