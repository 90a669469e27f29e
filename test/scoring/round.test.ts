import { describe, expect, it } from 'vitest';
import { round6, roundTo } from '../../src/scoring/round.js';

describe('round6 (SPEC 3.7: half away from zero on the shortest decimal form)', () => {
  it.each([
    [1.2345675, 1.234568], // the double is 1.23456749999…, but String() prints …675: rounds up
    [0.0000005, 0.000001],
    [-0.0000005, -0.000001],
    [-1.2345675, -1.234568],
    [96.38888888888889, 96.388889],
    [47.77777777777778, 47.777778],
    [97.5, 97.5],
    [1.5e-7, 0],
    [5e-7, 0.000001],
    [123456.1234564999, 123456.123456],
    [2, 2],
    // 15 kept digits and more: the same rule past the exact range of a double's integers
    [123456789.1234567, 123456789.123457],
    [1234567890.1234567, 1234567890.123457],
    [99999999.9999995, 100000000],
  ])('round6(%s) = %s', (x, expected) => {
    expect(round6(x)).toBe(expected);
  });

  it('never returns negative zero', () => {
    expect(Object.is(round6(-1e-9), -0)).toBe(false);
  });

  it('rounds to other places the same way', () => {
    expect(roundTo(1.005, 2)).toBe(1.01); // toFixed(2) would print 1.00
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-2.5, 0)).toBe(-3);
  });
});
