import * as tf from '@tensorflow/tfjs';
import type { HydrideGrid } from './hydride-grid.js';
import { flooredCounts, inadmissiblePenalty, nonHydrogenPresent } from './hydride-loss-terms.js';

/** Largest B × |N chunk| × columns intermediate of the integer loss (16 MB of float32). */
const MAX_CHUNK_ELEMENTS = 1 << 22;

/**
 * Lint(x) = min over N ∈ nValues of Σ_e (x_e − round(x_e·N)/N)², one value per row (DESIGN §5),
 * differentiable inside tf.grad: ∂Lint/∂x = 2(x − round(x·N*)/N*) at the minimising N* (round has
 * zero gradient, as in PyTorch). Rounding is half-to-even, like torch.round.
 *
 * `columns` (B × K int32, optional) lists, per row, every column that can be non-zero: after M_max
 * is built that is at most k + |fixed| columns instead of 118, and the zero columns add nothing to
 * the loss or its gradient. Padding entries must point at columns that are zero in that row.
 *
 * `hydride` switches to hydride mode's grid (hydride-grid.ts): non-H elements present target at least
 * one atom, and N whose counts are no admissible hydride are never the minimum while another is.
 */
export function integerLoss(
  x: tf.Tensor2D,
  nValues: readonly number[],
  columns: tf.Tensor2D | null = null,
  hydride: HydrideGrid | null = null,
): tf.Tensor1D {
  if (nValues.length === 0) throw new RangeError('integerLoss: the N set is empty');
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    const { loss, bestN } = minimumOverN(input, nValues, columns, hydride);
    save([input, bestN]);
    return {
      value: loss,
      gradFunc: (dy: tf.Tensor, [saved, savedN]: tf.Tensor[]) =>
        tf.tidy(() => {
          const values = saved as tf.Tensor2D;
          const n = (savedN as tf.Tensor1D).expandDims(1);
          let counts: tf.Tensor = values.mul(n).round();
          if (hydride)
            counts = flooredCounts(counts, nonHydrogenPresent(values, allColumns(values), hydride));
          return values.sub(counts.div(n)).mul(dy.expandDims(1).mul(2));
        }),
    };
  }) as (input: tf.Tensor2D) => tf.Tensor1D;
  return op(x);
}

/** Element index of every column of `x` (1 × width) when no column list was gathered. */
function allColumns(x: tf.Tensor2D): tf.Tensor2D {
  return tf.range(0, x.shape[1], 1, 'int32').expandDims(0) as tf.Tensor2D;
}

function minimumOverN(
  x: tf.Tensor2D,
  nValues: readonly number[],
  columns: tf.Tensor2D | null,
  hydride: HydrideGrid | null,
): { loss: tf.Tensor1D; bestN: tf.Tensor1D } {
  return tf.tidy(() => {
    const values = columns === null ? x : gatherRowColumns(x, columns);
    const [rows, width] = values.shape;
    const perChunk = Math.max(1, Math.floor(MAX_CHUNK_ELEMENTS / Math.max(1, rows * width)));
    const expanded = values.expandDims(1);
    const elementIndex = columns ?? allColumns(x);
    const floorMask = hydride ? nonHydrogenPresent(values, elementIndex, hydride).expandDims(1) : null;
    const isHydrogen = hydride
      ? (elementIndex.equal(hydride.hydrogenIndex).toFloat().expandDims(1) as tf.Tensor3D)
      : null;
    let loss: tf.Tensor1D | null = null;
    let bestN: tf.Tensor1D | null = null;
    for (let start = 0; start < nValues.length; start += perChunk) {
      const chunk = nValues.slice(start, start + perChunk);
      const n = tf.tensor3d(chunk, [1, chunk.length, 1]);
      let counts = expanded.mul(n).round() as tf.Tensor3D;
      if (floorMask) counts = flooredCounts(counts, floorMask) as tf.Tensor3D;
      let losses = expanded.sub(counts.div(n)).square().sum(2) as tf.Tensor2D;
      if (hydride && isHydrogen) losses = losses.add(inadmissiblePenalty(counts, isHydrogen, hydride));
      const chunkLoss = losses.min(1) as tf.Tensor1D;
      const chunkN = tf.gather(tf.tensor1d(chunk), losses.argMin(1)) as tf.Tensor1D;
      if (loss === null || bestN === null) {
        loss = chunkLoss;
        bestN = chunkN;
      } else {
        // Strictly better only: an equal loss keeps the earlier, smaller N.
        const better: tf.Tensor = chunkLoss.less(loss);
        loss = tf.where(better, chunkLoss, loss);
        bestN = tf.where(better, chunkN, bestN);
      }
    }
    return { loss: loss!, bestN: bestN! };
  });
}

/**
 * x[b, columns[b, j]] for every row b, as one flat gather (tf.gather with batchDims = 1 returns
 * wrong values on the wasm backend of tfjs 4.22).
 */
function gatherRowColumns(x: tf.Tensor2D, columns: tf.Tensor2D): tf.Tensor2D {
  const [rows, width] = x.shape;
  const rowStarts = tf.range(0, rows * width, width, 'int32').expandDims(1);
  return tf.gather(x.reshape([-1]), rowStarts.add(columns)) as tf.Tensor2D;
}
