import { screenCandidate, screenOptionsFromSpec } from '@kiago/screening';
import { ELEMENT_COUNT, requireElement } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSpec, tinyModels } from '../optimiser/fixtures/tiny-models.js';
import { optimiseShard } from '../optimiser/optimise-shard.js';
import type { ShardModels } from '../optimiser/optimiser-step.js';
import { SubstitutionBaselineError } from './baseline-errors.js';
import { roundShardByRule } from './rule-based-rounding.js';
import { runShardMethod } from './shard-methods.js';

describe('baselines behind runShardMethod', () => {
  let models: ShardModels & { dispose(): void };
  beforeAll(async () => {
    models = await tinyModels();
  });
  afterAll(() => models.dispose());

  it('C-ES in substitution mode keeps the preserved part and passes the substitution and neutrality checks', async () => {
    const spec = testSpec({
      bases: ['LaFeAsO'],
      mode: { kind: 'substitution', targetElement: 'La', targetOxidationState: 3 },
      candidatesPerShard: 40,
    });
    const input = { spec, base: 'LaFeAsO', seed: 1, shardIndex: 0, models };
    const result = await runShardMethod({ kind: 'c-es' }, input);
    expect(result.method).toBe('c-es');
    const options = screenOptionsFromSpec(spec, 'LaFeAsO');
    for (const candidate of result.candidates) {
      const flags = screenCandidate(
        { counts: new Map(Object.entries(candidate.counts!)), efEvPerAtom: null },
        options,
      );
      expect(flags.substitutionOk && flags.chargeNeutral, candidate.formula!).toBe(true);
      expect(candidate.tcKelvin).toBeCloseTo(candidate.tcContinuousKelvin, 4);
    }
    expect(new Set(result.candidates.map((c) => c.formula)).size).toBeGreaterThan(10);
    expect((await runShardMethod({ kind: 'c-es' }, input)).candidates).toEqual(result.candidates);
  });

  it('C-ES in normal mode swaps one metal for elements sharing one of its common oxidation states', async () => {
    const spec = testSpec({ bases: ['MgB2'], candidatesPerShard: 60 });
    const result = await runShardMethod(
      { kind: 'c-es' },
      { spec, base: 'MgB2', seed: 2, shardIndex: 0, models },
    );
    const seen = new Set<string>();
    for (const candidate of result.candidates) {
      const counts = candidate.counts!;
      // Mg is the only metal: B stays, its cell multiple is twice the substituted atoms.
      const substituted = Object.entries(counts).filter(([symbol]) => symbol !== 'B');
      expect(substituted.reduce((sum, [, count]) => sum + count, 0) * 2).toBe(counts.B);
      // Mg's only common state is +2 (pymatgen); every substitute has +2 among its common states.
      for (const [symbol] of substituted) {
        seen.add(symbol);
        expect(requireElement(symbol).oxidationStates.pymatgenCommon, symbol).toContain(2);
      }
    }
    // Al has +2 in smact14 but not among its common states: never drawn.
    expect(requireElement('Al').oxidationStates.smact14).toContain(2);
    expect(seen.has('Al')).toBe(false);
    expect(seen.size).toBeGreaterThan(5);
  });

  it('C-ES in hydride mode keeps to KIAGO’s element limit k (binaries at k = 2)', async () => {
    const spec = testSpec({
      bases: ['LaH10'],
      candidatesPerShard: 40,
      maxElements: 2,
      nUnits: { min: 1, max: 14 },
      mode: { kind: 'hydride', minHydrogenFraction: 0.4, maxAtoms: 15, maxElements: 3 },
      fixedComposition: { H: 0.4 },
    });
    const result = await runShardMethod(
      { kind: 'c-es' },
      { spec, base: 'LaH10', seed: 3, shardIndex: 0, models },
    );
    for (const candidate of result.candidates) {
      expect(Object.keys(candidate.counts!), candidate.formula!).toHaveLength(2);
      expect(Object.values(candidate.counts!).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(14);
    }
  });

  it('C-ES reports a base it cannot substitute within the limits', async () => {
    const spec = testSpec({ bases: ['Bi2Sr2CaCu1.98Fe0.02O8'], allowedElements: ['Cu', 'Fe', 'O'] });
    await expect(
      runShardMethod(
        { kind: 'c-es' },
        { spec, base: 'Bi2Sr2CaCu1.98Fe0.02O8', seed: 1, shardIndex: 0, models },
      ),
    ).rejects.toThrow(SubstitutionBaselineError);
  });

  it('rule-based rounding optimises without the integer loss and rounds x·maxAtoms', async () => {
    const spec = testSpec({ candidatesPerShard: 4, steps: 6 });
    const input = { spec, base: 'LaNiAsO', seed: 1, shardIndex: 0, models };
    const rounded = await runShardMethod({ kind: 'rule-based-rounding', maxAtoms: 15 }, input);
    for (const [slot, candidate] of rounded.candidates.entries()) {
      expect(candidate.nUnits).toBe(15);
      const x = rounded.continuous.subarray(slot * ELEMENT_COUNT, (slot + 1) * ELEMENT_COUNT);
      for (const [symbol, count] of Object.entries(candidate.counts!)) {
        expect(Math.abs(count - x[requireElement(symbol).z - 1]! * 15)).toBeLessThanOrEqual(0.5);
      }
    }
    // the same continuous result re-rounded at 25 atoms without optimising again
    const again = roundShardByRule(rounded, 25, models);
    expect(again.continuous).toBe(rounded.continuous);
    expect(again.candidates.every((c) => c.nUnits === 25)).toBe(true);
  });

  it('the random-initialisation variant starts from spec.maxElements random elements', async () => {
    const spec = testSpec({ candidatesPerShard: 4, steps: 4, maxElements: 3 });
    const result = await runShardMethod(
      { kind: 'kiago-random-init' },
      { spec, base: 'LaNiAsO', seed: 1, shardIndex: 0, models },
    );
    expect(result.method).toBe('kiago-random-init');
    for (const candidate of result.candidates)
      expect(Object.keys(candidate.composition).length).toBeLessThanOrEqual(3);
  });

  it('the first stage ends at T/2: a full run records there what a run stopped at T/2 ends on', async () => {
    const spec = testSpec({ candidatesPerShard: 4, steps: 8 });
    const input = { spec, base: 'LaNiAsO', seed: 5, shardIndex: 0, models };
    const full = await runShardMethod({ kind: 'kiago' }, input);
    const firstOnly = await runShardMethod(
      { kind: 'random-init-first-stage', elementCount: 4, learningRate: 0.001 },
      input,
    );
    expect(firstOnly.steps).toBe(4);
    expect(firstOnly.firstStageContinuous).toEqual(firstOnly.continuous);
    for (const candidate of firstOnly.candidates)
      expect(Object.keys(candidate.composition).length).toBeLessThanOrEqual(4);
    // The same optimiser stopped at T/2 (KIAGO's own settings) reproduces the full run's snapshot.
    const halted = await optimiseShard({ ...input, stopAfterFirstStage: true });
    expect(halted.continuous).toEqual(full.firstStageContinuous);
    expect(full.continuous).not.toEqual(full.firstStageContinuous);
    // Rule rounding from the first stage rounds exactly that matrix.
    const rule = roundShardByRule(full, 15, models, { from: 'first-stage' });
    expect(rule.continuous).toBe(full.firstStageContinuous);
    expect(rule.candidates.every((c) => c.nUnits === 15)).toBe(true);
  });
});
