import { KiagoError, mulberry32, shuffleInPlace } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import {
  BEST_DIR,
  type CheckpointState,
  type EpochRecord,
  LAST_DIR,
  readCheckpointState,
  restoreWeights,
  writeCheckpoint,
} from './checkpoint.js';
import { parseTrainingOptions, type TrainingOptions } from './training-options.js';

/** Rows as the trainer reads them: `x` is `count × width` row-major, `y` the target in its own unit. */
export interface RegressionRows {
  width: number;
  x: Float32Array;
  y: Float32Array;
}

export type TrainingProgress =
  | { type: 'phase'; name: 'fine-tune' }
  | { type: 'resumed'; completedEpochs: number; bestValMae: number }
  | { type: 'epoch-start'; epoch: number; epochs: number; batches: number }
  | { type: 'batch'; epoch: number; batch: number; batches: number; loss: number }
  | { type: 'epoch-end'; record: EpochRecord; improved: boolean; bestValMae: number }
  | { type: 'stopped'; reason: StopReason; epoch: number };

export type StopReason = 'epochs' | 'early-stopping' | 'time-limit';

export interface TrainLoopInput {
  /** The model trained and checkpointed. */
  model: tf.LayersModel;
  /** Model for validation predictions, sharing `model`'s weights (Tc: with the output ReLU); default `model`. */
  evaluationModel?: tf.LayersModel;
  train: RegressionRows;
  val: RegressionRows;
  options: TrainingOptions;
  /** Where `state.json`, `last/` and `best/` go after every epoch. */
  checkpointDir: string;
  /** Continue from the checkpoint in checkpointDir (which must match `fingerprint`). */
  resume: boolean;
  /** Data hash, split hash and options: a checkpoint from another run is refused. */
  fingerprint: string;
  onProgress?: (event: TrainingProgress) => void;
}

export interface TrainLoopResult {
  /** The model holding the best validation weights (the input model, restored). */
  model: tf.LayersModel;
  state: CheckpointState;
  stopReason: StopReason;
}

/** A checkpoint that cannot be resumed (missing, or written by a different run). */
export class CheckpointMismatchError extends KiagoError {
  readonly code = 'CHECKPOINT_MISMATCH';
  readonly nonRetryable = true;
}

/**
 * Adam on an L1 loss, one epoch at a time: shuffled per epoch (seed + epoch, so a resumed run sees
 * the order an uninterrupted one would), validation MAE after each, learning rate × lrFactor after
 * lrPatience epochs without improvement, early stopping after `patience`, best weights kept.
 */
export async function runTrainingLoop(input: TrainLoopInput): Promise<TrainLoopResult> {
  const options = parseTrainingOptions(input.options, 'training options');
  const { model, train, val, checkpointDir, onProgress } = input;
  let state = await startingState(input, options);
  const optimizer = tf.train.adam(state.learningRate);
  model.compile({ optimizer, loss: 'meanAbsoluteError' });
  const trainCount = train.y.length;
  const batches = Math.ceil(trainCount / options.batchSize);
  const startedMs = performance.now();
  let stopReason: StopReason = 'epochs';

  for (let epoch = state.completedEpochs + 1; epoch <= options.epochs; epoch++) {
    if (options.maxSeconds !== null && (performance.now() - startedMs) / 1000 > options.maxSeconds) {
      stopReason = 'time-limit';
      break;
    }
    if (state.epochsSinceBest >= options.patience) {
      stopReason = 'early-stopping';
      break;
    }
    const epochStartMs = performance.now();
    onProgress?.({ type: 'epoch-start', epoch, epochs: options.epochs, batches });
    const order = shuffleInPlace(
      Array.from({ length: trainCount }, (_, i) => i),
      mulberry32((options.seed + epoch * 0x9e3779b9) >>> 0),
    );
    let lossSum = 0;
    for (let batch = 0; batch < batches; batch++) {
      const rows = order.slice(batch * options.batchSize, (batch + 1) * options.batchSize);
      const { xs, ys } = batchTensors(train, rows, options.targetScale);
      const loss = (await model.trainOnBatch(xs, ys)) as number;
      xs.dispose();
      ys.dispose();
      lossSum += loss;
      onProgress?.({ type: 'batch', epoch, batch: batch + 1, batches, loss });
    }
    const valMae = meanAbsoluteError(
      predictRows(input.evaluationModel ?? model, val, options.batchSize * 4, options.targetScale),
      val.y,
    );
    const record: EpochRecord = {
      epoch,
      trainLoss: lossSum / batches,
      valMae,
      learningRate: state.learningRate,
      seconds: (performance.now() - epochStartMs) / 1000,
    };
    const improved = valMae < state.bestValMae;
    state = nextState(state, record, improved, options);
    setLearningRate(optimizer, state.learningRate);
    await writeCheckpoint(checkpointDir, model, state, improved);
    onProgress?.({ type: 'epoch-end', record, improved, bestValMae: state.bestValMae });
  }
  onProgress?.({ type: 'stopped', reason: stopReason, epoch: state.completedEpochs });
  await restoreWeights(checkpointDir, BEST_DIR, model);
  return { model, state, stopReason };
}

