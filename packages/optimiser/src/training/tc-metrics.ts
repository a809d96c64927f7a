import type { SplitMetrics, SuperconductorMetrics } from '../models/manifest.js';
import { TC_FAMILIES, type TcFamily } from './data/tc-family.js';
import { regressionMetrics, regressionMetricsByGroup } from './metrics.js';

/**
 * "Predicted superconducting" thresholds. 0 K is the reference's measure (any Tc > 0; through the
 * output ReLU a non-superconductor is predicted exactly 0 K when its pre-activation is negative).
 * 1 K is ours, the headline: a prediction of 0.05 K is a "no" to a chemist, and counting it as a
 * "yes" would flatter a model that smears small positive values over everything.
 */
export const TC_DETECTION_THRESHOLDS_KELVIN = { reference: 0, headline: 1 } as const;

/** MAE, RMSE, R² on the superconductors (y > 0) and the fractions predicted above 0 K and above 1 K. */
export function superconductorMetrics(
  predicted: ArrayLike<number>,
  actualKelvin: ArrayLike<number>,
): SuperconductorMetrics {
  const p: number[] = [];
  const a: number[] = [];
  for (let i = 0; i < actualKelvin.length; i++) {
    if (actualKelvin[i]! > 0) {
      p.push(predicted[i]!);
      a.push(actualKelvin[i]!);
    }
  }
  const fractionAbove = (thresholdKelvin: number) =>
    p.length === 0 ? null : p.filter((tc) => tc > thresholdKelvin).length / p.length;
  return {
    ...regressionMetrics(p, a),
    fractionPredictedAbove0K: fractionAbove(TC_DETECTION_THRESHOLDS_KELVIN.reference),
    fractionPredictedAbove1K: fractionAbove(TC_DETECTION_THRESHOLDS_KELVIN.headline),
  };
}

/** A Tc split's metrics: all rows and superconductors only, each overall and per family. */
export function tcSplitMetrics(
  predicted: ArrayLike<number>,
  actualKelvin: ArrayLike<number>,
  families: readonly TcFamily[],
): SplitMetrics {
  const byFamily = {} as Record<TcFamily, SuperconductorMetrics>;
  for (const family of TC_FAMILIES) {
    const p: number[] = [];
    const a: number[] = [];
    families.forEach((rowFamily, i) => {
      if (rowFamily === family) {
        p.push(predicted[i]!);
        a.push(actualKelvin[i]!);
      }
    });
    byFamily[family] = superconductorMetrics(p, a);
  }
  return {
    overall: regressionMetrics(predicted, actualKelvin),
    byFamily: regressionMetricsByGroup(predicted, actualKelvin, families, TC_FAMILIES),
    superconductors: { overall: superconductorMetrics(predicted, actualKelvin), byFamily },
  };
}
