/**
 * #22: an entry's empty reasons, shortlists and flags are one shared, frozen list (NONE). Sharing
 * is only safe while nobody writes into it: a shortlist name pushed into the shared list would
 * put every other entry on that shortlist. These tests score a year whose entries take
 * shortlists, fail a pass mark, lack judges and are ineligible, and check each list by hand.
 */
import { describe, expect, it } from 'vitest';
import { NONE } from '../../src/model/arrays.js';
import { scoreCompetition } from '../../src/scoring/score.js';
import { competition, entry, rubricFrom, scoreRows } from '../helpers.js';

const rubric = rubricFrom(`
name: T
scale: { min: 1, max: 10 }
min_judges: 2
criteria:
  a: { weight: 50 }
  b: { weight: 50 }
thresholds: { total: 50 }
shortlists:
  - { name: top-1, size: 1 }
  - { name: top-2, size: 2 }
`);

describe('#22: the shared empty list', () => {
  it('is frozen and stays empty after shortlists are drawn; each entry gets the lists it should', () => {
    const entries = [
      entry({ id: 'A' }, 2),
      entry({ id: 'B' }, 3),
      entry({ id: 'C' }, 4), // below the pass mark
      entry({ id: 'D' }, 5), // one judge only
      entry({ id: 'E', implemented_since: 'not a date' }, 6), // ineligible, and unscored
    ];
    const rows = scoreRows(
      {
        A: { J1: [9, 9], J2: [9, 8] },
        B: { J1: [8, 8], J2: [7, 8] },
        C: { J1: [2, 2], J2: [2, 3] },
        D: { J1: [9, 9] },
      },
      ['a', 'b'],
    );
    const result = scoreCompetition(competition(rubric, entries, rows), { asOf: '2026-01-01' });
    expect(Object.isFrozen(NONE)).toBe(true);
    expect(NONE).toHaveLength(0);
    const byId = new Map(result.entries.map((e) => [e.id, e]));
    expect(byId.get('A')!.shortlists).toEqual(['top-1', 'top-2']);
    expect(byId.get('B')!.shortlists).toEqual(['top-2']);
    expect(byId.get('C')!.reasons).toEqual(['total']);
    expect(byId.get('D')!.flags).toEqual(['incomplete']);
    expect(byId.get('D')!.reasons).toEqual(['too-few-judges']);
    expect(byId.get('E')!.flags).toContain('ineligible');
    // Every other list is the shared empty one, untouched.
    for (const e of result.entries)
      for (const list of [e.reasons, e.shortlists, e.flags]) if (list.length === 0) expect(list).toBe(NONE);
    expect(byId.get('A')!.reasons).toBe(NONE);
    expect(byId.get('C')!.shortlists).toBe(NONE);
    // Writing into it is an error, never a silent change to every entry.
    expect(() => (byId.get('C')!.shortlists as string[]).push('top-1')).toThrow(TypeError);
  });
});
