import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SpecError } from '../errors.js';
import { loadCampaignSpec, MAX_SPEC_BYTES, parseCampaignSpec } from './load-campaign-spec.js';

const YAML_SPEC = `
name: equivalence
bases:
  - Bi2Sr2CaCu2O8
  - Bi2Sr2CuO6
seeds: [0, 1]
steps: 200
mode:
  kind: substitution
  targetElement: Bi
  targetOxidationState: 3
screening: { oxidationStates: icsd24, maxEhullEvPerAtom: 0.1 }
`;

const JSON_SPEC = JSON.stringify({
  name: 'equivalence',
  bases: ['Bi2Sr2CaCu2O8', 'Bi2Sr2CuO6'],
  seeds: [0, 1],
  steps: 200,
  mode: { kind: 'substitution', targetElement: 'Bi', targetOxidationState: 3 },
  screening: { oxidationStates: 'icsd24', maxEhullEvPerAtom: 0.1 },
});

function specErrorOf(run: () => unknown): SpecError {
  try {
    run();
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('spec was accepted');
}

describe('parseCampaignSpec', () => {
  test('YAML and JSON go through the same schema to the same spec', () => {
    const fromYaml = parseCampaignSpec(YAML_SPEC, 'a.yaml');
    const fromJson = parseCampaignSpec(JSON_SPEC, 'a.json');
    expect(fromJson).toStrictEqual(fromYaml);
    expect(fromYaml.screening).toEqual({
      oxidationStates: 'icsd24',
      maxEhullEvPerAtom: 0.1,
      requireNegativeEf: true,
    });
    // The explicit format wins over the name; JSON is also valid YAML.
    expect(parseCampaignSpec(JSON_SPEC, 'stdin', 'json')).toStrictEqual(fromYaml);
    expect(parseCampaignSpec(JSON_SPEC, 'stdin.yaml')).toStrictEqual(fromYaml);
  });

  test('the same mistake is reported at the same path from YAML and JSON', () => {
    const yamlError = specErrorOf(() =>
      parseCampaignSpec(YAML_SPEC.replace('steps: 200', 'stpes: 200'), 'a.yaml'),
    );
    const jsonError = specErrorOf(() => parseCampaignSpec(JSON_SPEC.replace('"steps"', '"stpes"'), 'a.json'));
    expect(yamlError.message).toBe('a.yaml: unknown key "stpes" (did you mean "steps"?)');
    expect(jsonError.issues).toEqual(yamlError.issues);
  });

  test('YAML syntax errors name the file, line and column', () => {
    const error = specErrorOf(() =>
      parseCampaignSpec('name: demo\nbases: [MgB2\nseeds: [0]\n', 'broken.yaml'),
    );
    expect(error.message).toMatch(/^broken\.yaml: YAML syntax error at line \d+, column \d+/);
  });

  test('a bad indentation is located on its line', () => {
    const text = 'name: demo\nbases:\n  - MgB2\n seeds: [0]\n';
    const error = specErrorOf(() => parseCampaignSpec(text, 'indent.yaml'));
    expect(error.message).toMatch(/line 4, column \d+/);
  });

  test('a repeated key is an error, not a silent override', () => {
    const error = specErrorOf(() =>
      parseCampaignSpec('name: a\nname: b\nbases: [MgB2]\nseeds: [0]\n', 'dup.yaml'),
    );
    expect(error.message).toMatch(/dup\.yaml: YAML syntax error at line 2, column 1: .*unique/i);
  });

  test('a YAML alias bomb is a SpecError, not a crash', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(', ')}]`,
      );
    }
    const bomb = `${levels.join('\n')}\nname: bomb\nbases: [MgB2]\nseeds: [0]\n`;
    const error = specErrorOf(() => parseCampaignSpec(bomb, 'bomb.yaml'));
    expect(error.message).toMatch(/^bomb\.yaml: YAML refused: .*alias/i);
  });

  test('a spec larger than MAX_SPEC_BYTES is refused before it is parsed', () => {
    const text = `name: big\nbases: [MgB2]\nseeds: [0]\n#${'x'.repeat(MAX_SPEC_BYTES)}\n`;
    const error = specErrorOf(() => parseCampaignSpec(text, 'big.yaml'));
    expect(error.message).toMatch(/^big\.yaml: the spec is \d+ bytes; at most 4194304 are read/);
  });

  test('JSON syntax errors name the file', () => {
    const error = specErrorOf(() => parseCampaignSpec('{"name": "demo",', 'broken.json'));
    expect(error.message).toMatch(/^broken\.json: JSON syntax error/);
  });

  test('a document that is not a mapping is rejected', () => {
    const error = specErrorOf(() => parseCampaignSpec('- MgB2\n', 'list.yaml'));
    expect(error.message).toBe(
      'list.yaml: a campaign spec must be a mapping with at least name, bases and seeds',
    );
  });
});

describe('loadCampaignSpec', () => {
  test('reads YAML and JSON files by extension', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kiago-spec-'));
    await writeFile(join(dir, 'spec.yml'), YAML_SPEC);
    await writeFile(join(dir, 'spec.json'), JSON_SPEC);
    const fromYaml = await loadCampaignSpec(join(dir, 'spec.yml'));
    expect(await loadCampaignSpec(join(dir, 'spec.json'))).toStrictEqual(fromYaml);
    expect(fromYaml.name).toBe('equivalence');
  });

  test('field errors name the file path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kiago-spec-'));
    const path = join(dir, 'bad.yaml');
    await writeFile(path, 'name: demo\nbases: [MgB2, Xy2O]\nseeds: [0]\n');
    await expect(loadCampaignSpec(path)).rejects.toThrow(`${path}: bases.1: invalid formula "Xy2O"`);
  });

  test('a missing file is a SpecError naming it', async () => {
    const path = join(tmpdir(), 'kiago-no-such-spec.yaml');
    await expect(loadCampaignSpec(path)).rejects.toBeInstanceOf(SpecError);
    await expect(loadCampaignSpec(path)).rejects.toThrow(`${path}: cannot read the spec file`);
  });
});
