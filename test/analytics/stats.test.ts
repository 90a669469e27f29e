/**
 * The agreement statistics against published worked examples (cited per test) and against
 * small cases computed by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averageRanks,
  icc1,
  icc1k,
  kendallW,
  oneWayAnova,
  spearman,
  tieTerm,
  wilsonInterval,
} from '../../src/analytics/stats.js';

describe('averageRanks', () => {
  it('gives tied values the mean of the ranks they span', () => {
    expect(averageRanks([7, 3, 7, 1, 7])).toEqual([4, 2, 4, 1, 4]);
    expect(averageRanks([2, 2])).toEqual([1.5, 1.5]);
  });
  it('agrees with ranking by a sort of the indices (the definition) on lists full of ties, -0 and 0 included', () => {
    // The definition, as kipp computed it before #22: indices sorted by value, each run of equal
    // values given the mean of the places it spans.
    const byIndices = (values: number[]): number[] => {
      const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
      const ranks = new Array<number>(values.length);
      for (let i = 0; i < order.length;) {
        let j = i + 1;
        while (j < order.length && values[order[j]!] === values[order[i]!]) j++;
        for (let k = i; k < j; k++) ranks[order[k]!] = (i + 1 + j) / 2;
        i = j;
      }
      return ranks;
    };
    const value = fc.oneof(
      fc.integer({ min: 1, max: 10 }),
      fc.constantFrom(0, -0, 7.5, 1 / 3, -2.25),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), (values) => {
        expect(averageRanks(values)).toEqual(byIndices(values));
      }),
      { numRuns: 500 },
    );
  });
  it('tie term Σ(t³ − t)', () => {
    // one triple (27 − 3 = 24) and one pair (8 − 2 = 6)
    expect(tieTerm([5, 5, 5, 2, 2, 9])).toBe(30);
  });
});

describe('spearman', () => {
  it('matches the worked example of IQ against hours of TV per week (Wikipedia, "Spearman\'s rank correlation coefficient", Example): rho = −29/165', () => {
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    expect(spearman(iq, tv)).toBeCloseTo(-29 / 165, 12); // −0.175757…
  });
  it('is 1 for any monotone relation and null without variance', () => {
    expect(spearman([1, 2, 3, 4], [10, 40, 90, 160])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(spearman([1], [2])).toBeNull();
  });
});

describe('icc1 (one-way random effects, single rater)', () => {
  it('matches Shrout & Fleiss (1979), Psychological Bulletin 86(2):420–428, Table 2 data (6 targets × 4 judges): ICC(1,1) = .17', () => {
    const targets = [
      [9, 2, 5, 8],
      [6, 1, 3, 2],
      [8, 4, 6, 8],
      [7, 1, 2, 6],
      [10, 5, 6, 9],
      [6, 2, 4, 7],
    ];
    // Their Table 3: BMS = 11.24, WMS = 6.26, k = 4 → (11.24 − 6.26) / (11.24 + 3·6.26) = 0.1657
    expect(icc1(targets)).toBeCloseTo(0.1657, 3);
    expect(Number(icc1(targets)!.toFixed(2))).toBe(0.17);
  });

  it('unbalanced groups by hand: k0 replaces k', () => {
    // groups {2,4} {6,8,10}: N = 5, n = 2, grand mean 6
    // SSB = 2·(3−6)² + 3·(8−6)² = 30, MSB = 30; SSW = 2 + 8 = 10, MSW = 10/3
    // k0 = (5 − (4 + 9)/5) / 1 = 2.4 → ICC = (30 − 10/3) / (30 + 1.4·10/3) = 0.7692…
    expect(
      icc1([
        [2, 4],
        [6, 8, 10],
      ]),
    ).toBeCloseTo((30 - 10 / 3) / (30 + (1.4 * 10) / 3), 12);
  });

  it('perfect agreement is 1; groups of one rating are left out; too few groups is null', () => {
    expect(
      icc1([
        [3, 3],
        [7, 7],
        [5, 5, 5],
      ]),
    ).toBe(1);
    expect(icc1([[3, 3], [7, 7], [9]])).toBe(1);
    expect(icc1([[3, 4]])).toBeNull();
  });
});

describe('kendallW (tie-corrected)', () => {
  it('matches ProofWiki, "Kendall\'s Coefficient of Concordance/Examples/Arbitrary Example 1" (3 competitors, 4 judges): W = 1/16', () => {
    // ranks per judge A..D for competitors X, Y, Z
    const judges = [
      [1, 3, 2],
      [1, 2, 3],
      [2, 3, 1],
      [3, 1, 2],
    ];
    expect(kendallW(judges)).toBeCloseTo(1 / 16, 12);
  });

  it('matches "The Kendall\'s coefficient of concordance W", Example 1 (ten projects ranked by four judges A–D, Σ D² = 1048): W = 12·1048 / (16·990) = 0.7939', () => {
    const byProject = [
      [1, 2, 3, 4],
      [3, 1, 2, 2],
      [4, 4, 1, 3],
      [5, 5, 5, 1],
      [2, 6, 7, 6],
      [8, 3, 4, 7],
      [6, 8, 6, 5],
      [7, 7, 8, 9],
      [10, 10, 9, 8],
      [9, 9, 10, 10],
    ];
    const judges = [0, 1, 2, 3].map((j) => byProject.map((p) => p[j]!));
    // no judge ties two projects, so the tie correction is zero and W is the published figure
    expect(kendallW(judges)).toBeCloseTo((12 * 1048) / (16 * 990), 12);
  });

  it('tie correction by hand: 3 raters, 4 objects, one rater with a tie', () => {
    // rater 1: 1 2 3 4; rater 2: 1 2 3 4; rater 3: 1 2 2 3 → ranks 1 2.5 2.5 4
    // rank sums: 3, 6.5, 8.5, 12; mean 7.5; S = 20.25 + 1 + 1 + 20.25 = 42.5
    // T = 2³ − 2 = 6; W = 12·42.5 / (9·60 − 3·6) = 510 / 522
    expect(
      kendallW([
        [1, 2, 3, 4],
        [1, 2, 3, 4],
        [1, 2, 2, 3],
      ]),
    ).toBeCloseTo(510 / 522, 12);
  });

  it('is 1 for identical orders, null for fewer than 2 raters or objects, or all ties', () => {
    expect(
      kendallW([
        [1, 2, 3],
        [10, 20, 30],
      ]),
    ).toBeCloseTo(1, 12);
    expect(kendallW([[1, 2, 3]])).toBeNull();
    expect(kendallW([[1], [2]])).toBeNull();
    expect(
      kendallW([
        [5, 5],
        [5, 5],
      ]),
    ).toBeNull();
  });
});

describe('#17.13 icc1k (one-way random effects, average of k raters)', () => {
  it('#17.13 matches Shrout & Fleiss (1979) Table 2 data: ICC(1,4) = (BMS − WMS)/BMS = .44', () => {
    const targets = [
      [9, 2, 5, 8],
      [6, 1, 3, 2],
      [8, 4, 6, 8],
      [7, 1, 2, 6],
      [10, 5, 6, 9],
      [6, 2, 4, 7],
    ];
    // Their Table 4: ICC(1,4) = .44; from Table 3, (11.24 − 6.26)/11.24 = 0.443
    const { value, k } = icc1k(targets);
    expect(k).toBe(4);
    expect(value).toBeCloseTo((11.24 - 6.26) / 11.24, 2);
    expect(Number(value!.toFixed(2))).toBe(0.44);
  });

  it('#17.13 unbalanced groups by hand: MSB, MSW, k0 and the harmonic mean k', () => {
    // {1,3} mean 2, {4,6,8} mean 6, {7,9,9,11} mean 9; N = 9, grand mean 58/9
    // SSB = 2·(40/9)² + 3·(4/9)² + 4·(23/9)² = 5364/81, MSB = 2682/81; SSW = 2 + 8 + 8 = 18, MSW = 18/6 = 3
    // k0 = (9 − (4 + 9 + 16)/9)/2 = 26/9; harmonic k = 3/(1/2 + 1/3 + 1/4) = 36/13
    const groups = [
      [1, 3],
      [4, 6, 8],
      [7, 9, 9, 11],
    ];
    const msb = 2682 / 81;
    const msw = 3;
    const a = oneWayAnova(groups)!;
    expect([a.msb, a.msw, a.k0, a.kHarmonic].map((x) => Number(x.toFixed(10)))).toEqual(
      [msb, msw, 26 / 9, 36 / 13].map((x) => Number(x.toFixed(10))),
    );
    const single = (msb - msw) / (msb + (26 / 9 - 1) * msw);
    expect(icc1(groups)).toBeCloseTo(single, 12);
    const k = 36 / 13;
    expect(icc1k(groups).value).toBeCloseTo((k * single) / (1 + (k - 1) * single), 12);
  });

  it('#17.13 is null where ICC(1) is', () => {
    expect(icc1k([[3, 4]]).value).toBeNull();
  });
});

describe('#17.13 wilsonInterval', () => {
  it('#17.13 by hand: 40 of 100 at 95%, and 0 of n stays above 0', () => {
    // p = 0.4, z² = 3.8416: centre (0.4 + 0.019208)/1.038416 = 0.40370, half 1.96·sqrt(0.0024 + 0.00009604)/1.038416 = 0.09432
    const [lo, hi] = wilsonInterval(40, 100, 1.96);
    expect(lo).toBeCloseTo(0.3094, 4);
    expect(hi).toBeCloseTo(0.498, 3);
    expect(wilsonInterval(0, 1000, 1.96)).toEqual([0, expect.closeTo(3.8416 / 1003.8416, 10)]);
  });
});
