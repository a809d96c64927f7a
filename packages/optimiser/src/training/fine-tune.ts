import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { BEST_DIR, type CheckpointState, readCheckpointState, restoreWeights } from './checkpoint.js';
import {
  type RegressionRows,
  runTrainingLoop,
  type StopReason,
  type TrainingProgress,
} from './train-loop.js';
import type { TrainingOptions } from './training-options.js';

/** A second phase on a weight-sharing model (ElemNet: the same layers without dropout). */
export interface FineTunePlan {
  /** What the phase does, for the manifest. */
  description: string;
  trainingModel: tf.LayersModel;
  options: TrainingOptions;
}

export interface FineTuneInput {
  plan: FineTunePlan;
  model: tf.LayersModel;
  /** Phase 1's trained model and checkpoint directory, to fall back on when fine-tuning does not help. */
  mainTrainingModel: tf.LayersModel;
  mainCheckpointDir: string;
  mainBestValMae: number;
  train: RegressionRows;
  val: RegressionRows;
  resume: boolean;
  fingerprint: string;
  onProgress?: (event: TrainingProgress) => void;
}

export interface FineTuneResult {
  state: CheckpointState;
  stopReason: StopReason;
  /** False when phase 1's best weights beat every fine-tuned epoch and were kept. */
  kept: boolean;
}

export const FINE_TUNE_DIR = 'fine-tune';

/** Runs the second phase with its own checkpoints under `<main checkpoint>/fine-tune`. */
export async function runFineTune(input: FineTuneInput): Promise<FineTuneResult> {
  const checkpointDir = join(input.mainCheckpointDir, FINE_TUNE_DIR);
  const resume = input.resume && (await readCheckpointState(checkpointDir)) !== null;
  input.onProgress?.({ type: 'phase', name: 'fine-tune' });
  const { state, stopReason } = await runTrainingLoop({
    model: input.plan.trainingModel,
    evaluationModel: input.model,
    train: input.train,
    val: input.val,
    options: input.plan.options,
    checkpointDir,
    resume,
    fingerprint: createHash('sha256')
      .update(JSON.stringify([input.fingerprint, { ...input.plan.options, epochs: 0, maxSeconds: 0 }]))
      .digest('hex'),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  const kept = state.bestValMae < input.mainBestValMae;
  if (!kept) await restoreWeights(input.mainCheckpointDir, BEST_DIR, input.mainTrainingModel);
  return { state, stopReason, kept };
}
