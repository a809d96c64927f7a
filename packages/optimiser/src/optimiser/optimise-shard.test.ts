import { ELEMENT_COUNT, ELEMENTS, nUnitsValues, requireElement } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSpec, tinyModels } from './fixtures/tiny-models.js';
import { bestNUnits, roundHalfEven } from './integer-grid.js';
import { optimiseShard } from './optimise-shard.js';
import type { ShardModels } from './optimiser-step.js';
import type { OptimiserProgress, ShardResult } from './shard-result.js';

const ALLOWED = ['Li', 'B', 'C', 'Mg', 'Ca', 'Fe', 'Ni', 'Cu', 'As', 'Sr', 'Y', 'Ba', 'La'];
const rows = (result: ShardResult) =>
  result.candidates.map((_, r) => result.continuous.subarray(r * ELEMENT_COUNT, (r + 1) * ELEMENT_COUNT));

describe('optimiseShard (normal mode, tiny seeded models)', () => {
  let models: ShardModels & { dispose(): void };
  const spec = testSpec({
    allowedElements: ALLOWED,
    fixedComposition: { O: 0.25 },
    maxElements: 4,
    candidatesPerShard: 8,
    steps: 16,
  });
  let result: ShardResult;
  const progress: OptimiserProgress[] = [];

  beforeAll(async () => {
    models = await tinyModels();
    result = await optimiseShard({
      spec,
      base: 'LaNiAsO',
      seed: 1,
      shardIndex: 0,
      models,
      onProgress: (p) => progress.push(p),
    });
  });
  afterAll(() => models.dispose());

  it('keeps compositions on the simplex, the fixed part exact, masked elements out, ≤ k elements', () => {
    const allowed = new Set([...ALLOWED, 'O']);
    for (const [slot, x] of rows(result).entries()) {
      expect(x.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      expect(Math.abs(x[requireElement('O').z - 1]! - 0.25)).toBeLessThan(1e-6);
      const present = Object.keys(result.candidates[slot]!.composition);
      for (const symbol of present) expect(allowed.has(symbol), symbol).toBe(true);
      expect(present.length).toBeLessThanOrEqual(4);
    }
  });

  it('returns N*, integer counts round(x·N*) and predictions on the rounded composition', () => {
    const nSet = nUnitsValues(spec.nUnits);
    const rounded = new Float32Array(result.candidates.length * ELEMENT_COUNT);
    for (const [slot, x] of rows(result).entries()) {
      const candidate = result.candidates[slot]!;
      expect(candidate.nUnits).toBe(bestNUnits(x, nSet));
      const expected = Object.fromEntries(
        [...x.keys()].flatMap((e) => {
          const count = roundHalfEven(x[e]! * candidate.nUnits!);
          return count > 0 ? [[ELEMENTS[e]!.symbol, count]] : [];
        }),
      );
      expect(candidate.counts).toEqual(expected);
      const atoms = Object.values(expected).reduce((a, b) => a + b, 0);
      for (const [symbol, count] of Object.entries(expected))
        rounded[slot * ELEMENT_COUNT + requireElement(symbol).z - 1] = count / atoms;
    }
    const tc = models.tc
      .predictTc(tf.tensor2d(rounded, [result.candidates.length, ELEMENT_COUNT]))
      .dataSync();
    for (const [slot, candidate] of result.candidates.entries())
      expect(candidate.tcKelvin).toBeCloseTo(tc[slot]!, 3);
    expect(
      result.candidates.every(
        (c) => Number.isFinite(c.tcContinuousKelvin) && Number.isFinite(c.efContinuousEvPerAtom),
      ),
    ).toBe(true);
  });

  it('reports progress after every step and a trajectory ending at the last step', () => {
    expect(progress.map((p) => p.step)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(progress.every((p) => Number.isFinite(p.bestTcKelvin) && p.bestTcKelvin >= p.meanTcKelvin)).toBe(
      true,
    );
    expect(result.trajectory.step.at(-1)).toBe(16);
    expect(result.nanLossCount).toBe(0);
  });

  it('is reproducible for a seed and shard, and micro-batching does not change the result', async () => {
    const run = (shardIndex: number, microBatch?: number) =>
      optimiseShard({
        spec,
        base: 'LaNiAsO',
        seed: 1,
        shardIndex,
        models,
        steps: 6,
        candidates: 5,
        microBatch,
      });
    const first = await run(0);
    const again = await run(0);
    expect(again.continuous).toEqual(first.continuous);
    expect(again.candidates).toEqual(first.candidates);
    expect((await run(1)).continuous).not.toEqual(first.continuous);
    const split = await run(0, 2);
    const worst = split.continuous.reduce(
      (max, v, i) => Math.max(max, Math.abs(v - first.continuous[i]!)),
      0,
    );
    expect(worst).toBeLessThan(1e-4);
  });
});
