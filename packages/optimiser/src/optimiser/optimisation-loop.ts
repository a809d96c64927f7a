import { betaAtStep, ELEMENT_COUNT, maskStep } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { type CompositionMapTensors, compositionFromLogits } from './composition-map.js';
import { applyHydrideFloor, hydrideFloorMask } from './hydride-floor.js';
import { buildMaxElementMask } from './max-element-mask.js';
import { OptimisationCancelledError } from './optimiser-errors.js';
import type { ShardModels } from './optimiser-step.js';
import { type MaxElementTensors, shardGradient } from './shard-gradient.js';
import type { ShardProblem } from './shard-problem.js';
import type { OptimiserProgress } from './shard-result.js';
import { stepStatistics } from './step-statistics.js';
import { TrajectoryRecorder } from './trajectory.js';

export interface OptimisationRun {
  models: ShardModels;
  microBatch: number;
  trajectoryPoints: number;
  onProgress?: ((progress: OptimiserProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** Stop at T/2, before M_max and the integer loss: the first stage alone (the paper's Fig. 3). */
  stopAfterFirstStage?: boolean | undefined;
}

/**
 * The optimisation proper: Adam on L from `initial`, M_max at T/2, β(t) per step, progress and
 * cancellation between steps; every tensor it makes is freed, also on error. Returns the final x
 * and x at T/2 (end of the first stage, before M_max), where the paper's Table 1 measures from.
 */
export async function runOptimisation(problem: ShardProblem, initial: Float32Array, input: OptimisationRun) {
  const rows = problem.candidates;
  const map: CompositionMapTensors = {
    optimisationMask: tf.tensor2d(problem.optimisationMask, [1, ELEMENT_COUNT]),
    fixed: tf.tensor2d(problem.fixed, [1, ELEMENT_COUNT]),
    freeFraction: 1 - problem.fixedSum,
  };
  const initialLogits = tf.tensor2d(initial, [rows, ELEMENT_COUNT]);
  const logits = tf.variable(initialLogits, true);
  initialLogits.dispose();
  // PyTorch's Adam defaults (the reference's optimiser): β1 0.9, β2 0.999, ε 1e-8.
  const optimizer = tf.train.adam(problem.learningRate, 0.9, 0.999, 1e-8);
  const recorder = new TrajectoryRecorder(problem.steps, input.trajectoryPoints);
  let maxElements: MaxElementTensors | null = null;
  let floorMask: tf.Tensor2D | null = null;
  let nanLossCount = 0;
  let firstStage: Float32Array | null = null;
  const firstStageEnd = maskStep(problem.steps);
  try {
    for (let step = 0; step < problem.steps; step++) {
      if (input.signal?.aborted) throw new OptimisationCancelledError(step);
      if (step === firstStageEnd) {
        firstStage = compositionAt(logits, null, map);
        if (input.stopAfterFirstStage) break;
      }
      if (step === firstStageEnd && problem.maxElements < ELEMENT_COUNT) {
        const built = buildMaxElementTensors(logits, map, problem);
        maxElements = built.tensors;
        if (problem.hydride) floorMask = hydrideFloorMask(built.mask, rows, problem.fixedIndices);
      }
      const settings = {
        map,
        models: input.models,
        alpha: problem.alpha,
        beta: betaAtStep(problem.beta, step, problem.steps),
        nValues: problem.nValues,
        hydride: problem.hydride,
        totalCandidates: rows,
      };
      const { grad, loss, tcKelvin } = shardGradient(logits, maxElements, settings, input.microBatch);
      optimizer.applyGradients([{ name: logits.name, tensor: grad }]);
      grad.dispose();
      if (floorMask) applyHydrideFloor(logits, floorMask);
      const stats = stepStatistics(loss, tcKelvin);
      nanLossCount += stats.nanLosses;
      recorder.record(step + 1, stats.meanLoss, stats.meanTcKelvin, stats.bestTcKelvin);
      input.onProgress?.({ step: step + 1, steps: problem.steps, ...stats, nanLossCount });
      // Let timers, heartbeats and abort signals run between steps (the backend's ops are synchronous).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const continuous = compositionAt(logits, maxElements?.mask ?? null, map);
    return {
      continuous,
      firstStage: firstStage ?? continuous,
      nanLossCount,
      trajectory: recorder.trajectory,
    };
  } finally {
    optimizer.dispose();
    tf.dispose([logits, map.optimisationMask, map.fixed]);
    if (maxElements) tf.dispose([maxElements.mask, maxElements.columns]);
    if (floorMask) floorMask.dispose();
  }
}

function compositionAt(
  logits: tf.Variable<tf.Rank.R2>,
  mask: tf.Tensor2D | null,
  map: CompositionMapTensors,
): Float32Array {
  return tf.tidy(() => compositionFromLogits(logits, mask, map).dataSync() as Float32Array);
}

function buildMaxElementTensors(
  logits: tf.Variable<tf.Rank.R2>,
  map: CompositionMapTensors,
  problem: ShardProblem,
): { tensors: MaxElementTensors; mask: Float32Array } {
  const x = tf.tidy(() => compositionFromLogits(logits, null, map).dataSync());
  const built = buildMaxElementMask(
    x,
    problem.candidates,
    problem.maxElements,
    problem.fixedIndices,
    problem.hydride ? allowedLogits(logits.dataSync(), problem.optimisationMask) : undefined,
  );
  return {
    tensors: {
      mask: tf.tensor2d(built.mask, [problem.candidates, ELEMENT_COUNT]),
      columns: tf.tensor2d(built.columns, [problem.candidates, built.width], 'int32'),
    },
    mask: built.mask,
  };
}

/** L where M_opt ⊙ M_en allows the element, −∞ elsewhere (the hydride fallback's scores). */
function allowedLogits(logits: ArrayLike<number>, optimisationMask: ArrayLike<number>): Float64Array {
  const scores = Float64Array.from(logits);
  for (let i = 0; i < scores.length; i++) {
    if ((optimisationMask[i % ELEMENT_COUNT] ?? 0) === 0) scores[i] = Number.NEGATIVE_INFINITY;
  }
  return scores;
}
