import { describe, expect, test } from 'vitest';
import { betaAtStep, maskStep } from './beta-schedule.js';
import { campaignSpecSchema } from './campaign-spec-schema.js';
import { nUnitsValues } from './n-units.js';
import { optimisationElements } from './optimisation-elements.js';
import { planShards } from './plan-shards.js';
import { fixedFractionsForBase } from './shard-fixed-fractions.js';

describe('planShards', () => {
  test('one shard per base × seed, bases outer, indices dense', () => {
    const spec = campaignSpecSchema.parse({
      name: 'plan',
      bases: ['MgB2', 'Nb3Sn', 'La2CuO4'],
      seeds: [7, 3],
    });
    expect(planShards(spec)).toEqual([
      { base: 'MgB2', seed: 7, index: 0 },
      { base: 'MgB2', seed: 3, index: 1 },
      { base: 'Nb3Sn', seed: 7, index: 2 },
      { base: 'Nb3Sn', seed: 3, index: 3 },
      { base: 'La2CuO4', seed: 7, index: 4 },
      { base: 'La2CuO4', seed: 3, index: 5 },
    ]);
  });

  test('the plan is the same every time', () => {
    const spec = { bases: ['MgB2', 'Nb3Sn', 'NbN', 'V3Si'], seeds: [0, 1, 2, 3, 4] };
    const plan = planShards(spec);
    expect(plan).toHaveLength(20);
    expect(planShards(spec)).toEqual(plan);
    expect(plan.map((shard) => shard.index)).toEqual([...Array(20).keys()]);
  });
});

describe('betaAtStep', () => {
  const ramp = { kind: 'reference-ramp', max: 1e5 } as const;

  test('reference ramp: 0 before T/2, then 200, 400, … reaching 1e5 at the last step', () => {
    expect(maskStep(1000)).toBe(500);
    expect(betaAtStep(ramp, 0, 1000)).toBe(0);
    expect(betaAtStep(ramp, 499, 1000)).toBe(0);
    expect(betaAtStep(ramp, 500, 1000)).toBe(200);
    expect(betaAtStep(ramp, 501, 1000)).toBe(400);
    expect(betaAtStep(ramp, 999, 1000)).toBe(1e5);
  });

  test('odd T still reaches the maximum at the last step', () => {
    expect(betaAtStep(ramp, 1, 5)).toBe(0);
    expect(betaAtStep(ramp, 4, 5)).toBe(1e5);
  });

  test('constant schedule applies in the second stage only (the paper: β = 1 after T/2)', () => {
    expect(betaAtStep({ kind: 'constant', value: 1 }, 0, 1000)).toBe(0);
    expect(betaAtStep({ kind: 'constant', value: 1 }, 499, 1000)).toBe(0);
    expect(betaAtStep({ kind: 'constant', value: 1 }, 500, 1000)).toBe(1);
    expect(betaAtStep({ kind: 'constant', value: 1 }, 999, 1000)).toBe(1);
  });
});

describe('per-base interpretation', () => {
  const substitution = campaignSpecSchema.parse({
    name: 'sub',
    bases: ['Bi2Sr2CaCu2O8'],
    seeds: [0],
    mode: { kind: 'substitution', targetElement: 'Bi', targetOxidationState: 3 },
  });

  test('substitution fixes the preserved amounts over the base total, like the reference', () => {
    const fixed = fixedFractionsForBase(substitution, 'Bi2Sr2CaCu2O8');
    expect(Object.keys(fixed).sort()).toEqual(['Ca', 'Cu', 'O', 'Sr']);
    expect(fixed.Sr).toBeCloseTo(2 / 15, 12);
    expect(fixed.Ca).toBeCloseTo(1 / 15, 12);
    expect(fixed.O).toBeCloseTo(8 / 15, 12);
  });

  test('substitutes share the target oxidation state and exclude the preserved elements', () => {
    const elements = optimisationElements(substitution, 'Bi2Sr2CaCu2O8');
    expect(elements.has('Bi')).toBe(true);
    expect(elements.has('Y')).toBe(true);
    expect(elements.has('Sr')).toBe(false); // preserved
    expect(elements.has('Mg')).toBe(false); // never +3 in smact14
    expect(elements.has('Rn')).toBe(false); // outside ElemNet
  });

  test('other modes return the spec fixed composition', () => {
    const hydride = campaignSpecSchema.parse({
      name: 'h',
      bases: ['PdH'],
      seeds: [0],
      mode: { kind: 'hydride' },
    });
    expect(fixedFractionsForBase(hydride, 'PdH')).toEqual({ H: 0.4 });
  });

  test('nUnits lists and ranges expand to ascending distinct N', () => {
    expect(nUnitsValues({ min: 3, max: 6 })).toEqual([3, 4, 5, 6]);
    expect(nUnitsValues([8, 2, 8, 4])).toEqual([2, 4, 8]);
  });
});
