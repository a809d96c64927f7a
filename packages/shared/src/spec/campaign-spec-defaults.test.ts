import { describe, expect, test } from 'vitest';
import { type CampaignSpecInput, campaignSpecSchema } from './campaign-spec-schema.js';
import { optimisableElements } from './optimisation-elements.js';
import { DEFAULT_PRESET } from './presets.js';

const MINIMAL = { name: 'defaults', bases: ['La2CuO4'], seeds: [0] } satisfies CampaignSpecInput;

function parse(input: CampaignSpecInput) {
  return campaignSpecSchema.parse(input);
}

describe('campaignSpecSchema defaults', () => {
  test('the reference preset takes the reference implementation values', () => {
    expect(parse({ ...MINIMAL, preset: 'reference' })).toEqual({
      name: 'defaults',
      preset: 'reference',
      bases: ['La2CuO4'],
      seeds: [0],
      candidatesPerShard: 4096,
      steps: 1000,
      learningRate: 0.03,
      alpha: 4,
      beta: { kind: 'reference-ramp', max: 1e5 },
      maxElements: 8,
      nUnits: { min: 1, max: 199 },
      mode: { kind: 'normal' },
      elements: 'reference',
      excludedElements: [],
      fixedComposition: {},
      initialisation: { kind: 'base', mutateProb: 0.29, perturbVal: 0.03, perturbProb: 0.22 },
      screening: { oxidationStates: 'smact14', requireNegativeEf: true },
      models: { tc: 'latest', ef: 'latest', tcEnsemble: [] },
      nightly: false,
      maxParallelShards: 8,
      shardRetryRounds: 2,
    });
  });

  test('the paper preset takes the paper text: Nset {1..25}, k = 10, β = 1, supported elements', () => {
    const spec = parse({ ...MINIMAL, preset: 'paper' });
    expect([spec.nUnits, spec.maxElements, spec.beta, spec.elements]).toEqual([
      { min: 1, max: 25 },
      10,
      { kind: 'constant', value: 1 },
      'supported',
    ]);
    // "binary or ternary" hydrides: k = 3 with hydrogen.
    expect(
      parse({ ...MINIMAL, preset: 'paper', bases: ['PdH'], mode: { kind: 'hydride' } }).maxElements,
    ).toBe(3);
  });

  test('without a preset the measured default applies, and one field switches the element set', () => {
    const spec = parse(MINIMAL);
    expect(spec.preset).toBe(DEFAULT_PRESET);
    expect(spec.elements).toBe('supported');
    expect(optimisableElements(spec).has('Xe')).toBe(false);
    expect(optimisableElements(spec).size).toBe(76);
    const reference = parse({ ...MINIMAL, elements: 'reference' });
    expect(optimisableElements(reference).has('Xe')).toBe(true);
    expect(optimisableElements(reference).size).toBe(86);
    // Explicit lists still work on top of the set.
    expect(optimisableElements(parse({ ...MINIMAL, excludedElements: ['Hg'] })).has('Hg')).toBe(false);
    expect([...optimisableElements(parse({ ...MINIMAL, allowedElements: ['U', 'Cu', 'O'] }))]).toEqual([
      'O',
      'Cu',
      'U',
    ]);
  });

  test('hydride mode switches lr, k, Nset, initialisation and fixes hydrogen', () => {
    const spec = parse({ ...MINIMAL, preset: 'reference', bases: ['PdH'], mode: { kind: 'hydride' } });
    expect(spec.mode).toEqual({ kind: 'hydride', minHydrogenFraction: 0.4, maxAtoms: 15, maxElements: 3 });
    expect(spec.learningRate).toBe(0.04);
    expect(spec.maxElements).toBe(2);
    expect(spec.nUnits).toEqual({ min: 1, max: 14 });
    expect(spec.initialisation).toEqual({
      kind: 'base',
      mutateProb: 0.35,
      perturbVal: 0.49,
      perturbProb: 0.03,
    });
    expect(spec.fixedComposition).toEqual({ H: 0.4 });
  });

  test('hydride defaults follow its own limits', () => {
    const spec = parse({
      ...MINIMAL,
      bases: ['LaH10'],
      mode: { kind: 'hydride', minHydrogenFraction: 0.6, maxAtoms: 10 },
      initialisation: { kind: 'base', perturbVal: 0.1 },
    });
    expect(spec.fixedComposition).toEqual({ H: 0.6 });
    expect(spec.nUnits).toEqual({ min: 1, max: 9 });
    // Only the field written is overridden; the rest keep the hydride values.
    expect(spec.initialisation).toEqual({
      kind: 'base',
      mutateProb: 0.35,
      perturbVal: 0.1,
      perturbProb: 0.03,
    });
  });

  test('substitution mode starts uniform and has no integer loss', () => {
    const spec = parse({
      ...MINIMAL,
      bases: ['Bi2Sr2CaCu2O8'],
      mode: { kind: 'substitution', targetElement: 'Bi', targetOxidationState: 3 },
    });
    expect(spec.beta).toEqual({ kind: 'constant', value: 0 });
    expect(spec.initialisation).toEqual({ kind: 'uniform' });
    expect(spec.learningRate).toBe(0.03);
  });

  test('explicit values win over mode defaults', () => {
    const spec = parse({
      ...MINIMAL,
      bases: ['PdH'],
      mode: { kind: 'hydride' },
      learningRate: 0.01,
      maxElements: 3,
      nUnits: [2, 4, 8],
      beta: { kind: 'constant', value: 1 },
    });
    expect([spec.learningRate, spec.maxElements, spec.nUnits, spec.beta]).toEqual([
      0.01,
      3,
      [2, 4, 8],
      { kind: 'constant', value: 1 },
    ]);
  });

  test('random initialisation defaults to k elements; the ramp defaults to 1e5', () => {
    const spec = parse({
      ...MINIMAL,
      maxElements: 5,
      initialisation: { kind: 'random' },
      beta: { kind: 'reference-ramp' },
    });
    expect(spec.initialisation).toEqual({ kind: 'random', elementCount: 5 });
    expect(spec.beta).toEqual({ kind: 'reference-ramp', max: 1e5 });
  });

  test('fixedComposition reads a formula literally, as fractions', () => {
    expect(parse({ ...MINIMAL, fixedComposition: 'Cu0.1O0.4' }).fixedComposition).toEqual({
      Cu: 0.1,
      O: 0.4,
    });
  });

  test('the output is JSON that parses back to itself', () => {
    const inputs: CampaignSpecInput[] = [
      MINIMAL,
      {
        ...MINIMAL,
        bases: ['PdH'],
        mode: { kind: 'hydride' },
        microBatch: 512,
        allowedElements: ['Pd', 'Pt', 'H'],
      },
      {
        ...MINIMAL,
        bases: ['Bi2Sr2CaCu2O8'],
        mode: { kind: 'substitution', targetElement: 'Bi', targetOxidationState: 3, preserved: 'Sr2CaCu2O8' },
      },
    ];
    for (const input of inputs) {
      const spec = parse(input);
      const roundTripped = JSON.parse(JSON.stringify(spec));
      expect(roundTripped).toStrictEqual(spec);
      expect(parse(roundTripped)).toStrictEqual(spec);
    }
  });
});
