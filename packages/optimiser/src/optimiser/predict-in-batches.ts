import { ELEMENT_COUNT } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';

/** Runs `predict` on rows × 118 compositions `microBatch` rows at a time; one value per row. */
export function predictInBatches(
  predict: (x118: tf.Tensor2D) => tf.Tensor1D,
  compositions: Float32Array,
  rows: number,
  microBatch: number,
): Float32Array {
  const values = new Float32Array(rows);
  for (let start = 0; start < rows; start += microBatch) {
    const size = Math.min(microBatch, rows - start);
    const slice = compositions.subarray(start * ELEMENT_COUNT, (start + size) * ELEMENT_COUNT);
    values.set(
      tf.tidy(() => predict(tf.tensor2d(slice, [size, ELEMENT_COUNT])).dataSync()),
      start,
    );
  }
  return values;
}
