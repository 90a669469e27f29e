/**
 * Issue 17.3: `--top` and `--category` on small competitions whose ranks are set by hand.
 */
import { describe, expect, it } from 'vitest';
import { scoreCompetition } from '../../src/scoring/score.js';
import { selectEntries, tieAcross } from '../../src/scoring/select.js';
import { cutLines, endsEarly, linesForList } from '../../src/report/score/cuts.js';
import { competition, entry, rubricFrom, scoreRows } from '../helpers.js';

describe('#17.3 tieAcross: the run of equal ranks a cut after N items would split', () => {
  const rank = (r: number | null) => r;
  it('finds the run across the cut, however far it reaches back and on', () => {
    // ranks 1 2 3 3 3 6: a cut after 4 splits the 3s (items 2..4)
    expect(tieAcross([1, 2, 3, 3, 3, 6], 4, rank)).toEqual({ start: 2, end: 5, rank: 3 });
    expect(tieAcross([1, 2, 3, 3, 3, 6], 3, rank)).toEqual({ start: 2, end: 5, rank: 3 });
  });
  it('is null when the cut falls between ranks, past the end, or on unranked entries', () => {
    expect(tieAcross([1, 2, 3, 3, 5], 4, rank)).toBeNull();
    expect(tieAcross([1, 1], 2, rank)).toBeNull();
    expect(tieAcross([1, null, null], 2, rank)).toBeNull();
  });
});

const rubric = rubricFrom(`
name: Select
scale: { min: 1, max: 10 }
criteria: { a: { weight: 50 }, b: { weight: 50 } }
thresholds: { criteria: { b: 5 } }
shortlists: [ { name: top-3, size: 3 } ]
`);
// Means: A 9 · B 8 · C 7 (b 4, below its pass mark: not shortlisted) · D 6 · E 6 (D and E tie at rank 4).
const scores = { A: { J1: [9, 9] }, B: { J1: [8, 8] }, C: { J1: [10, 4] }, D: { J1: [6, 6] }, E: { J1: [6, 6] } };
const result = scoreCompetition(
  competition(
    rubric,
    ['A', 'B', 'C', 'D', 'E'].map((id) => entry({ id })),
    scoreRows(scores, ['a', 'b']),
  ),
);

describe('#17.3 selectEntries', () => {
  it('--top 4 shows D and E (both rank 4) and records the tie: 2 entries for 1 place', () => {
    const shown = selectEntries(result, undefined, 4);
    expect(shown.entries.map((e) => [e.id, e.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 3],
      ['D', 4],
      ['E', 4],
    ]);
    expect(shown.selection).toMatchObject({ top: 4, shown: 5, of: 5, tie: { rank: 4, entries: 2, places: 1 } });
  });
  it('a list cut short draws no cut line for a shortlist whose members go on below', () => {
    // Top 3 holds A, B, D and E (C missed b's pass mark; D and E tie at the cut). --top 3 shows
    // A, B and C: the members shown end at B, but the shortlist goes on below the list.
    expect(result.shortlists).toEqual([{ name: 'top-3', size: 3, taken: 4, cutoff_tie: true }]);
    const three = selectEntries(result, undefined, 3);
    expect(three.entries.map((e) => e.id)).toEqual(['A', 'B', 'C']);
    expect(endsEarly(three)).toBe(true);
    expect(linesForList(cutLines(three), three.entries, endsEarly(three))).toEqual([]);
    // The whole list: the line goes under E.
    expect(cutLines(result).map((l) => [l.afterId, l.taken, l.cutoffTie])).toEqual([['E', 4, true]]);
  });
});
