import * as tf from '@tensorflow/tfjs';

/**
 * Smallest L entry of a kept non-H element in hydride mode. norm() is a ReLU, so an entry pushed to
 * ≤ 0 gets no gradient again: flooring keeps it positive (x_H < 1) and lets the hydride grid's
 * one-atom target pull it back up. Small next to L's initial entries (rows sum to 1).
 */
export const HYDRIDE_LOGIT_FLOOR = 1e-3;

/** M_max with the fixed columns cleared: the entries the floor applies to (rows × 118). */
export function hydrideFloorMask(
  maxElementMask: Float32Array,
  rows: number,
  fixedIndices: readonly number[],
) {
  const mask = Float32Array.from(maxElementMask);
  const width = mask.length / rows;
  for (let row = 0; row < rows; row++) for (const e of fixedIndices) mask[row * width + e] = 0;
  return tf.tensor2d(mask, [rows, width]);
}

/** L ← max(L, floor) where `floorMask` is 1. */
export function applyHydrideFloor(logits: tf.Variable<tf.Rank.R2>, floorMask: tf.Tensor2D): void {
  const floored = tf.tidy(() =>
    logits.add(floorMask.mul(tf.relu(tf.scalar(HYDRIDE_LOGIT_FLOOR).sub(logits)))),
  );
  logits.assign(floored as tf.Tensor2D);
  floored.dispose();
}
