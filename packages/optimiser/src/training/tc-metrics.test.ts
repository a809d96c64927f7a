import { describe, expect, it } from 'vitest';
import type { TcFamily } from './data/tc-family.js';
import { superconductorMetrics, tcSplitMetrics } from './tc-metrics.js';

// Two non-superconductors (measured 0 K), four superconductors.
const predicted = [0, 0.5, 30, 10, 0.5, 0];
const actual = [0, 0, 20, 10, 4, 5];
const families: TcFamily[] = ['other', 'other', 'cuprate', 'other', 'cuprate', 'iron-based'];

describe('superconductor-only Tc metrics', () => {
  it('leaves the Tc = 0 rows out and counts the superconductors predicted above 0 K and 1 K', () => {
    // Superconductors: predicted 30, 10, 0.5, 0 for 20, 10, 4, 5 → errors 10, 0, −3.5, −5.
    // MAE 18.5/4; SSE 137.25; mean 9.75, SST 105.0625 + 0.0625 + 33.0625 + 22.5625 = 160.75.
    const metrics = superconductorMetrics(predicted, actual);
    expect(metrics.count).toBe(4);
    expect(metrics.mae).toBeCloseTo(4.625, 12);
    expect(metrics.rmse).toBeCloseTo(Math.sqrt(137.25 / 4), 12);
    expect(metrics.r2).toBeCloseTo(1 - 137.25 / 160.75, 12);
    // 30, 10, 0.5 are above 0 K; only 30 and 10 are above 1 K.
    expect(metrics.fractionPredictedAbove0K).toBe(0.75);
    expect(metrics.fractionPredictedAbove1K).toBe(0.5);
  });

  it('gives null fractions when there is no superconductor', () => {
    expect(superconductorMetrics([1, 2], [0, 0])).toEqual({
      count: 0,
      mae: 0,
      rmse: 0,
      r2: null,
      fractionPredictedAbove0K: null,
      fractionPredictedAbove1K: null,
    });
  });

  it('splits both views by family, next to the all-rows metrics', () => {
    const split = tcSplitMetrics(predicted, actual, families);
    // All six rows: errors 0, 0.5, 10, 0, −3.5, −5 → MAE 19/6.
    expect(split.overall).toMatchObject({ count: 6 });
    expect(split.overall.mae).toBeCloseTo(19 / 6, 12);
    expect(split.byFamily?.other).toMatchObject({ count: 3 });
    const superconductors = split.superconductors!;
    expect(superconductors.overall.count).toBe(4);
    // Cuprates 30 vs 20 and 0.5 vs 4 → MAE 6.75; one above 1 K.
    expect(superconductors.byFamily.cuprate).toMatchObject({
      count: 2,
      mae: 6.75,
      fractionPredictedAbove0K: 1,
      fractionPredictedAbove1K: 0.5,
    });
    // `other` keeps only the 10 K row (the two 0 K rows are not superconductors); one row has no R².
    expect(superconductors.byFamily.other).toMatchObject({ count: 1, mae: 0, r2: null });
    expect(superconductors.byFamily['iron-based']).toMatchObject({ count: 1, fractionPredictedAbove0K: 0 });
    expect(superconductors.byFamily.hydride).toMatchObject({ count: 0, fractionPredictedAbove1K: null });
  });
});
