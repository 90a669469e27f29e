/**
 * rankEntries against a plain sort: total descending, then each tie-break criterion descending
 * (absent: −∞), then id in code-point order; equal standings share the rank (1, 2, 2, 4).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../src/model/names.js';
import { rankEntries, type Rankable } from '../../src/scoring/rank.js';

function reference(items: Rankable[], tieBreak: readonly string[]): { id: string; rank: number; tied: boolean }[] {
  const standing = (e: Rankable) => [e.total, ...tieBreak.map((c) => e.criteria[c] ?? -Infinity)];
  const cmpStanding = (a: Rankable, b: Rankable) => {
    const x = standing(a);
    const y = standing(b);
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k]! > y[k]! ? -1 : 1;
    return 0;
  };
  const sorted = [...items].sort((a, b) => cmpStanding(a, b) || compareCodePoints(a.id, b.id));
  return sorted.map((e, i) => {
    let first = i;
    while (first > 0 && cmpStanding(sorted[first - 1]!, e) === 0) first--;
    const tied =
      (i > 0 && cmpStanding(sorted[i - 1]!, e) === 0) ||
      (i + 1 < sorted.length && cmpStanding(sorted[i + 1]!, e) === 0);
    return { id: e.id, rank: first + 1, tied };
  });
}

describe('rankEntries', () => {
  it('ranks 1, 2, 2, 4 and lists ties by id', () => {
    const items = [
      { id: 'B', total: 80, criteria: {} },
      { id: 'A', total: 80, criteria: {} },
      { id: 'C', total: 90, criteria: {} },
      { id: 'D', total: 70.5, criteria: {} },
    ];
    expect(rankEntries(items, []).map((r) => [r.item.id, r.rank, r.tied])).toEqual([
      ['C', 1, false],
      ['A', 2, true],
      ['B', 2, true],
      ['D', 4, false],
    ]);
  });

  it('agrees with a plain sort for totals in and out of 0–100, ties, tie-breaks and odd ids', () => {
    const total = fc.oneof(
      fc.constantFrom(0, 50, 50.000001, 49.999999, 100, 72.5),
      fc.integer({ min: 0, max: 100_000_000 }).map((m) => m / 1e6),
      fc.double({ min: -1e3, max: 1e12, noNaN: true }),
    );
    const id = fc.string({ unit: fc.constantFrom('a', 'B', '1', '\uFF21', '\u{1F600}'), minLength: 1, maxLength: 4 });
    const item = fc.record({
      id,
      total,
      criteria: fc.record({ benefit: fc.constantFrom(7, 8, 8.5) }, { requiredKeys: [] }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(item, { selector: (e) => e.id, maxLength: 60 }),
        fc.constantFrom([], ['benefit']),
        (items, tieBreak) => {
          const got = rankEntries(items, tieBreak).map((r) => ({ id: r.item.id, rank: r.rank, tied: r.tied }));
          expect(got).toEqual(reference(items, tieBreak));
        },
      ),
      { numRuns: 500 },
    );
  });
});
