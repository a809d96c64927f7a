import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ELEMNET_SYMBOLS, SpecError } from '@kiago/shared';
import type * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATOM_MAP_ID } from '../atom-map/atom-map.js';
import { testCompositions } from '../fixtures/model-fixtures.js';
import { selectTfBackend } from '../tf/backend.js';
import { buildElemNet } from './elemnet.js';
import { elementListHash, MODEL_MANIFEST, type ModelManifest } from './manifest.js';
import { loadModelArtifact, readModelManifest, saveModelArtifact } from './manifest-artifact.js';
import { ModelMismatchError } from './manifest-errors.js';
import { tcManifest } from './manifest-fixtures.js';
import { buildTcModel } from './tc-model.js';

describe('model artifacts (model + manifest.json)', () => {
  let dir: string;
  const width = 1 / 16;

  beforeAll(async () => {
    await selectTfBackend('cpu', () => undefined);
    dir = await mkdtemp(join(tmpdir(), 'kiago-artifact-'));
    await saveModelArtifact(join(dir, 'tc'), buildTcModel({ width }), tcManifest(width));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function withManifest(
    name: string,
    change: (manifest: ModelManifest) => ModelManifest,
  ): Promise<string> {
    const target = join(dir, name);
    const manifest = change(structuredClone(tcManifest(width)));
    await saveModelArtifact(target, buildTcModel({ width }), manifest);
    return target;
  }

  it('saves and loads back a model whose predictions are unchanged, with its manifest', async () => {
    const { model, manifest } = await loadModelArtifact(join(dir, 'tc'), { expectedKind: 'tc' });
    expect(manifest).toEqual(tcManifest(width));
    const reference = await loadModelArtifact(join(dir, 'tc'));
    const x = testCompositions(3, 5);
    expect((model.predict(x) as tf.Tensor).arraySync()).toEqual(
      (reference.model.predict(x) as tf.Tensor).arraySync(),
    );
  });

  it('refuses a model of the other kind', async () => {
    const error = await loadModelArtifact(join(dir, 'tc'), { expectedKind: 'ef' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelMismatchError);
    expect(error).toMatchObject({
      reason: 'kind',
      message: expect.stringMatching(/a tc model, a ef model is needed/),
    });
  });

  it('refuses a model trained on another atom map, naming both', async () => {
    const target = await withManifest('old-atom-map', (m) => ({
      ...m,
      input: { ...m.input, atomMapId: 'kiago-atommap-v0+beef' },
    }));
    const error = await loadModelArtifact(target).catch((e: unknown) => e);
    expect(error).toMatchObject({
      reason: 'atom-map',
      message: expect.stringContaining('kiago-atommap-v0+beef'),
    });
    expect((error as Error).message).toContain(ATOM_MAP_ID);
  });

  it('refuses a model trained on another element list', async () => {
    const target = await withManifest('other-elements', (m) => ({
      ...m,
      input: { ...m.input, elementCount: 86, elementListHash: elementListHash(ELEMNET_SYMBOLS) },
    }));
    const error = await loadModelArtifact(target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelMismatchError);
    expect(error).toMatchObject({
      reason: 'element-list',
      message: expect.stringMatching(/86-element input list/),
    });
  });

  it('refuses a manifest that disagrees with model.json', async () => {
    const target = join(dir, 'ef-as-tc');
    await saveModelArtifact(target, buildElemNet({ width }), tcManifest(width));
    await expect(loadModelArtifact(target)).rejects.toMatchObject({ reason: 'kind' });
  });

  it('rejects an invalid manifest with a SpecError naming the field, and a missing one clearly', async () => {
    const target = join(dir, 'tc');
    const manifest = JSON.parse(await readFile(join(target, MODEL_MANIFEST), 'utf8'));
    const broken = join(dir, 'broken');
    await saveModelArtifact(broken, buildTcModel({ width }), tcManifest(width));
    await writeFile(
      join(broken, MODEL_MANIFEST),
      JSON.stringify({ ...manifest, data: { ...manifest.data, dataHash: 'x' } }),
    );
    const error = await readModelManifest(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).issues[0]?.path).toBe('data.dataHash');
    await expect(loadModelArtifact(join(dir, 'missing'))).rejects.toThrow(/cannot read the model manifest/);
    await expect(
      saveModelArtifact(join(dir, 'never'), buildTcModel({ width }), {
        ...tcManifest(width),
        version: 'a b',
      }),
    ).rejects.toThrow(/version/);
  });
});
