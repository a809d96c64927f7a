import * as tf from '@tensorflow/tfjs';
import { type MicroBatch, microBatchGradient, type StepSettings } from './optimiser-step.js';

/** M_max and the integer-loss columns once built at T/2 (both rows × …, on the backend). */
export interface MaxElementTensors {
  mask: tf.Tensor2D;
  columns: tf.Tensor2D;
}

export interface ShardGradient {
  grad: tf.Tensor2D;
  /** Per-candidate loss (NaN where it was zeroed) and continuous Tc of this step. */
  loss: Float32Array;
  tcKelvin: Float32Array;
}

const rowsOf = (t: tf.Tensor2D, start: number, size: number) => tf.slice(t, [start, 0], [size, -1]);

/**
 * The gradient of the whole-shard loss w.r.t. L, `microBatch` candidates at a time so a large B
 * never holds every activation at once (results equal the unsplit computation).
 */
export function shardGradient(
  logits: tf.Variable<tf.Rank.R2>,
  maxElements: MaxElementTensors | null,
  settings: StepSettings,
  microBatch: number,
): ShardGradient {
  const rows = logits.shape[0];
  if (rows <= microBatch) {
    const part = microBatchGradient(
      { logits, maxElementMask: maxElements?.mask ?? null, integerColumns: maxElements?.columns ?? null },
      settings,
    );
    return collect([part]);
  }
  const parts = [];
  for (let start = 0; start < rows; start += microBatch) {
    const size = Math.min(microBatch, rows - start);
    const batch: MicroBatch = {
      logits: rowsOf(logits, start, size),
      maxElementMask: maxElements ? rowsOf(maxElements.mask, start, size) : null,
      integerColumns: maxElements ? rowsOf(maxElements.columns, start, size) : null,
    };
    parts.push(microBatchGradient(batch, settings));
    tf.dispose([batch.logits, batch.maxElementMask, batch.integerColumns].filter((t) => t !== null));
  }
  return collect(parts);
}

function collect(parts: ReturnType<typeof microBatchGradient>[]): ShardGradient {
  const only = parts.length === 1 ? parts[0] : undefined;
  const grad = only ? only.grad : tf.concat(parts.map((part) => part.grad));
  const loss = tf.tidy(() => tf.concat(parts.map((part) => part.loss)).dataSync() as Float32Array);
  const tcKelvin = tf.tidy(() => tf.concat(parts.map((part) => part.tcKelvin)).dataSync() as Float32Array);
  tf.dispose(
    parts.flatMap((part) => (only ? [part.loss, part.tcKelvin] : [part.grad, part.loss, part.tcKelvin])),
  );
  return { grad, loss, tcKelvin };
}
