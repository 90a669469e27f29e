import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { severityEstimates } from '../../src/analytics/severity.js';
import { loadCompetition } from '../../src/index.js';
import { scoreCompetition } from '../../src/scoring/score.js';

const expected = JSON.parse(
  readFileSync(new URL('../../fixtures/severity/expected.json', import.meta.url), 'utf8'),
) as {
  severities: Record<string, Record<string, number>>;
  severity_se: Record<string, Record<string, number>>;
};

describe('#20: severity estimates for kipp judges', () => {
  it('give s_jc and its standard error per criterion and judge, as numpy fits them', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const competition = loadCompetition({
      entries: [`${root}fixtures/example/entries.csv`],
      scores: [`${root}fixtures/severity/scores-long.csv`],
      judges: `${root}fixtures/example/judges.csv`,
      rubric: `${root}fixtures/severity/rubric.yaml`,
    });
    const estimates = severityEstimates(scoreCompetition(competition, { asOf: '2026-11-22' }));
    expect(estimates).toHaveLength(50);
    for (const e of estimates) {
      expect(e.severity).toBeCloseTo(expected.severities[e.criterion]![e.judge]!, 6);
      expect(e.se).toBeCloseTo(expected.severity_se[e.criterion]![e.judge]!, 6);
      // Each judge read 9 to 24 entries here; fewer than 10 records is flagged.
      expect(e.poorly_estimated).toBe(e.records < 10);
    }
  });
});
