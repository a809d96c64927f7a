import { ELEMENT_COUNT } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  centralDifference,
  randomiseBatchNorms,
  relativeError,
  seedWeights,
  testCompositions,
} from '../fixtures/model-fixtures.js';
import { TC_STEMS, type TcStem } from '../models/model-options.js';
import { buildTcModel } from '../models/tc-model.js';
import { selectTfBackend } from '../tf/backend.js';
import { testTfBackendChoice } from '../tf/fixtures/test-backend.js';
import { createTcInference, type TcInference } from './inference.js';

// Width 1/16 (4…32 channels) keeps the suite fast even on the pure-JS cpu backend.
const WIDTH = 1 / 16;
const BATCH = 5;

/** Feature-map height × width after the stem, after stage 2's first block, after the last block. */
const MAP_SHAPES: Record<TcStem, { stem: number[]; stage2: number[]; last: number[] }> = {
  wide: { stem: [7, 32], stage2: [4, 16], last: [1, 4] },
  // stride-2 stem → 4 × 16, max-pool → 2 × 8, then stages at 2×8, 1×4, 1×2, 1×1
  reference: { stem: [4, 16], stage2: [1, 4], last: [1, 1] },
};

describe.each(TC_STEMS)('Tc model (%s stem) and its inference path', (stem) => {
  let model: tf.LayersModel;
  let inference: TcInference;
  let x: tf.Tensor2D;

  beforeAll(async () => {
    await selectTfBackend(testTfBackendChoice(), () => undefined);
    model = buildTcModel({ width: WIDTH, stem });
    seedWeights(model, 20);
    randomiseBatchNorms(model, 10);
    // A positive head bias keeps the output ReLU (Tc ≥ 0) active, so gradients are not trivially 0.
    const head = model.getLayer('tc_head');
    head.setWeights([head.getWeights()[0] as tf.Tensor, tf.tensor1d([5])]);
    inference = createTcInference(model);
    x = testCompositions(BATCH, 7);
  });

  afterAll(() => {
    inference.dispose();
    model.dispose();
  });

  it('is ResNet18 on the 7 × 32 × 4 atom image, width multiplier applied', () => {
    const shapes = MAP_SHAPES[stem];
    expect(model.getLayer('atom_image').outputShape).toEqual([null, 7, 32, 4]);
    expect(model.getLayer('stem_conv').outputShape).toEqual([null, ...shapes.stem, 4]);
    expect(model.getLayer('stage2_block1_relu2').outputShape).toEqual([null, ...shapes.stage2, 8]);
    expect(model.getLayer('stage4_block2_relu2').outputShape).toEqual([null, ...shapes.last, 32]);
    expect(model.layers.some((layer) => layer.name === 'stem_pool')).toBe(stem === 'reference');
    // stem + 4 stages × 2 blocks × 2 convs + 3 projection shortcuts
    expect(model.layers.filter((layer) => layer.getClassName() === 'Conv2D')).toHaveLength(20);
    expect((model.predict(x) as tf.Tensor).shape).toEqual([BATCH, 1]);
  });

  it('puts the composition on the atom image: Σ x_e · AtomMap_e', () => {
    const imageModel = tf.model({ inputs: model.inputs, outputs: model.getLayer('atom_image').output });
    const image = imageModel.predict(x) as tf.Tensor4D;
    // Every composition's fractions land on distinct pixels, so the image sums to 1 per candidate.
    expect(relativeError(image.sum([1, 2, 3]), tf.ones([BATCH]))).toBeLessThan(1e-6);
  });

  it('predicts what the layers model predicts, with batch norm folded into the convs', () => {
    const tc = inference.predictTc(x);
    expect(tc.shape).toEqual([BATCH]);
    expect(Math.min(...tc.dataSync())).toBeGreaterThan(0);
    expect(relativeError(tc, (model.predict(x) as tf.Tensor).reshape([BATCH]))).toBeLessThan(1e-4);
  });

  it("returns ∂Tc/∂x equal to the layers model's own gradient", () => {
    const { grad } = inference.tcAndGrad(x);
    const layersGrad = tf.grad((input: tf.Tensor) => (model.predict(input) as tf.Tensor).sum())(x);
    expect(relativeError(grad, layersGrad)).toBeLessThan(1e-4);
    expect(layersGrad.abs().max().dataSync()[0]).toBeGreaterThan(1e-3);
    layersGrad.dispose();
  });

  // Finite differences cross the max-pool's kinks on these random weights (one element's error halves
  // with the step: a kink, not a wrong gradient), so they check the wide stem only.
  it.runIf(stem === 'wide')('returns ∂Tc/∂x that matches central finite differences', () => {
    const { tcKelvin, grad } = inference.tcAndGrad(x);
    expect(grad.shape).toEqual([BATCH, ELEMENT_COUNT]);
    expect(relativeError(tcKelvin, inference.predictTc(x))).toBeLessThan(1e-6);
    const gradRows = grad.arraySync();
    const row = 2;
    const present = (x.arraySync()[row] ?? []).flatMap((fraction, element) =>
      fraction > 0 ? [element] : [],
    );
    const checked = [...present, 0, 55];
    for (const element of checked) {
      const analytic = gradRows[row]?.[element] ?? Number.NaN;
      const numeric = centralDifference((input) => inference.predictTc(input), x, row, element, 5e-3);
      expect(Number.isFinite(analytic)).toBe(true);
      expect(Math.abs(analytic - numeric), `element index ${element}`).toBeLessThan(
        2e-2 * Math.max(1, Math.abs(numeric)),
      );
    }
    expect(Math.max(...checked.map((element) => Math.abs(gradRows[row]?.[element] ?? 0)))).toBeGreaterThan(
      1e-3,
    );
  });

  it('gives the same gradient with either way of back-propagating through the convs', () => {
    const other = createTcInference(model, { convGradientMode: 'backprop-input' });
    const forward = createTcInference(model, { convGradientMode: 'forward-conv' });
    expect(relativeError(other.tcAndGrad(x).grad, forward.tcAndGrad(x).grad)).toBeLessThan(1e-4);
    other.dispose();
    forward.dispose();
  });

  it('is differentiable inside tf.grad w.r.t. the composition, without leaking tensors', () => {
    const { grad } = inference.tcAndGrad(x);
    const before = tf.memory().numTensors;
    const viaTape = tf.grad((input: tf.Tensor) => inference.tc(input as tf.Tensor2D).sum())(x);
    expect(relativeError(viaTape, grad)).toBeLessThan(1e-5);
    viaTape.dispose();
    inference.predictTc(x).dispose();
    const pair = inference.tcAndGrad(x);
    tf.dispose([pair.tcKelvin, pair.grad]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives identical results in micro-batches', () => {
    const sliced = createTcInference(model, { microBatchSize: 2 });
    const whole = inference.tcAndGrad(x);
    const parts = sliced.tcAndGrad(x);
    expect(relativeError(parts.tcKelvin, whole.tcKelvin)).toBeLessThan(1e-6);
    expect(relativeError(parts.grad, whole.grad)).toBeLessThan(1e-6);
    const before = tf.memory().numTensors;
    const viaTape = tf.grad((input: tf.Tensor) => sliced.tc(input as tf.Tensor2D).sum())(x);
    expect(relativeError(viaTape, whole.grad)).toBeLessThan(1e-5);
    viaTape.dispose();
    const again = sliced.tcAndGrad(x);
    tf.dispose([again.tcKelvin, again.grad, sliced.predictTc(x)]);
    expect(tf.memory().numTensors).toBe(before);
    sliced.dispose();
  });
});
