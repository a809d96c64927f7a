import * as tf from '@tensorflow/tfjs';
import type { HydrideGrid } from './hydride-grid.js';

/** Added to the loss of an inadmissible N so the min over N never picks it while one admissible N exists. */
const INADMISSIBLE_PENALTY = 1e3;
const FRACTION_TOLERANCE = 1e-6;

/** 1 where an entry is present and not H (its count is floored at one atom), else 0; same shape as `values`. */
export function nonHydrogenPresent(
  values: tf.Tensor2D,
  elementIndex: tf.Tensor2D,
  grid: HydrideGrid,
): tf.Tensor2D {
  return tf.tidy(() =>
    values.greater(0).logicalAnd(elementIndex.notEqual(grid.hydrogenIndex)).toFloat(),
  ) as tf.Tensor2D;
}

/** max(1, count) where `floorMask` is 1: counts (rows × |N| × K), floorMask (rows × 1 × K). */
export function flooredCounts(counts: tf.Tensor, floorMask: tf.Tensor): tf.Tensor {
  return counts.add(floorMask.mul(tf.relu(tf.scalar(1).sub(counts))));
}

/** INADMISSIBLE_PENALTY where the counts are no hydride the screen accepts (see HydrideGrid), else 0. */
export function inadmissiblePenalty(
  counts: tf.Tensor3D,
  isHydrogen: tf.Tensor3D,
  grid: HydrideGrid,
): tf.Tensor2D {
  return tf.tidy(() => {
    const total = counts.sum(2);
    const hydrogen = counts.mul(isHydrogen).sum(2);
    const bad = total
      .greater(grid.maxAtoms)
      .logicalOr(hydrogen.less(total.mul(grid.minHydrogenFraction).sub(FRACTION_TOLERANCE)))
      .logicalOr(hydrogen.greaterEqual(total));
    return bad.toFloat().mul(INADMISSIBLE_PENALTY) as tf.Tensor2D;
  });
}
