import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMiniDataDir } from '@kiago/datasets/testing';
import { testDatabaseUrl } from '@kiago/db/testing';
import { buildTcDataset, EvaluationDataMismatchError } from '@kiago/optimiser';
import { NotFoundError, SpecError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandStdout } from './fixtures/run-kiago.js';
import { registerModelsCommand } from './models.js';

const { dir: miniData, cleanup } = await writeMiniDataDir();
afterAll(cleanup);
const run = commandStdout(registerModelsCommand, 'models');

describe('kiago models', () => {
  let dir: string;
  const previousUrl = process.env.DATABASE_URL;
  const version = `cli-${Date.now()}`;
  /** A small CPU training run of the mini data into `out`. */
  const trainingFlags = (out: string, width: string) => [
    '--data-dir',
    miniData,
    '--width',
    width,
    '--backend',
    'cpu',
    '--out',
    out,
    '--version',
    version,
  ];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiago-models-cli-'));
    process.env.DATABASE_URL = testDatabaseUrl();
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previousUrl;
    await rm(dir, { recursive: true, force: true });
  });

  it('trains an ElemNet on the mini data, then registers, promotes, lists and shows it', async () => {
    const out = join(dir, 'ef');
    // Three compositions leave the mini data's ef test split empty; 2 epochs still exercise the whole path.
    const trained = await run(
      'train',
      'ef',
      ...trainingFlags(out, '0.05'),
      '--epochs',
      '2',
      '--batch-size',
      '4',
    );
    expect(trained).toMatch(/^test\s+all\s+\d+/m);
    expect((await readdir(out)).sort()).toEqual(['manifest.json', 'model.json', 'weights.bin']);
    expect((await readdir(`${out}.checkpoint`)).sort()).toEqual(['best', 'fine-tune', 'last', 'state.json']);

    expect(await run('register', out)).toBe(`registered ef ${version} (${out})\n`);
    expect(await run('promote', 'ef', version)).toBe(`promoted ef ${version}\n`);
    const listed = JSON.parse(await run('list', '--kind', 'ef', '--format', 'json'));
    expect(listed.find((record: { version: string }) => record.version === version)).toMatchObject({
      kind: 'ef',
      active: true,
      path: out,
    });
    const shown = JSON.parse(await run('show', 'ef', version, '--format', 'json'));
    // ElemNet's second phase: the same weights trained without dropout.
    expect(shown.manifest.training.fineTune).toMatchObject({
      description: expect.stringContaining('dropout'),
    });
    expect(shown.manifest).toMatchObject({
      kind: 'ef',
      version,
      width: 0.05,
      data: { source: 'mp-matbench', splitSeed: 42 },
    });
    expect(await run('show', 'ef', version)).toMatch(/^dataHash\s+[0-9a-f]{64}$/m);
  });

  it('resumes a Tc run from its checkpoint', async () => {
    const out = join(dir, 'tc');
    const common = trainingFlags(out, '0.0625');
    await run('train', 'tc', '--epochs', '1', ...common);
    await run('train', 'tc', '--epochs', '2', '--resume', ...common);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.training).toMatchObject({ epochs: 2, completedEpochs: 2 });
    expect(manifest.training.history.map((record: { epoch: number }) => record.epoch)).toEqual([1, 2]);
    // Per-family test metrics partition the test split.
    const { overall, byFamily } = manifest.metrics.test;
    const familyCounts = Object.values(byFamily as Record<string, { count: number }>).map((m) => m.count);
    expect(overall.count).toBeGreaterThan(0);
    expect(familyCounts.reduce((sum, count) => sum + count, 0)).toBe(overall.count);
    // Superconductor-only metrics count the test rows with Tc > 0.
    const { test } = await buildTcDataset({ dataDir: miniData, seed: 42 });
    const superconductors = test.y.filter((tcKelvin) => tcKelvin > 0).length;
    expect(manifest.metrics.test.superconductors.overall.count).toBe(superconductors);
  });

  it('re-evaluates a model directory on its recorded split, and refuses another split', async () => {
    const out = join(dir, 'tc');
    const trained = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    const evaluated = JSON.parse(
      await run('evaluate', out, '--data-dir', miniData, '--backend', 'cpu', '--format', 'json', '--write'),
    );
    // Same weights, same rows: the numbers training wrote come back, now with a timestamp.
    expect(evaluated.manifest.metrics.test.overall).toEqual(trained.metrics.test.overall);
    expect(evaluated.manifest.metrics.evaluated.by).toBe('kiago models evaluate');
    const written = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(written.metrics.evaluated).toEqual(evaluated.manifest.metrics.evaluated);
    expect(await run('evaluate', out, '--data-dir', miniData, '--backend', 'cpu')).toMatch(
      /^split\s+group\s+rows\s+mae_K.*sc_above_1K$/m,
    );

    const tampered = join(dir, 'tc-tampered');
    await cp(out, tampered, { recursive: true });
    await writeFile(
      join(tampered, 'manifest.json'),
      JSON.stringify({ ...written, data: { ...written.data, splitSeed: 7 } }),
    );
    await expect(run('evaluate', tampered, '--data-dir', miniData, '--backend', 'cpu')).rejects.toThrow(
      EvaluationDataMismatchError,
    );
  });

  it('rejects bad flags and unknown versions with typed errors', async () => {
    await expect(run('train', 'tc', '--width', '-1')).rejects.toThrow(SpecError);
    await expect(run('train', 'xx')).rejects.toThrow(/KIND must be tc or ef/);
    await expect(run('promote', 'tc', 'no-such-version')).rejects.toThrow(NotFoundError);
    await expect(run('show', 'ef', 'bad version')).rejects.toThrow(/VERSION/);
  });
});
