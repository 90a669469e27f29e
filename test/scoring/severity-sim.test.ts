import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs bench script, without type declarations
import { simulate } from '../../bench/severity-sim.mjs';
import { normalize } from '../../src/scoring/normalize.js';

describe('#20: the severity model on simulated panels (bench/severity-sim.mjs, 10 seeds)', () => {
  it('matches zscore on random panels and beats it by 5+ of the true top 45 when judges read their own category', () => {
    const [random, cross20, cross10] = simulate(normalize, 10) as { none: number; zscore: number; severity: number }[];
    expect(random!.severity).toBeGreaterThanOrEqual(random!.zscore - 1);
    expect(cross20!.severity).toBeGreaterThanOrEqual(cross20!.zscore + 5);
    expect(cross10!.severity).toBeGreaterThanOrEqual(cross10!.zscore + 5);
    // And the severity model does not lose to ignoring judges altogether.
    for (const row of [random!, cross20!, cross10!]) expect(row.severity).toBeGreaterThanOrEqual(row.none);
  });
});
