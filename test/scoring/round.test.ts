import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { round6, roundDecimal, roundTo } from '../../src/scoring/round.js';

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

describe('round6 fast path', () => {
  it('gives what the exact decimal rounding gives, for values on and off the halves', () => {
    // roundDecimal(x, 6) works on the decimal text (no fast path): it is the reference here.
    const property = fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
      expect(Object.is(round6(x), roundDecimal(x, 6))).toBe(true);
    });
    fc.assert(property, { numRuns: 20000 });
    // Values a hair from a half or an integer at the 6th decimal, where the fast path must step aside.
    const near = fc
      .tuple(
        fc.integer({ min: -99_999_999, max: 99_999_999 }),
        fc.constantFrom(0, 0.5, 0.49999, 0.50001, 0.99999, 0.00001, 0.4999999, 0.5000001),
        fc.constantFrom(1e6, 1e5, 1e4),
      )
      .map(([k, f, scale]) => (k + f) / scale);
    fc.assert(
      fc.property(near, (x) => {
        expect(Object.is(round6(x), roundDecimal(x, 6))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('rounds the classic cases by hand', () => {
    expect(round6(1.0000005)).toBe(1.000001);
    expect(round6(-1.0000005)).toBe(-1.000001);
    expect(round6(72.123456789)).toBe(72.123457);
    expect(round6(72.1234564)).toBe(72.123456);
    expect(Object.is(round6(-0.0000004), 0)).toBe(true);
  });
});

describe('#22.2: the fast path at every place count up to 6 (fixed2 rounds a million report figures)', () => {
  it('#22.2: roundTo(x, p) is the exact decimal rounding, on and off the halves, for p = 0…6', () => {
    const places = fc.integer({ min: 0, max: 6 });
    fc.assert(
      fc.property(fc.double({ min: -2e5, max: 2e5, noNaN: true }), places, (x, p) => {
        expect(Object.is(roundTo(x, p), roundDecimal(x, p))).toBe(true);
      }),
      { numRuns: 20000 },
    );
    // Report figures: 6-decimal values a hair from a half or an integer at the 2nd decimal.
    const near = fc
      .tuple(
        fc.integer({ min: -9_999_999, max: 9_999_999 }),
        fc.constantFrom(0, 0.5, 0.4999, 0.5001, 0.49999, 0.50001, 0.9999, 0.0001),
        places,
      )
      .map(([k, f, p]) => [(k + f) / 10 ** p, p] as const);
    fc.assert(
      fc.property(near, ([x, p]) => {
        expect(Object.is(roundTo(x, p), roundDecimal(x, p))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('#22.2: the halves by hand, at 2 places', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(88.775, 2)).toBe(88.78);
    expect(roundTo(88.774999, 2)).toBe(88.77);
    expect(Object.is(roundTo(-0.004, 2), 0)).toBe(true);
  });
});
