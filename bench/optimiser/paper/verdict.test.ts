import { describe, expect, it } from 'vitest';
import { compareSeeds, summarise, tallyVerdicts, tCritical95 } from './verdict.ts';

describe('the verdict rule (Welch t, two-sided 5 %)', () => {
  it('summarises the finite per-seed values with the n − 1 standard deviation', () => {
    expect(summarise([1, 2, 3, Number.NaN])).toEqual({ mean: 2, sd: 1, n: 3 });
    expect(summarise([4]).sd).toBeNaN();
  });

  it('agrees only when the mean difference has the claimed sign and beats the seed spread', () => {
    // Δ = 3, SE = √(1/3 + 1/3) = 0.816, t = 3.67 with df = 4 → t_crit 2.776.
    const clear = compareSeeds([9, 10, 11], [6, 7, 8], 'greater');
    expect(clear.verdict).toBe('agrees');
    expect(clear.t).toBeCloseTo(3.674, 3);
    expect(clear.df).toBeCloseTo(4, 9);
    expect(clear.tCritical).toBe(2.776);
    expect(compareSeeds([9, 10, 11], [6, 7, 8], 'less').verdict).toBe('fails');
    // Δ = 2 with the same spread: t = 2.45 < 2.776, within the noise.
    expect(compareSeeds([9, 10, 11], [7, 8, 9], 'greater').verdict).toBe('inconclusive');
  });

  it('is inconclusive with fewer than two seeds a side, and exact when nothing varies', () => {
    expect(compareSeeds([10], [1, 2, 3], 'greater').verdict).toBe('inconclusive');
    expect(compareSeeds([5, 5, 5], [4, 4, 4], 'greater').verdict).toBe('agrees');
    expect(compareSeeds([5, 5, 5], [5, 5, 5], 'greater').verdict).toBe('inconclusive');
  });

  it('gives identical seeds no spread, even when their mean is an ulp off (0.1 × 3 / 3)', () => {
    expect(summarise([0.1, 0.1, 0.1]).sd).toBe(0);
    const exact = compareSeeds([0.1, 0.1, 0.1], [0.05, 0.05, 0.05], 'greater');
    expect(exact).toMatchObject({ verdict: 'agrees', t: Number.POSITIVE_INFINITY });
  });

  it('rounds the Welch degrees of freedom down (the stricter critical value)', () => {
    expect(tCritical95(2.9)).toBe(4.303);
    expect(tCritical95(0.4)).toBe(12.706);
    expect(tCritical95(500)).toBe(2.042);
  });

  it('tallies a claim over bases by majority, inconclusive when split', () => {
    expect(tallyVerdicts(['agrees', 'agrees', 'inconclusive'])).toMatchObject({
      verdict: 'agrees',
      agrees: 2,
    });
    expect(tallyVerdicts(['agrees', 'fails', 'inconclusive', 'fails'])).toMatchObject({
      verdict: 'inconclusive',
    });
    expect(tallyVerdicts(['fails', 'fails', 'agrees']).verdict).toBe('fails');
  });
});
