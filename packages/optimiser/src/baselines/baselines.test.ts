import { screenCandidate, screenOptionsFromSpec } from '@kiago/screening';
import { ELEMENT_COUNT, requireElement } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSpec, tinyModels } from '../optimiser/fixtures/tiny-models.js';
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

  it('C-ES in normal mode swaps one metal for elements sharing one of its oxidation states', async () => {
    const spec = testSpec({ bases: ['MgB2'], candidatesPerShard: 30 });
    const result = await runShardMethod(
      { kind: 'c-es' },
      { spec, base: 'MgB2', seed: 2, shardIndex: 0, models },
    );
    for (const candidate of result.candidates) {
      const counts = candidate.counts!;
      // Mg is the only metal: B stays, its cell multiple is twice the substituted atoms.
      const substituted = Object.entries(counts).filter(([symbol]) => symbol !== 'B');
      expect(substituted.reduce((sum, [, count]) => sum + count, 0) * 2).toBe(counts.B);
      const states = substituted.map(([symbol]) => requireElement(symbol).oxidationStates.smact14);
      expect(
        requireElement('Mg').oxidationStates.smact14.some((state) => states.every((s) => s.includes(state))),
      ).toBe(true);
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
});
