import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '@kiago/datasets';
import {
  ATOM_MAP_ID,
  buildElemNet,
  buildTcModel,
  elementListHash,
  MANIFEST_FORMAT,
  type ModelManifest,
  saveModelArtifact,
  tfBackendChoiceSchema,
} from '@kiago/optimiser';
import { ELEMENTS, ELEMNET_SYMBOLS, loadCampaignSpec, planShards, SpecError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKiago } from './fixtures/run-kiago.js';
import { registerOptimiseCommand } from './optimise.js';

// CI pins the backend through KIAGO_TF_BACKEND; the CLI takes it as --backend.
const backend = tfBackendChoiceSchema.parse(process.env.KIAGO_TF_BACKEND);
const demoSpec = join(findRepoRoot(), 'examples', 'demo.yaml');

const run = (...args: string[]) =>
  runKiago([registerOptimiseCommand], ['optimise', '--backend', backend, ...args]);

/** A valid manifest for an untrained model of this code's inputs (made-up data and metrics). */
function manifest(kind: 'tc' | 'ef', width: number): ModelManifest {
  const hash = 'a'.repeat(64);
  const metrics = { count: 1, mae: 1, rmse: 1, r2: null };
  const elements = kind === 'tc' ? ELEMENTS.map((element) => element.symbol) : [...ELEMNET_SYMBOLS];
  return {
    format: MANIFEST_FORMAT,
    kind,
    version: `cli-test-${kind}`,
    architecture: kind === 'tc' ? 'resnet18-atom-map' : 'elemnet',
    width,
    parameters: 1,
    input: {
      encoding: kind === 'tc' ? 'fractions118' : 'elemnet86',
      elementCount: elements.length,
      elementListHash: elementListHash(elements),
      atomMapId: kind === 'tc' ? ATOM_MAP_ID : null,
    },
    output: kind === 'tc' ? { name: 'tcKelvin', unit: 'K' } : { name: 'efEvPerAtom', unit: 'eV/atom' },
    data: {
      source: 'none',
      dataFormat: 'none',
      dataHash: hash,
      splitHash: hash,
      splitKind: 'grouped',
      splitSeed: 0,
      rows: { train: 0, val: 0, test: 0 },
    },
    training: {
      loss: 'mae',
      optimizer: 'adam',
      epochs: 1,
      completedEpochs: 1,
      bestEpoch: 1,
      stopReason: 'epochs',
      batchSize: 1,
      learningRate: 0.001,
      finalLearningRate: 0.001,
      patience: 1,
      lrPatience: 1,
      lrFactor: 0.5,
      shuffleSeed: 0,
      targetScale: 1,
      seconds: 0,
      history: [],
    },
    metrics: { unit: kind === 'tc' ? 'K' : 'eV/atom', val: { overall: metrics }, test: { overall: metrics } },
    backend: { name: 'cpu', tfjsVersion: '4.22.0', nativeTfVersion: null },
    created: '2026-01-01T00:00:00.000Z',
  };
}

describe('kiago optimise', () => {
  let dir: string;
  let models: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiago-optimise-cli-'));
    const tcModel = buildTcModel({ width: 1 / 16 });
    const efModel = buildElemNet({ width: 1 / 32 });
    await saveModelArtifact(join(dir, 'tc'), tcModel, manifest('tc', 1 / 16));
    await saveModelArtifact(join(dir, 'ef'), efModel, manifest('ef', 1 / 32));
    tcModel.dispose();
    efModel.dispose();
    models = ['--tc-model', join(dir, 'tc'), '--ef-model', join(dir, 'ef')];
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('runs one shard from --base, prints the summary and the top table, writes every candidate as CSV', async () => {
    const out = join(dir, 'results.csv');
    const { stdout, stderr } = await run(
      '--base',
      'LaNiAsO',
      '--candidates',
      '6',
      '--steps',
      '4',
      '--seed',
      '1',
      ...models,
      '--out',
      out,
    );
    expect(stdout).toMatch(/^LaNiAsO \(normal, seed 1, shard 0\): 6 candidates × 4 steps in /);
    expect(stdout).toMatch(/rank\s+formula\s+N\*\s+tcKelvin/);
    expect(stderr).toMatch(/step 4\/4: loss /);
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^slot,formula,nUnits,tcKelvin,efEvPerAtom,deltaTcKelvin,/);
    expect(lines[1]).toMatch(/^0,[A-Z]/);
  });

  it('runs the shard --shard of a spec and writes JSON', async () => {
    const out = join(dir, 'results.json');
    await run(
      '--spec',
      demoSpec,
      '--shard',
      '3',
      '--candidates',
      '4',
      '--steps',
      '2',
      ...models,
      '--out',
      out,
    );
    const planned = planShards(await loadCampaignSpec(demoSpec))[3]!;
    const written = JSON.parse(await readFile(out, 'utf8'));
    expect(written.shard).toMatchObject({ base: planned.base, seed: planned.seed, shardIndex: 3, steps: 2 });
    expect(written.candidates).toHaveLength(4);
  });

  it('names the bad flag', async () => {
    await expect(run('--base', 'LaNiAsO', '--spec', demoSpec)).rejects.toThrow(
      /--spec FILE .* or --base FORMULA/,
    );
    await expect(run('--base', 'LaFeAsO', '--mode', 'substitution', ...models)).rejects.toThrow(SpecError);
    await expect(run('--base', 'LaFeAsO', '--mode', 'substitution', ...models)).rejects.toThrow(
      /mode\.targetElement/,
    );
    await expect(run('--spec', demoSpec, '--shard', '6', ...models)).rejects.toThrow(/plans 6 shard\(s\)/);
  });
});
