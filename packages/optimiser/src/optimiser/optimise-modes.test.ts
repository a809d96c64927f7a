import { screenCandidate, screenOptionsFromSpec } from '@kiago/screening';
import { ELEMENT_COUNT, requireElement } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSpec, tinyModels } from './fixtures/tiny-models.js';
import { optimiseShard } from './optimise-shard.js';
import { OptimisationCancelledError } from './optimiser-errors.js';
import type { ShardModels } from './optimiser-step.js';

describe('optimiseShard modes, cancellation and memory', () => {
  let models: ShardModels & { dispose(): void };
  beforeAll(async () => {
    models = await tinyModels();
  });
  afterAll(() => models.dispose());

  it.each([2, 3])(
    'hydride (k = %i): H ≥ 0.4, at most k elements, every integer form a hydride',
    async (k) => {
      const spec = testSpec({
        bases: ['LaH10'],
        mode: { kind: 'hydride' },
        maxElements: k,
        nUnits: { min: 1, max: 14 },
        candidatesPerShard: 8,
        steps: 12,
      });
      const result = await optimiseShard({ spec, base: 'LaH10', seed: 3, shardIndex: 0, models });
      for (const candidate of result.candidates) {
        expect(candidate.composition.H).toBeGreaterThanOrEqual(0.4 - 1e-6);
        expect(candidate.composition.H).toBeLessThan(1);
        expect(Object.keys(candidate.composition).length).toBeLessThanOrEqual(k);
        expect(candidate.nUnits).toBeLessThanOrEqual(14);
        // Never pure H, never outside 0.4 ≤ x_H < 1, never over 15 atoms (hydride-grid.ts).
        const counts = Object.values(candidate.counts ?? {});
        const atoms = counts.reduce((sum, n) => sum + n, 0);
        const hydrogen = candidate.counts?.H ?? 0;
        expect(hydrogen / atoms).toBeGreaterThanOrEqual(0.4 - 1e-9);
        expect(hydrogen).toBeLessThan(atoms);
        expect(atoms).toBeLessThanOrEqual(15);
      }
    },
  );

  it('substitution: preserved part fixed, substitutes share the oxidation state, the 1 % checks and neutrality pass', async () => {
    const spec = testSpec({
      bases: ['LaFeAsO'],
      mode: { kind: 'substitution', targetElement: 'La', targetOxidationState: 3 },
      candidatesPerShard: 8,
      steps: 12,
    });
    const result = await optimiseShard({ spec, base: 'LaFeAsO', seed: 5, shardIndex: 2, models });
    const options = screenOptionsFromSpec(spec, 'LaFeAsO');
    for (const candidate of result.candidates) {
      for (const symbol of ['Fe', 'As', 'O']) {
        expect(Math.abs(candidate.composition[symbol]! - 0.25), symbol).toBeLessThan(1e-6);
      }
      for (const symbol of Object.keys(candidate.composition).filter((s) => !['Fe', 'As', 'O'].includes(s))) {
        expect(requireElement(symbol).oxidationStates.smact14).toContain(3);
      }
      const counts = new Map(Object.entries(candidate.counts!));
      const flags = screenCandidate({ counts, efEvPerAtom: null }, options);
      expect(flags.substitutionOk, candidate.formula!).toBe(true);
      expect(flags.chargeNeutral, candidate.formula!).toBe(true);
      // the counts fill N* exactly: preserved atoms plus the substituted total
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(candidate.nUnits);
    }
  });

  it('stops between steps when the signal fires, freeing its tensors', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const run = optimiseShard({
      spec: testSpec({ candidatesPerShard: 4, steps: 50 }),
      base: 'LaNiAsO',
      seed: 1,
      shardIndex: 0,
      models,
      signal: controller.signal,
      onProgress: ({ step }) => step === 3 && controller.abort(),
    });
    await expect(run).rejects.toThrow(OptimisationCancelledError);
    await expect(run).rejects.toMatchObject({ completedSteps: 3 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('holds a constant number of tensors over 1,000 steps and frees them all at the end', async () => {
    const before = tf.memory().numTensors;
    const counts: number[] = [];
    const result = await optimiseShard({
      spec: testSpec({ candidatesPerShard: 2, steps: 1000, nUnits: { min: 1, max: 199 } }),
      base: 'LaNiAsO',
      seed: 2,
      shardIndex: 0,
      models,
      onProgress: () => counts.push(tf.memory().numTensors),
    });
    expect(result.steps).toBe(1000);
    // Adam's slots appear at step 1, M_max and its columns at step 501; nothing else accumulates.
    expect(new Set(counts.slice(1, 500)).size).toBe(1);
    expect(new Set(counts.slice(500)).size).toBe(1);
    expect(counts[999]! - counts[1]!).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
    expect(result.continuous.length).toBe(2 * ELEMENT_COUNT);
  }, 120_000);
});
