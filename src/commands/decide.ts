/**
 * `--decisions FILE` for score, export and agenda: read and applied. Loaded on demand, so that a
 * run without decisions never loads the YAML parser and zod (start-up: see docs/design.md, Performance).
 */
import type { ScoreResult } from '../model/result.js';

export async function decide(scored: ScoreResult, path: string): Promise<ScoreResult> {
  const [{ readDecisions }, { applyDecisions }] = await Promise.all([
    import('../io/decisions.js'),
    import('../decisions/apply.js'),
  ]);
  return applyDecisions(scored, readDecisions(path));
}
