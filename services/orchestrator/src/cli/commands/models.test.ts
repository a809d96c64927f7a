import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '@kiago/datasets';
import { testDatabaseUrl } from '@kiago/db/testing';
import { NotFoundError, SpecError } from '@kiago/shared';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerModelsCommand } from './models.js';

const miniData = join(findRepoRoot(), 'packages', 'datasets', 'fixtures', 'mini-data');

async function run(...args: string[]): Promise<string> {
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const program = new Command('kiago').exitOverride();
  registerModelsCommand(program);
  await program.parseAsync(['models', ...args], { from: 'user' });
  vi.restoreAllMocks();
  return stdout;
}

describe('kiago models', () => {
  let dir: string;
  const previousUrl = process.env.DATABASE_URL;
  const version = `cli-${Date.now()}`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiago-models-cli-'));
    process.env.DATABASE_URL = testDatabaseUrl();
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    process.env.DATABASE_URL = previousUrl;
    await rm(dir, { recursive: true, force: true });
  });

  it('trains an ElemNet on the mini data, then registers, promotes, lists and shows it', async () => {
    const out = join(dir, 'ef');
    // The mini data's val split is empty; 2 epochs still exercise the whole path.
    const trained = await run(
      'train',
      'ef',
      '--data-dir',
      miniData,
      '--epochs',
      '2',
      '--width',
      '0.05',
      '--backend',
      'cpu',
      '--out',
      out,
      '--version',
      version,
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
    const common = [
      '--data-dir',
      miniData,
      '--width',
      '0.0625',
      '--backend',
      'cpu',
      '--out',
      out,
      '--version',
      version,
    ];
    await run('train', 'tc', '--epochs', '1', ...common);
    await run('train', 'tc', '--epochs', '2', '--resume', ...common);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.training).toMatchObject({ epochs: 2, completedEpochs: 2 });
    expect(manifest.training.history.map((record: { epoch: number }) => record.epoch)).toEqual([1, 2]);
    expect(manifest.metrics.test.byFamily).toHaveProperty('cuprate');
  });

  it('rejects bad flags and unknown versions with typed errors', async () => {
    await expect(run('train', 'tc', '--width', '-1')).rejects.toThrow(SpecError);
    await expect(run('train', 'xx')).rejects.toThrow(/KIND must be tc or ef/);
    await expect(run('promote', 'tc', 'no-such-version')).rejects.toThrow(NotFoundError);
    await expect(run('show', 'ef', 'bad version')).rejects.toThrow(/VERSION/);
  });
});
