import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { compositionToVector, ELEMENT_COUNT, ELEMNET_INDICES, parseFormula } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelArtifact } from '../models/manifest-artifact.js';
import { shippedModelDir, shippedModelsDir } from '../registry/shipped-models.js';
import { selectTfBackend } from '../tf/backend.js';
import { testTfBackendChoice } from '../tf/fixtures/test-backend.js';

const SIZE_CAP_BYTES = 25 * 1024 * 1024;

function predict(model: tf.LayersModel, formula: string, columns?: readonly number[]): number {
  const vector = compositionToVector(parseFormula(formula));
  const row = columns ? columns.map((index) => vector[index]!) : Array.from(vector);
  return tf.tidy(
    () =>
      (model.predict(tf.tensor2d([row], [1, columns?.length ?? ELEMENT_COUNT])) as tf.Tensor).dataSync()[0]!,
  );
}

describe('shipped models (models/shipped)', () => {
  beforeAll(async () => {
    await selectTfBackend(testTfBackendChoice(), () => undefined);
  });

  it('loads the Tc model with a valid manifest and predicts a clearly non-zero Tc for YBCO', async () => {
    const { model, manifest } = await loadModelArtifact(await shippedModelDir('tc'), { expectedKind: 'tc' });
    expect(manifest.data.splitKind).toBe('grouped');
    expect(Object.keys(manifest.metrics.test.byFamily ?? {}).sort()).toEqual([
      'cuprate',
      'hydride',
      'iron-based',
      'other',
    ]);
    expect(predict(model, 'YBa2Cu3O7')).toBeGreaterThan(30);
    // A wide-gap insulator is no superconductor.
    expect(predict(model, 'SiO2')).toBeLessThan(5);
    // The measured hydrides are in its training set (the old model put H3S at 0.9 K, LaH10 at 1.3 K).
    expect(predict(model, 'H3S')).toBeGreaterThan(150);
    expect(predict(model, 'LaH10')).toBeGreaterThan(150);
  });

  it('loads the ElemNet with a valid manifest and predicts a stable oxide below 0 eV/atom', async () => {
    const { model, manifest } = await loadModelArtifact(await shippedModelDir('ef'), { expectedKind: 'ef' });
    expect(manifest.data.source).toBe('mp-matbench');
    // MgO: about −3.0 eV/atom in MP.
    expect(predict(model, 'MgO', ELEMNET_INDICES)).toBeLessThan(-2);
  });

  it('stays within the 25 MB budget', async () => {
    let total = 0;
    for (const kind of ['tc', 'ef'] as const) {
      const dir = await shippedModelDir(kind);
      for (const file of ['model.json', 'weights.bin', 'manifest.json'])
        total += (await stat(join(dir, file))).size;
    }
    const ensemble = join(shippedModelsDir(), 'ensemble');
    for (const member of await readdir(ensemble)) {
      for (const file of ['model.json', 'weights.bin', 'manifest.json'])
        total += (await stat(join(ensemble, member, file))).size;
    }
    total += (await stat(join(shippedModelsDir(), 'MODEL_CARD.md'))).size;
    expect(total).toBeLessThan(SIZE_CAP_BYTES);
  });
});