async function startingState(input: TrainLoopInput, options: TrainingOptions): Promise<CheckpointState> {
  const fresh: CheckpointState = {
    fingerprint: input.fingerprint,
    completedEpochs: 0,
    bestEpoch: 0,
    bestValMae: Number.POSITIVE_INFINITY,
    learningRate: options.learningRate,
    epochsSinceBest: 0,
    epochsSinceLrChange: 0,
    history: [],
  };
  if (!input.resume) return fresh;
  const saved = await readCheckpointState(input.checkpointDir);
  if (saved === null) {
    throw new CheckpointMismatchError(`--resume: no checkpoint in ${input.checkpointDir}`);
  }
  if (saved.fingerprint !== input.fingerprint) {
    throw new CheckpointMismatchError(
      `--resume: the checkpoint in ${input.checkpointDir} was written for other data or options ` +
        `(fingerprint ${saved.fingerprint.slice(0, 12)}…, this run ${input.fingerprint.slice(0, 12)}…)`,
    );
  }
  await restoreWeights(input.checkpointDir, LAST_DIR, input.model);
  input.onProgress?.({
    type: 'resumed',
    completedEpochs: saved.completedEpochs,
    bestValMae: saved.bestValMae,
  });
  return saved;
}

function nextState(
  state: CheckpointState,
  record: EpochRecord,
  improved: boolean,
  options: TrainingOptions,
): CheckpointState {
  const epochsSinceBest = improved ? 0 : state.epochsSinceBest + 1;
  let { learningRate } = state;
  let epochsSinceLrChange = improved ? 0 : state.epochsSinceLrChange + 1;
  if (epochsSinceLrChange >= options.lrPatience && learningRate > options.minLearningRate) {
    learningRate = Math.max(options.minLearningRate, learningRate * options.lrFactor);
    epochsSinceLrChange = 0;
  }
  return {
    ...state,
    completedEpochs: record.epoch,
    bestEpoch: improved ? record.epoch : state.bestEpoch,
    bestValMae: improved ? record.valMae : state.bestValMae,
    learningRate,
    epochsSinceBest,
    epochsSinceLrChange,
    history: [...state.history, record],
  };
}

// tfjs reads the learning rate on every step but exposes no setter (the field is protected);
// replacing the optimizer would throw away Adam's moment estimates.
function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
}

function batchTensors(rows: RegressionRows, indices: readonly number[], targetScale: number) {
  const { width } = rows;
  const x = new Float32Array(indices.length * width);
  const y = new Float32Array(indices.length);
  indices.forEach((index, i) => {
    x.set(rows.x.subarray(index * width, (index + 1) * width), i * width);
    y[i] = rows.y[index]! * targetScale;
  });
  return { xs: tf.tensor2d(x, [indices.length, width]), ys: tf.tensor2d(y, [indices.length, 1]) };
}

/** Predictions in the target's unit (scaled outputs divided by targetScale), in inference mode. */
export function predictRows(
  model: tf.LayersModel,
  rows: RegressionRows,
  batchSize: number,
  targetScale = 1,
): Float32Array {
  const count = rows.y.length;
  const out = new Float32Array(count);
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(count, start + batchSize);
    const values = tf.tidy(() => {
      const xs = tf.tensor2d(rows.x.subarray(start * rows.width, end * rows.width), [
        end - start,
        rows.width,
      ]);
      return (model.predict(xs, { batchSize }) as tf.Tensor).dataSync();
    });
    for (let i = 0; i < end - start; i++) out[start + i] = values[i]! / targetScale;
  }
  return out;
}

function meanAbsoluteError(predicted: Float32Array, actual: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(predicted[i]! - actual[i]!);
  return actual.length === 0 ? 0 : sum / actual.length;
}
