import * as tf from '@tensorflow/tfjs';

/** norm(v) = relu(v) / Σ relu(v) per row (DESIGN §5); a row with nothing positive becomes NaN, as in the reference. */
export function normaliseRows(v: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const positive = tf.relu(v);
    return positive.div(positive.sum(1, true)) as tf.Tensor2D;
  });
}

/** The constant tensors of the map from L to compositions. */
export interface CompositionMapTensors {
  /** M_opt ⊙ M_en, 1 × 118. */
  optimisationMask: tf.Tensor2D;
  /** c, 1 × 118. */
  fixed: tf.Tensor2D;
  /** 1 − S. */
  freeFraction: number;
}

/**
 * x = (1 − S) · norm( norm(L ⊙ M_max) ⊙ M_opt ⊙ M_en ) + c. `maxElementMask` is null until M_max
 * is built (all ones: the multiplication is skipped, with the same result).
 */
export function compositionFromLogits(
  logits: tf.Tensor2D,
  maxElementMask: tf.Tensor2D | null,
  map: CompositionMapTensors,
): tf.Tensor2D {
  return tf.tidy(() => {
    const limited = maxElementMask === null ? logits : logits.mul(maxElementMask);
    const allowed = normaliseRows(limited as tf.Tensor2D).mul(map.optimisationMask);
    return normaliseRows(allowed as tf.Tensor2D)
      .mul(map.freeFraction)
      .add(map.fixed) as tf.Tensor2D;
  });
}
