import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectTfBackend } from '../tf/backend.js';
import { BEST_DIR, restoreWeights } from './checkpoint.js';
import { runFineTune } from './fine-tune.js';
import { type RegressionRows, runTrainingLoop } from './train-loop.js';
import type { TrainingOptions } from './training-options.js';

function rows(count: number, seed: number): RegressionRows {
  const random = mulberry32(seed);
  const x = Float32Array.from({ length: count * 2 }, () => random());
  const y = Float32Array.from({ length: count }, (_, i) => 2 * x[2 * i]! - x[2 * i + 1]! + 0.5);
  return { width: 2, x, y };
}

const OPTIONS: TrainingOptions = {
  epochs: 4,
  batchSize: 32,
  learningRate: 0.05,
  patience: 10,
  lrPatience: 10,
  lrFactor: 0.5,
  minLearningRate: 1e-4,
  seed: 3,
  targetScale: 1,
  maxSeconds: null,
};

describe('fine-tune phase', () => {
  let dir: string;
  const train = rows(256, 1);
  const val = rows(64, 2);

  beforeAll(async () => {
    await selectTfBackend('cpu', () => undefined);
    dir = await mkdtemp(join(tmpdir(), 'kiago-fine-tune-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function mainPhase(name: string) {
    const input = tf.input({ shape: [2] });
    const dense = tf.layers.dense({ units: 1, kernelInitializer: 'zeros' });
    const model = tf.model({ inputs: input, outputs: dense.apply(input) as tf.SymbolicTensor });
    const checkpointDir = join(dir, name);
    const { state } = await runTrainingLoop({
      model,
      train,
      val,
      options: OPTIONS,
      checkpointDir,
      resume: false,
      fingerprint: name,
    });
    // A second graph over the same layer: what fine-tuning trains.
    const otherInput = tf.input({ shape: [2] });
    const sharing = tf.model({ inputs: otherInput, outputs: dense.apply(otherInput) as tf.SymbolicTensor });
    return { model, sharing, checkpointDir, state };
  }

  it('keeps the fine-tuned weights when they improve the validation MAE', async () => {
    const main = await mainPhase('better');
    const result = await runFineTune({
      plan: {
        description: 'more epochs',
        trainingModel: main.sharing,
        options: { ...OPTIONS, epochs: 20, learningRate: 0.01 },
      },
      model: main.model,
      mainTrainingModel: main.model,
      mainCheckpointDir: main.checkpointDir,
      mainBestValMae: main.state.bestValMae,
      train,
      val,
      resume: false,
      fingerprint: 'better',
    });
    expect(result.kept).toBe(true);
    expect(result.state.bestValMae).toBeLessThan(main.state.bestValMae);
  });

  it('falls back to the main phase’s best weights when fine-tuning makes things worse', async () => {
    const main = await mainPhase('worse');
    const opposite = { ...val, y: val.y.map((value) => -value) };
    const result = await runFineTune({
      plan: {
        description: 'harmful',
        trainingModel: main.sharing,
        options: { ...OPTIONS, learningRate: 0.5 },
      },
      model: main.model,
      mainTrainingModel: main.model,
      mainCheckpointDir: main.checkpointDir,
      mainBestValMae: 0,
      train,
      val: opposite,
      resume: false,
      fingerprint: 'worse',
    });
    expect(result.kept).toBe(false);
    const best = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    await restoreWeights(main.checkpointDir, BEST_DIR, best);
    expect(main.model.getWeights()[0]!.arraySync()).toEqual(best.getWeights()[0]!.arraySync());
  });
});
