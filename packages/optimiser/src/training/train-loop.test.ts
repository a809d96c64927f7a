import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectTfBackend } from '../tf/backend.js';
import { BEST_DIR, readCheckpointState, restoreWeights } from './checkpoint.js';
import { CheckpointMismatchError, predictRows, type RegressionRows, runTrainingLoop } from './train-loop.js';
import type { TrainingOptions } from './training-options.js';

/** y = 3·x0 − 2·x1 + 1 (scaled to hundreds): a linear model can learn it exactly. */
function linearRows(count: number, seed: number): RegressionRows {
  const random = mulberry32(seed);
  const x = new Float32Array(count * 2);
  const y = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    x[2 * i] = random();
    x[2 * i + 1] = random();
    y[i] = 100 * (3 * x[2 * i]! - 2 * x[2 * i + 1]! + 1);
  }
  return { width: 2, x, y };
}

function linearModel(): tf.LayersModel {
  const input = tf.input({ shape: [2] });
  const output = tf.layers.dense({ units: 1, kernelInitializer: 'zeros' }).apply(input) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}

const OPTIONS: TrainingOptions = {
  epochs: 6,
  batchSize: 32,
  learningRate: 0.05,
  patience: 50,
  lrPatience: 2,
  lrFactor: 0.5,
  minLearningRate: 1e-4,
  seed: 7,
  targetScale: 0.01,
  maxSeconds: null,
};

describe('training loop', () => {
  let dir: string;
  const train = linearRows(512, 1);
  const val = linearRows(128, 2);

  beforeAll(async () => {
    await selectTfBackend('cpu', () => undefined);
    dir = await mkdtemp(join(tmpdir(), 'kiago-train-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('learns, checkpoints every epoch and returns the best weights', async () => {
    const events: string[] = [];
    const checkpointDir = join(dir, 'run');
    const { model, state, stopReason } = await runTrainingLoop({
      model: linearModel(),
      train,
      val,
      options: OPTIONS,
      checkpointDir,
      resume: false,
      fingerprint: 'a',
      onProgress: (event) => events.push(event.type),
    });
    expect(stopReason).toBe('epochs');
    expect(state.completedEpochs).toBe(6);
    expect(state.history).toHaveLength(6);
    // From a zero model (MAE ≈ 150 in target units) to well below it.
    expect(state.bestValMae).toBeLessThan(30);
    expect(state.history[0]!.valMae).toBeGreaterThan(state.bestValMae);
    expect(events.filter((type) => type === 'epoch-end')).toHaveLength(6);
    expect(events.filter((type) => type === 'batch')).toHaveLength(6 * 16);
    expect(await readCheckpointState(checkpointDir)).toEqual(state);
    // The returned model holds the best epoch's weights: its val MAE is the recorded best.
    const predicted = predictRows(model, val, 64, OPTIONS.targetScale);
    const mae = predicted.reduce((sum, value, i) => sum + Math.abs(value - val.y[i]!), 0) / val.y.length;
    expect(mae).toBeCloseTo(state.bestValMae, 3);
    const best = linearModel();
    await restoreWeights(checkpointDir, BEST_DIR, best);
    expect(best.getWeights()[0]!.arraySync()).toEqual(model.getWeights()[0]!.arraySync());
  });

  it('resumes from the checkpoint with the history kept, and refuses another run’s checkpoint', async () => {
    const checkpointDir = join(dir, 'resume');
    await runTrainingLoop({
      model: linearModel(),
      train,
      val,
      options: { ...OPTIONS, epochs: 2 },
      checkpointDir,
      resume: false,
      fingerprint: 'b',
    });
    const firstEpochs: number[] = [];
    const { state } = await runTrainingLoop({
      model: linearModel(),
      train,
      val,
      options: { ...OPTIONS, epochs: 4 },
      checkpointDir,
      resume: true,
      fingerprint: 'b',
      onProgress: (event) => {
        if (event.type === 'epoch-start') firstEpochs.push(event.epoch);
      },
    });
    expect(firstEpochs).toEqual([3, 4]);
    expect(state.history.map((record) => record.epoch)).toEqual([1, 2, 3, 4]);
    await expect(
      runTrainingLoop({
        model: linearModel(),
        train,
        val,
        options: OPTIONS,
        checkpointDir,
        resume: true,
        fingerprint: 'c',
      }),
    ).rejects.toThrow(CheckpointMismatchError);
    await expect(
      runTrainingLoop({
        model: linearModel(),
        train,
        val,
        options: OPTIONS,
        checkpointDir: join(dir, 'none'),
        resume: true,
        fingerprint: 'b',
      }),
    ).rejects.toThrow(/no checkpoint/);
  });

  it('stops early after `patience` epochs without improvement and lowers the learning rate on plateaus', async () => {
    // Validation targets of the opposite sign: every epoch of learning the training targets makes it worse.
    const opposite = { ...val, y: val.y.map((value) => -value) };
    const { state, stopReason } = await runTrainingLoop({
      model: linearModel(),
      train,
      val: opposite,
      options: { ...OPTIONS, epochs: 20, patience: 3, lrPatience: 2 },
      checkpointDir: join(dir, 'early'),
      resume: false,
      fingerprint: 'd',
    });
    expect(stopReason).toBe('early-stopping');
    expect(state.completedEpochs).toBe(4);
    expect(state.bestEpoch).toBe(1);
    expect(state.history.map((record) => record.learningRate)).toEqual([0.05, 0.05, 0.05, 0.025]);
  });
});
