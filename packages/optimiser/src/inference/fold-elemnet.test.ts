import { ELEMENT_COUNT, ELEMNET_INDICES } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  centralDifference,
  relativeError,
  seedWeights,
  testCompositions,
} from '../fixtures/model-fixtures.js';
import { buildElemNet } from '../models/elemnet.js';
import { selectTfBackend } from '../tf/backend.js';
import { testTfBackendChoice } from '../tf/fixtures/test-backend.js';
import { createEfInference, type EfInference } from './inference.js';

const WIDTH = 1 / 32;
const BATCH = 6;

describe('ElemNet and its inference path', () => {
  let model: tf.LayersModel;
  let inference: EfInference;
  let x: tf.Tensor2D;
  let x86: tf.Tensor2D;

  beforeAll(async () => {
    await selectTfBackend(testTfBackendChoice(), () => undefined);
    model = buildElemNet({ width: WIDTH });
    seedWeights(model, 20);
    inference = createEfInference(model);
    x = testCompositions(BATCH, 3);
    x86 = tf.gather(x, [...ELEMNET_INDICES], 1);
  });

  afterAll(() => {
    inference.dispose();
    model.dispose();
  });

  it('has the 86 → 1024×4 → 512×3 → 256×3 → 128×3 → 64×2 → 32 → 1 layout (scaled by width)', () => {
    const units = model.layers.filter((l) => l.getClassName() === 'Dense').map((l) => l.outputShape[1]);
    expect(model.inputs[0]?.shape).toEqual([null, 86]);
    expect(units).toEqual([32, 32, 32, 32, 16, 16, 16, 8, 8, 8, 4, 4, 4, 2, 2, 1, 1]);
    const dropouts = model.layers.filter((l) => l.getClassName() === 'Dropout');
    expect(dropouts.map((l) => (l.getConfig() as { rate: number }).rate)).toEqual([0.2, 0.1, 0.3, 0.2]);
    expect((model.predict(x86) as tf.Tensor).shape).toEqual([BATCH, 1]);
  });

  it('costs 9.25 MFLOP per candidate at full width', () => {
    const full = buildElemNet();
    const fullInference = createEfInference(full);
    expect(fullInference.forwardFlopsPerCandidate).toEqual({ nominal: 9_248_832, onData: 9_248_832 });
    fullInference.dispose();
    full.dispose();
  });

  it('uses dropout in training only', () => {
    const first = model.predict(x86) as tf.Tensor;
    expect(relativeError(model.predict(x86) as tf.Tensor, first)).toBe(0);
    const training = model.apply(x86, { training: true }) as tf.Tensor;
    expect(relativeError(training, first)).toBeGreaterThan(1e-6);
  });

  it('predicts from the 118-vector what the layers model predicts from the 86 ElemNet columns', () => {
    const ef = inference.predictEf(x);
    expect(ef.shape).toEqual([BATCH]);
    expect(relativeError(ef, (model.predict(x86) as tf.Tensor).reshape([BATCH]))).toBeLessThan(1e-4);
  });

  it('returns ∂Ef/∂x matching finite differences, and zero for elements ElemNet does not take', () => {
    const { efEvPerAtom, grad } = inference.efAndGrad(x);
    expect(relativeError(efEvPerAtom, inference.predictEf(x))).toBeLessThan(1e-6);
    const gradRows = grad.arraySync();
    const row = 1;
    const present = (x.arraySync()[row] ?? []).flatMap((fraction, element) =>
      fraction > 0 ? [element] : [],
    );
    for (const element of [...present, 0, 30]) {
      const analytic = gradRows[row]?.[element] ?? Number.NaN;
      const numeric = centralDifference((input) => inference.predictEf(input), x, row, element, 5e-3);
      expect(Math.abs(analytic - numeric), `element index ${element}`).toBeLessThan(
        2e-2 * Math.max(1, Math.abs(numeric)),
      );
    }
    expect(Math.max(...grad.abs().max(0).dataSync())).toBeGreaterThan(1e-4);
    const outside = Array.from({ length: ELEMENT_COUNT }, (_, i) => i).filter(
      (i) => !ELEMNET_INDICES.includes(i),
    );
    expect(outside.map((i) => gradRows[0]?.[i])).toEqual(outside.map(() => 0));
  });

  it('is differentiable inside tf.grad w.r.t. the composition', () => {
    const viaTape = tf.grad((input: tf.Tensor) =>
      inference
        .ef(input as tf.Tensor2D)
        .mul(2)
        .sum(),
    )(x);
    expect(relativeError(viaTape, inference.efAndGrad(x).grad.mul(2))).toBeLessThan(1e-5);
  });
});
