import { ELEMENT_COUNT, ELEMNET_INDICES, ELEMNET_SYMBOLS } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  centralDifference,
  relativeError,
  seedWeights,
  testCompositions,
} from '../fixtures/model-fixtures.js';
import {
  ELEMENTAL_CORRECTION_EXPONENT,
  elementalReferenceEnergies,
  elemNetElementalOffsets,
} from '../models/elemental-correction.js';
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

  it('predicts from the 118-vector what the layers model predicts, less Σ x_i^k·Ef(element i)', () => {
    const ef = inference.predictEf(x);
    expect(ef.shape).toEqual([BATCH]);
    const raw = (model.predict(x86) as tf.Tensor).reshape([BATCH]);
    const correction = elementalReferenceEnergies(
      x86.dataSync() as Float32Array,
      elemNetElementalOffsets(model),
    );
    expect(relativeError(ef, raw.sub(tf.tensor1d(correction)))).toBeLessThan(1e-4);
  });

  it('predicts 0 eV/atom for every pure element; a compound near one keeps most of the offset', () => {
    const pure = tf
      .oneHot(tf.tensor1d([...ELEMNET_INDICES], 'int32'), ELEMENT_COUNT)
      .toFloat() as tf.Tensor2D;
    const ef = inference.predictEf(pure).dataSync();
    expect(ef).toHaveLength(ELEMNET_INDICES.length);
    expect(Math.max(...ef.map(Math.abs))).toBeLessThan(1e-5);
    // This random net's raw elemental values are far from 0: the zeros above are the correction's.
    const offsets = elemNetElementalOffsets(model);
    expect(Math.max(...Object.values(offsets).map(Math.abs))).toBeGreaterThan(1e-2);
    // Cu0.9O0.1 by hand: the correction is 0.9^k·E(Cu) + 0.1^k·E(O).
    const cuO = new Float32Array(ELEMNET_SYMBOLS.length);
    cuO[ELEMNET_SYMBOLS.indexOf('Cu')] = 0.9;
    cuO[ELEMNET_SYMBOLS.indexOf('O')] = 0.1;
    const k = ELEMENTAL_CORRECTION_EXPONENT;
    expect(elementalReferenceEnergies(cuO, offsets)[0]).toBeCloseTo(
      0.9 ** k * offsets.Cu! + 0.1 ** k * offsets.O!,
      6,
    );
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

  it('differentiates the correction too: ∂Ef/∂x near a pure element matches finite differences', () => {
    const near = new Float32Array(ELEMENT_COUNT);
    near[ELEMNET_INDICES[30]!] = 0.9;
    near[ELEMNET_INDICES[5]!] = 0.1;
    const input = tf.tensor2d(near, [1, ELEMENT_COUNT]);
    const grad = inference.efAndGrad(input).grad.arraySync()[0] ?? [];
    for (const element of [ELEMNET_INDICES[30]!, ELEMNET_INDICES[5]!]) {
      const numeric = centralDifference((v) => inference.predictEf(v), input, 0, element, 1e-3);
      expect(Math.abs((grad[element] ?? Number.NaN) - numeric), `element index ${element}`).toBeLessThan(
        2e-2 * Math.max(1, Math.abs(numeric)),
      );
    }
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
