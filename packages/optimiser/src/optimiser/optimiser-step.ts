import * as tf from '@tensorflow/tfjs';
import type { EfInference, TcInference } from '../inference/inference.js';
import { type CompositionMapTensors, compositionFromLogits } from './composition-map.js';
import type { HydrideGrid } from './hydride-grid.js';
import { integerLoss } from './integer-loss.js';

export interface ShardModels {
  tc: TcInference;
  ef: EfInference;
}

export interface StepSettings {
  map: CompositionMapTensors;
  models: ShardModels;
  alpha: number;
  /** β(t); 0 skips the integer loss (same value, much less work). */
  beta: number;
  nValues: readonly number[];
  /** Hydride mode's integer grid (non-H floored at one atom, admissible hydrides only); null otherwise. */
  hydride: HydrideGrid | null;
  /** B of the whole shard: the loss is a mean over all candidates, whatever the micro-batch. */
  totalCandidates: number;
}

export interface MicroBatch {
  logits: tf.Tensor2D;
  maxElementMask: tf.Tensor2D | null;
  integerColumns: tf.Tensor2D | null;
}

export interface MicroBatchGradient {
  /** ∂ mean_b loss_b / ∂L for these rows; NaN entries (from NaN rows) set to 0. */
  grad: tf.Tensor2D;
  /** Per-candidate loss before NaN rows were zeroed. */
  loss: tf.Tensor1D;
  tcKelvin: tf.Tensor1D;
}

/**
 * One micro-batch of an optimiser step: loss_b = −Tc(x_b) + α·Ef(x_b) + β·Lint(x_b), NaN losses
 * zeroed (their candidates then pull nothing), gradient w.r.t. L through the models' input
 * gradients. Candidates are independent, so concatenating the micro-batch gradients gives the
 * gradient of the whole-shard mean exactly.
 */
export function microBatchGradient(batch: MicroBatch, settings: StepSettings): MicroBatchGradient {
  let loss: tf.Tensor1D | undefined;
  let tcKelvin: tf.Tensor1D | undefined;
  const objective = (logits: tf.Tensor2D): tf.Scalar => {
    const x = compositionFromLogits(logits, batch.maxElementMask, settings.map);
    const tc = settings.models.tc.tc(x);
    let perCandidate = tc.neg().add(settings.models.ef.ef(x).mul(settings.alpha)) as tf.Tensor1D;
    if (settings.beta > 0) {
      perCandidate = perCandidate.add(
        integerLoss(x, settings.nValues, batch.integerColumns, settings.hydride).mul(settings.beta),
      ) as tf.Tensor1D;
    }
    loss = tf.keep(perCandidate.clone());
    tcKelvin = tf.keep(tc.clone());
    const finite = tf.where(tf.isNaN(perCandidate), tf.zerosLike(perCandidate), perCandidate);
    return finite.sum().div(settings.totalCandidates) as tf.Scalar;
  };
  const raw = tf.grad((logits: tf.Tensor) => objective(logits as tf.Tensor2D))(batch.logits) as tf.Tensor2D;
  const grad = tf.tidy(() => tf.where(tf.isNaN(raw), tf.zerosLike(raw), raw) as tf.Tensor2D);
  raw.dispose();
  return { grad, loss: loss!, tcKelvin: tcKelvin! };
}
