import { describe, expect, test } from 'vitest';
import { SpecError } from '../errors.js';
import { parseOrThrow } from '../zod-issues.js';
import { campaignSpecSchema } from './campaign-spec-schema.js';

const MINIMAL = { name: 'unit-test', bases: ['La2CuO4'], seeds: [0] };
const BI2212 = {
  ...MINIMAL,
  bases: ['Bi2Sr2CaCu2O8'],
  mode: { kind: 'substitution', targetElement: 'Bi', targetOxidationState: 3 },
};
const HYDRIDE = { ...MINIMAL, bases: ['PdH'], mode: { kind: 'hydride' } };

function specErrorOf(input: unknown): SpecError {
  try {
    parseOrThrow(campaignSpecSchema, input, 'bad.yaml');
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('spec was accepted');
}

/** [what is wrong, spec, exact zod path, what the message must say] */
const INVALID_SPECS: [string, unknown, string, RegExp][] = [
  ['name with capitals and spaces', { ...MINIMAL, name: 'My Campaign' }, 'name', /lower-case/],
  ['no bases', { ...MINIMAL, bases: [] }, 'bases', /at least one base/],
  ['unparseable base', { ...MINIMAL, bases: ['La2CuO4', 'Bi2Sr2Ca1Cu2O8+d'] }, 'bases.1', /"\+d"|\+/],
  ['non-element symbol in a base', { ...MINIMAL, bases: ['YBa2Cu3O7', 'MgB2', 'D2O'] }, 'bases.2', /"D"/],
  [
    'duplicate base written differently',
    { ...MINIMAL, bases: ['La2CuO4', 'CuLa2O4'] },
    'bases.1',
    /duplicate base/,
  ],
  ['no seeds', { ...MINIMAL, seeds: [] }, 'seeds', /at least one seed/],
  ['negative seed', { ...MINIMAL, seeds: [-1] }, 'seeds.0', /non-negative/],
  ['repeated seed', { ...MINIMAL, seeds: [0, 1, 0] }, 'seeds.2', /duplicate seed 0/],
  [
    'typo in a top-level key',
    { ...MINIMAL, stpes: 100 },
    '',
    /unknown key "stpes" \(did you mean "steps"\?\)/,
  ],
  [
    'typo in a nested key',
    { ...HYDRIDE, mode: { kind: 'hydride', maxAtom: 10 } },
    'mode',
    /"maxAtom".*"maxAtoms"/,
  ],
  ['one step (no T/2)', { ...MINIMAL, steps: 1 }, 'steps', /≥ 2/],
  ['unknown β kind', { ...MINIMAL, beta: { kind: 'cosine' } }, 'beta.kind', /reference-ramp/],
  ['empty nUnits list', { ...MINIMAL, nUnits: [] }, 'nUnits', /at least one N/],
  ['zero in nUnits', { ...MINIMAL, nUnits: [0, 2, 3] }, 'nUnits.0', /positive integer/],
  ['nUnits range upside down', { ...MINIMAL, nUnits: { min: 10, max: 5 } }, 'nUnits.max', /≥ min \(10\)/],
  ['unknown mode', { ...MINIMAL, mode: { kind: 'doping' } }, 'mode.kind', /normal/],
  ['unknown allowed element', { ...MINIMAL, allowedElements: ['Cu', 'Xx'] }, 'allowedElements.1', /"Xx"/],
  [
    'allowed element ElemNet cannot see',
    { ...MINIMAL, allowedElements: ['Rn', 'Cu'] },
    'allowedElements.0',
    /ElemNet/,
  ],
  [
    'element both allowed and excluded',
    { ...MINIMAL, allowedElements: ['Cu', 'O'], excludedElements: ['O'] },
    'excludedElements.0',
    /also in allowedElements/,
  ],
  [
    'every base element excluded',
    { ...MINIMAL, bases: ['MgB2', 'La2CuO4'], excludedElements: ['Mg', 'B'] },
    'bases.0',
    /MgB2/,
  ],
  [
    'fixed fraction of 1',
    { ...MINIMAL, fixedComposition: { Cu: 1 } },
    'fixedComposition.Cu',
    /between 0 and 1/,
  ],
  [
    'fixed fractions summing to 1',
    { ...MINIMAL, fixedComposition: 'Cu0.5O0.5' },
    'fixedComposition',
    /sum to 1/,
  ],
  [
    'fixed element that is excluded',
    { ...MINIMAL, fixedComposition: { Cu: 0.2 }, excludedElements: ['Cu'] },
    'fixedComposition.Cu',
    /excludedElements/,
  ],
  [
    'maxElements no larger than the fixed elements',
    { ...MINIMAL, maxElements: 2, fixedComposition: { Cu: 0.1, O: 0.4 } },
    'maxElements',
    /exceed the 2 fixed/,
  ],
  [
    'random init with more elements than k',
    { ...MINIMAL, maxElements: 4, initialisation: { kind: 'random', elementCount: 5 } },
    'initialisation.elementCount',
    /maxElements \(4\)/,
  ],
  [
    'microBatch larger than the shard',
    { ...MINIMAL, candidatesPerShard: 64, microBatch: 128 },
    'microBatch',
    /candidatesPerShard \(64\)/,
  ],
  ['model version with spaces', { ...MINIMAL, models: { tc: 'my model' } }, 'models.tc', /latest/],
  ['one-member Tc ensemble', { ...MINIMAL, models: { tcEnsemble: ['a'] } }, 'models.tcEnsemble', /2 members/],
  [
    'Tc ensemble naming "latest"',
    { ...MINIMAL, models: { tcEnsemble: ['latest', 'b'] } },
    'models.tcEnsemble.0',
    /registered version/,
  ],
  [
    'Tc ensemble listing a version twice',
    { ...MINIMAL, models: { tcEnsemble: ['a', 'b', 'a'] } },
    'models.tcEnsemble',
    /twice/,
  ],
  [
    'substitution target missing from a base',
    { ...BI2212, bases: ['Bi2Sr2CaCu2O8', 'YBa2Cu3O7'] },
    'bases.1',
    /target element Bi/,
  ],
  [
    'substitution state the target never takes',
    { ...BI2212, mode: { ...BI2212.mode, targetOxidationState: 2 } },
    'mode.targetOxidationState',
    /not an oxidation state of Bi in smact14/,
  ],
  [
    'substitution state valid only in the other list',
    {
      ...BI2212,
      mode: { ...BI2212.mode, targetOxidationState: 7 },
      screening: { oxidationStates: 'icsd24' },
    },
    'mode.targetOxidationState',
    /icsd24/,
  ],
  [
    'preserved element absent from the base',
    { ...BI2212, mode: { ...BI2212.mode, preserved: 'Sr2CaCu2O8Pb' } },
    'bases.0',
    /preserved element\(s\) Pb/,
  ],
  [
    'target element also preserved',
    { ...BI2212, mode: { ...BI2212.mode, preserved: { Bi: 1, Sr: 2 } } },
    'mode.preserved.Bi',
    /target element/,
  ],
  [
    'fixedComposition in substitution mode',
    { ...BI2212, fixedComposition: { O: 0.5 } },
    'fixedComposition',
    /mode\.preserved/,
  ],
  [
    'no substitute left for the target',
    { ...BI2212, allowedElements: ['Ca', 'Cu', 'O', 'Sr', 'Mg'] },
    'mode.targetOxidationState',
    /no allowed ElemNet element/,
  ],
  [
    'hydride with too little fixed hydrogen',
    { ...HYDRIDE, fixedComposition: { H: 0.3 } },
    'fixedComposition.H',
    /minHydrogenFraction \(0\.4\)/,
  ],
  [
    'hydride without fixed hydrogen',
    { ...HYDRIDE, fixedComposition: { Pd: 0.3 } },
    'fixedComposition',
    /must fix H/,
  ],
  [
    'hydride allowing 4 elements in screening',
    { ...HYDRIDE, mode: { kind: 'hydride', maxElements: 4 } },
    'mode.maxElements',
    /2 or 3/,
  ],
  [
    'hydride mask keeping more than mode.maxElements',
    { ...HYDRIDE, maxElements: 4 },
    'maxElements',
    /mode\.maxElements \(3\)/,
  ],
  ['hydride N beyond maxAtoms', { ...HYDRIDE, nUnits: { min: 1, max: 20 } }, 'nUnits', /maxAtoms \(15\)/],
];

describe('campaignSpecSchema rejects', () => {
  test.each(INVALID_SPECS)('%s', (_what, spec, path, messagePart) => {
    const error = specErrorOf(spec);
    const issue = error.issues.find((candidate) => candidate.path === path);
    expect(issue, `no issue at "${path}" in: ${error.message}`).toBeDefined();
    expect(issue?.message).toMatch(messagePart);
    expect(error.message.startsWith('bad.yaml: ')).toBe(true);
    if (path !== '') expect(error.message).toContain(`${path}: `);
  });

  test('the base variants of the cases above are valid, so each case fails for its own reason', () => {
    for (const spec of [MINIMAL, BI2212, HYDRIDE])
      expect(campaignSpecSchema.safeParse(spec).success).toBe(true);
  });

  test('every bad field is reported at once', () => {
    const error = specErrorOf({ ...MINIMAL, name: 'Bad Name', seeds: [-1], steps: 0, learningRate: -1 });
    expect(error.issues.map((issue) => issue.path).sort()).toEqual([
      'learningRate',
      'name',
      'seeds.0',
      'steps',
    ]);
  });
});
