import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomiseBatchNorms, seedWeights } from '../fixtures/model-fixtures.js';
import { createTcInference, type TcInference } from '../inference/inference.js';
import { buildTcModel } from '../models/tc-model.js';
import { selectTfBackend } from '../tf/backend.js';
import { testTfBackendChoice } from '../tf/fixtures/test-backend.js';
import type { ShardCandidate } from './shard-result.js';
import { predictTcEnsemble } from './tc-ensemble.js';

const candidate = (slot: number, counts: Record<string, number> | null): ShardCandidate => ({
  slot,
  composition: {},
  tcContinuousKelvin: 0,
  efContinuousEvPerAtom: 0,
  nUnits: counts ? 1 : null,
  counts,
  formula: counts ? 'x' : null,
  tcKelvin: null,
  efEvPerAtom: null,
});

describe('Tc ensemble re-prediction on real tiny models', () => {
  const members: TcInference[] = [];
  const models: tf.LayersModel[] = [];

  beforeAll(async () => {
    await selectTfBackend(testTfBackendChoice(), () => undefined);
    for (const seed of [1, 2, 3]) {
      const model = buildTcModel({ width: 1 / 16 });
      seedWeights(model, 20 + seed);
      randomiseBatchNorms(model, 10 + seed);
      const head = model.getLayer('tc_head');
      head.setWeights([head.getWeights()[0] as tf.Tensor, tf.tensor1d([5])]);
      models.push(model);
      members.push(createTcInference(model));
    }
  });
  afterAll(() => {
    for (const member of members) member.dispose();
    for (const model of models) model.dispose();
  });

  it('gives each integer formula the mean and sample sd of the members, skipping failed candidates', () => {
    const candidates = [
      candidate(0, { La: 2, Cu: 1, O: 4 }),
      candidate(1, null),
      candidate(2, { Mg: 1, B: 2 }),
    ];
    const stats = predictTcEnsemble(members, candidates, 2);
    expect(stats.map((stat) => stat.slot)).toEqual([0, 2]);
    // By hand from each member alone: MgB2 = fractions 1/3 Mg, 2/3 B.
    const mgb2 = tf.tidy(() => {
      const x = tf.buffer([1, 118]);
      x.set(1 / 3, 0, 11);
      x.set(2 / 3, 0, 4);
      return members.map((member) => member.predictTc(x.toTensor() as tf.Tensor2D).dataSync()[0]!);
    });
    const mean = mgb2.reduce((a, b) => a + b, 0) / 3;
    const sd = Math.sqrt(mgb2.reduce((sum, tc) => sum + (tc - mean) ** 2, 0) / 2);
    expect(stats[1]!.meanKelvin).toBeCloseTo(mean, 4);
    expect(stats[1]!.sdKelvin).toBeCloseTo(sd, 4);
    expect(stats[1]!.sdKelvin).toBeGreaterThan(0);
    expect(stats[1]!.members).toBe(3);
  });

  it('refuses an ensemble of one', () => {
    expect(() => predictTcEnsemble(members.slice(0, 1), [], 8)).toThrow(/≥ 2 members/);
  });
});
