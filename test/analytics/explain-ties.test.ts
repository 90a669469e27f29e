/**
 * Issue 17.4: which entries sit at a tied cut-off, per category and plain, worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { cutTies, explainEntry } from '../../src/analytics/explain.js';
import { scoreCompetition } from '../../src/scoring/score.js';
import { competition, entry, rubricFrom, scoreRows } from '../helpers.js';

const rubric = rubricFrom(`
name: Ties
scale: { min: 1, max: 10 }
criteria: { a: { weight: 100 } }
shortlists:
  - { name: top-2, size: 2 }
  - { name: best-1, size: 1, per_category: true }
`);
// governance: G1 9, G2 7, G3 7 · inclusive: I1 8, I2 8
// Overall: G1 1 · I1 2= · I2 2= · G2 4= · G3 4=. Top 2: G1 and the I1/I2 tie (2 entries for 1 place).
// Best 1 per category: governance G1 alone; inclusive I1/I2 tie at category rank 1 (2 for 1 place).
const scores = { G1: { J: [9] }, G2: { J: [7] }, G3: { J: [7] }, I1: { J: [8] }, I2: { J: [8] } };
const entries = [
  entry({ id: 'G1' }),
  entry({ id: 'G2' }),
  entry({ id: 'G3' }),
  entry({ id: 'I1', category: 'inclusive' }),
  entry({ id: 'I2', category: 'inclusive' }),
];
const result = scoreCompetition(competition(rubric, entries, scoreRows(scores, ['a'])));

describe('#17.4 cutTies and at_tied_cut', () => {
  it('a plain shortlist: the tie across its size, with the places left for it', () => {
    expect(cutTies(result, 'top-2')).toEqual([{ rank: 2, entries: ['I1', 'I2'], places: 1 }]);
  });
  it('a per-category shortlist: the tie in its category, by category rank; none in a category without one', () => {
    expect(cutTies(result, 'best-1')).toEqual([{ rank: 1, entries: ['I1', 'I2'], places: 1, category: 'inclusive' }]);
  });
  it('marks the tied entries only: G1 is in both shortlists and at no tied cut', () => {
    const g1 = explainEntry(result, 'G1')!;
    expect(g1.shortlists.map((s) => [s.name, s.included, s.cutoff_tie, s.at_tied_cut])).toEqual([
      ['top-2', true, true, false],
      ['best-1', true, true, false],
    ]);
    const i2 = explainEntry(result, 'I2')!;
    expect(i2.shortlists.map((s) => [s.name, s.at_tied_cut])).toEqual([
      ['top-2', true],
      ['best-1', true],
    ]);
    // G2 and G3 tie too, but below every cut: not at a tied cut-off.
    expect(explainEntry(result, 'G2')!.shortlists.every((s) => !s.at_tied_cut)).toBe(true);
  });
});
