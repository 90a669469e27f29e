import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/scoring/aggregate.js';
import { normalize } from '../../src/scoring/normalize.js';

describe('aggregate (SPEC 3.4)', () => {
  it('mean', () => {
    expect(aggregate([7, 8, 9.5], 'mean', 1).value).toBeCloseTo(24.5 / 3, 12);
  });
  it('median of an odd count is the middle value', () => {
    expect(aggregate([9, 2, 7, 4, 8], 'median', 1).value).toBe(7);
  });
  it('median of an even count is the mean of the two middle values', () => {
    expect(aggregate([9, 2, 7, 4], 'median', 1).value).toBe(5.5);
  });
  it('trimmed drops the trim highest and lowest, odd count', () => {
    // 2 and 9 dropped: (4 + 7 + 8) / 3
    const r = aggregate([9, 2, 7, 4, 8], 'trimmed', 1, ['a', 'b', 'c', 'd', 'e']);
    expect(r.value).toBeCloseTo(19 / 3, 12);
    expect(r.trimmed.sort()).toEqual([0, 1]);
  });
  it('trimmed, even count', () => {
    // 1 and 10 dropped: (5 + 6) / 2
    expect(aggregate([10, 5, 1, 6], 'trimmed', 1).value).toBe(5.5);
  });
  it('trimmed with trim 2 on five values keeps the median', () => {
    expect(aggregate([1, 2, 3, 4, 10], 'trimmed', 2).value).toBe(3);
  });
  it('trimmed falls back to the plain mean when the count is not above 2·trim', () => {
    expect(aggregate([2, 9], 'trimmed', 1)).toEqual({ value: 5.5, trimmed: [] });
    expect(aggregate([1, 2, 9, 10], 'trimmed', 2).value).toBe(5.5);
  });
  it('trims one copy of equal extreme values, chosen by judge id', () => {
    const r = aggregate([5, 5, 7, 9, 9], 'trimmed', 1, ['J2', 'J1', 'J3', 'J5', 'J4']);
    expect(r.value).toBeCloseTo((5 + 7 + 9) / 3, 12);
    // lowest: J1 (index 1) before J2; highest: J5 (index 3) sorts after J4
    expect(r.trimmed).toEqual([1, 3]);
  });
});

describe('normalize zscore (SPEC 3.3)', () => {
  it('maps each judge onto the criterion mean and spread; a constant judge gets μ_c', () => {
    const records = [
      { judge: 'A', criterion: 'c', value: 2 },
      { judge: 'A', criterion: 'c', value: 4 },
      { judge: 'B', criterion: 'c', value: 6 },
      { judge: 'B', criterion: 'c', value: 6 },
    ];
    // μ_c = 4.5; σ_c = sqrt(((2-4.5)² + (4-4.5)² + 2·(6-4.5)²)/4) = sqrt((6.25+0.25+4.5)/4) = sqrt(2.75)
    // A: μ = 3, σ = 1 → x' = 4.5 ± sqrt(2.75); B: σ = 0 → x' = μ_c = 4.5
    const out = normalize(records, 'zscore');
    expect(out[0]).toBeCloseTo(4.5 - Math.sqrt(2.75), 12);
    expect(out[1]).toBeCloseTo(4.5 + Math.sqrt(2.75), 12);
    expect(out[2]).toBe(4.5);
    expect(out[3]).toBe(4.5);
  });
  it('keeps criteria apart', () => {
    const out = normalize(
      [
        { judge: 'A', criterion: 'x', value: 1 },
        { judge: 'A', criterion: 'y', value: 10 },
      ],
      'zscore',
    );
    expect(out).toEqual([1, 10]);
  });
  it('none leaves values as they are', () => {
    expect(normalize([{ judge: 'A', criterion: 'x', value: 3.5 }], 'none')).toEqual([3.5]);
  });
});
