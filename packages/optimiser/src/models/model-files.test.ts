import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATOM_MAP_ID } from '../atom-map/atom-map.js';
import { ModelFormatError } from '../errors.js';
import { testCompositions } from '../fixtures/model-fixtures.js';
import { selectTfBackend } from '../tf/backend.js';
import { testTfBackendChoice } from '../tf/fixtures/test-backend.js';
import { buildElemNet } from './elemnet.js';
import { loadLayersModel, saveLayersModel } from './model-files.js';
import { buildTcModel } from './tc-model.js';

describe('model files (tfjs layers format: model.json + weights.bin)', () => {
  let dir: string;

  beforeAll(async () => {
    await selectTfBackend(testTfBackendChoice(), () => undefined);
    dir = await mkdtemp(join(tmpdir(), 'kiago-models-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('saves a Tc model and loads it back with identical predictions and its metadata', async () => {
    const model = buildTcModel({ width: 1 / 16 });
    const x = testCompositions(4, 11);
    await saveLayersModel(model, join(dir, 'tc'));
    expect((await readdir(join(dir, 'tc'))).sort()).toEqual(['model.json', 'weights.bin']);
    const loaded = await loadLayersModel(join(dir, 'tc'));
    expect((loaded.predict(x) as tf.Tensor).arraySync()).toEqual((model.predict(x) as tf.Tensor).arraySync());
    expect(loaded.getUserDefinedMetadata()).toEqual({
      kiago: { kind: 'tc', width: 1 / 16, stem: 'reference', atomMapId: ATOM_MAP_ID },
    });
    // The frozen atom-map layer stays frozen.
    expect(loaded.getLayer('atom_map').trainable).toBe(false);
  });

  it('saves ElemNet and loads it back with identical predictions', async () => {
    const model = buildElemNet({ width: 1 / 32 });
    const x86 = tf.randomUniform([3, 86], 0, 0.1, 'float32', 5);
    await saveLayersModel(model, join(dir, 'ef'));
    const loaded = await loadLayersModel(join(dir, 'ef'));
    expect((loaded.predict(x86) as tf.Tensor).arraySync()).toEqual(
      (model.predict(x86) as tf.Tensor).arraySync(),
    );
    const modelJson = JSON.parse(await readFile(join(dir, 'ef', 'model.json'), 'utf8'));
    expect(modelJson.format).toBe('layers-model');
    expect(modelJson.weightsManifest[0].paths).toEqual(['./weights.bin']);
  });

  it('rejects a model.json that is not a layers model, naming the file', async () => {
    await writeFile(join(dir, 'model.json'), JSON.stringify({ modelTopology: {} }));
    await expect(loadLayersModel(dir)).rejects.toThrow(ModelFormatError);
    await expect(loadLayersModel(dir)).rejects.toThrow(/model\.json.*weightsManifest/);
  });

  it('refuses weight files outside the model directory', async () => {
    const manifest = [{ paths: ['../elsewhere.bin'], weights: [] }];
    await writeFile(
      join(dir, 'model.json'),
      JSON.stringify({ modelTopology: {}, weightsManifest: manifest }),
    );
    await expect(loadLayersModel(dir)).rejects.toThrow(/weight files must sit next to model\.json/);
  });

  it('says which directory is missing a model', async () => {
    await expect(loadLayersModel(join(dir, 'absent'))).rejects.toThrow(/absent\/model\.json/);
  });
});
