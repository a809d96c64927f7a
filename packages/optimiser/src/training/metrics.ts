/** Regression metrics in the target's own unit (K for Tc, eV/atom for Ef). */
export interface RegressionMetrics {
  count: number;
  mae: number;
  rmse: number;
  /** Coefficient of determination; null when the targets have no variance (or there are none). */
  r2: number | null;
}

/** MAE, RMSE and R² of `predicted` against `actual` (same length). */
export function regressionMetrics(
  predicted: ArrayLike<number>,
  actual: ArrayLike<number>,
): RegressionMetrics {
  const count = actual.length;
  if (predicted.length !== count) {
    throw new RangeError(`predicted has ${predicted.length} values, actual ${count}`);
  }
  if (count === 0) return { count: 0, mae: 0, rmse: 0, r2: null };
  let absSum = 0;
  let squareSum = 0;
  let mean = 0;
  for (let i = 0; i < count; i++) mean += actual[i]!;
  mean /= count;
  let totalSquares = 0;
  for (let i = 0; i < count; i++) {
    const error = predicted[i]! - actual[i]!;
    absSum += Math.abs(error);
    squareSum += error * error;
    totalSquares += (actual[i]! - mean) ** 2;
  }
  return {
    count,
    mae: absSum / count,
    rmse: Math.sqrt(squareSum / count),
    r2: totalSquares > 0 ? 1 - squareSum / totalSquares : null,
  };
}

/** Metrics per group label (e.g. Tc family), for the labels listed in `groupNames`, in that order. */
export function regressionMetricsByGroup<G extends string>(
  predicted: ArrayLike<number>,
  actual: ArrayLike<number>,
  groups: readonly G[],
  groupNames: readonly G[],
): Record<G, RegressionMetrics> {
  const result = {} as Record<G, RegressionMetrics>;
  for (const name of groupNames) {
    const p: number[] = [];
    const a: number[] = [];
    groups.forEach((group, i) => {
      if (group === name) {
        p.push(predicted[i]!);
        a.push(actual[i]!);
      }
    });
    result[name] = regressionMetrics(p, a);
  }
  return result;
}
