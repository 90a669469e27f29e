/**
 * columnsConnected (the scorer's disconnected-panel check) agrees with panelComponents.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnsConnected, panelComponents } from '../../src/validate/panel.js';

describe('columnsConnected', () => {
  it('by hand: two sub-panels are not connected; one shared entry joins them', () => {
    // records (judge, entry): J0,J1 on E0,E1; J2,J3 on E2
    const judge = Int32Array.from([0, 1, 0, 1, 2, 3]);
    const entry = Int32Array.from([0, 0, 1, 1, 2, 2]);
    expect(columnsConnected(6, judge, entry, 4, 3)).toBe(false);
    expect(columnsConnected(7, Int32Array.from([...judge, 2]), Int32Array.from([...entry, 1]), 4, 3)).toBe(true);
  });
  it('agrees with panelComponents on random panels (entries and judges without records do not count)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 7 })), { maxLength: 20 }),
        (pairs) => {
          const judge = Int32Array.from(pairs, ([j]) => j);
          const entry = Int32Array.from(pairs, ([, e]) => e);
          const expected = panelComponents(pairs.map(([j, e]) => ({ judge: `J${j}`, entry: `E${e}` }))).length <= 1;
          expect(columnsConnected(pairs.length, judge, entry, 6, 8)).toBe(expected);
        },
      ),
    );
  });
});
