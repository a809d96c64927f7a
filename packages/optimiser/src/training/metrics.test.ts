import { describe, expect, it } from 'vitest';
import { regressionMetrics, regressionMetricsByGroup } from './metrics.js';

describe('regression metrics', () => {
  it('computes MAE, RMSE and R² by their definitions', () => {
    // errors 1, -1, 2, 0 → MAE 1, MSE 1.5; actual mean 2.5, total squares 5 → R² 1 − 6/5.
    const metrics = regressionMetrics([2, 1, 5, 4], [1, 2, 3, 4]);
    expect(metrics.count).toBe(4);
    expect(metrics.mae).toBeCloseTo(1, 12);
    expect(metrics.rmse).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(metrics.r2).toBeCloseTo(1 - 6 / 5, 12);
  });

  it('gives R² = 1 for perfect predictions and null when the targets are constant', () => {
    expect(regressionMetrics([1, 2, 3], [1, 2, 3]).r2).toBe(1);
    expect(regressionMetrics([0, 1], [0, 0]).r2).toBeNull();
    expect(regressionMetrics([], [])).toEqual({ count: 0, mae: 0, rmse: 0, r2: null });
  });

  it('refuses arrays of different lengths', () => {
    expect(() => regressionMetrics([1], [1, 2])).toThrow(/predicted has 1 values, actual 2/);
  });

  it('splits metrics by group, including empty groups', () => {
    const byGroup = regressionMetricsByGroup(
      [10, 0, 5],
      [12, 0, 1],
      ['cuprate', 'other', 'other'],
      ['cuprate', 'other', 'hydride'],
    );
    expect(byGroup.cuprate).toMatchObject({ count: 1, mae: 2 });
    expect(byGroup.other).toMatchObject({ count: 2, mae: 2 });
    expect(byGroup.hydride.count).toBe(0);
  });
});
