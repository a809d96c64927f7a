import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { NotFoundError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_MANIFEST } from '../models/manifest.js';
import { ModelMismatchError } from '../models/manifest-errors.js';
import { tcManifest } from '../models/manifest-fixtures.js';
import {
  listModelVersions,
  ModelVersionConflictError,
  promoteModelVersion,
  registerModelVersion,
  resolveModelVersion,
  showModelVersion,
} from './model-registry.js';

describe('model registry (ModelVersion rows)', () => {
  let db: Db;
  let dir: string;
  const versions = [`reg-${randomUUID()}`, `reg-${randomUUID()}`];

  /** A model directory needs only its manifest to be registered (the weights are loaded by workers). */
  async function modelDir(name: string, manifest: unknown): Promise<string> {
    const target = join(dir, name);
    await rm(target, { recursive: true, force: true });
    await mkdir(target, { recursive: true });
    await writeFile(join(target, MODEL_MANIFEST), JSON.stringify(manifest));
    return target;
  }

  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl() });
    dir = await mkdtemp(join(tmpdir(), 'kiago-registry-'));
  });
  afterAll(async () => {
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('registers a model directory once, idempotently, and refuses a different manifest under the same version', async () => {
    const path = await modelDir('a', tcManifest(0.25, versions[0]));
    const first = await registerModelVersion(db, path);
    expect(first).toMatchObject({ kind: 'tc', version: versions[0], path, active: false });
    expect(first.manifest.data.splitSeed).toBe(42);
    expect(await registerModelVersion(db, path)).toEqual(first);
    const retrained = await modelDir('a2', {
      ...tcManifest(0.25, versions[0]),
      created: '2026-02-02T00:00:00.000Z',
    });
    await expect(registerModelVersion(db, retrained)).rejects.toThrow(ModelVersionConflictError);
  });

  it('refreshes the stored manifest when only its metrics were re-evaluated', async () => {
    const manifest = tcManifest(0.25, `reg-${randomUUID()}`);
    const path = await modelDir('evaluated', manifest);
    const first = await registerModelVersion(db, path);
    const evaluated = {
      ...manifest,
      metrics: {
        ...manifest.metrics,
        evaluated: { at: '2026-12-07T02:00:00.000Z', by: 'kiago models evaluate' },
      },
    };
    await writeFile(join(path, MODEL_MANIFEST), JSON.stringify(evaluated));
    const again = await registerModelVersion(db, path);
    expect(again.id).toBe(first.id);
    expect(again.manifest.metrics.evaluated).toEqual(evaluated.metrics.evaluated);
    expect((await showModelVersion(db, 'tc', manifest.version)).manifest.metrics.evaluated?.by).toBe(
      'kiago models evaluate',
    );
  });

  it('refuses to register a model built for another atom map', async () => {
    const manifest = tcManifest(0.25, `reg-${randomUUID()}`);
    const path = await modelDir('old-map', { ...manifest, input: { ...manifest.input, atomMapId: 'old' } });
    await expect(registerModelVersion(db, path)).rejects.toThrow(ModelMismatchError);
    expect((await listModelVersions(db)).some((record) => record.version === manifest.version)).toBe(false);
  });

  it('promotes exactly one active version per kind and resolves latest to it', async () => {
    await registerModelVersion(db, await modelDir('b', tcManifest(0.25, versions[1])));
    await promoteModelVersion(db, 'tc', versions[0]!);
    expect((await resolveModelVersion(db, 'tc', 'latest')).version).toBe(versions[0]);
    const promoted = await promoteModelVersion(db, 'tc', versions[1]!);
    expect(promoted.active).toBe(true);
    const active = (await listModelVersions(db, { kind: 'tc' })).filter((record) => record.active);
    expect(active.map((record) => record.version)).toEqual([versions[1]]);
    expect((await resolveModelVersion(db, 'tc', 'latest')).version).toBe(versions[1]);
    expect((await showModelVersion(db, 'tc', versions[0]!)).active).toBe(false);
    expect((await resolveModelVersion(db, 'tc', versions[0]!)).version).toBe(versions[0]);
  });

  it('runs concurrent promotions without ever leaving two active versions', async () => {
    await Promise.all([0, 1, 0, 1].map((i) => promoteModelVersion(db, 'tc', versions[i]!)));
    expect((await listModelVersions(db, { kind: 'tc' })).filter((record) => record.active)).toHaveLength(1);
  });

  it('reports unknown versions and a kind without an active version as NotFoundError', async () => {
    await expect(showModelVersion(db, 'tc', 'no-such-version')).rejects.toThrow(NotFoundError);
    await expect(promoteModelVersion(db, 'ef', 'no-such-version')).rejects.toThrow(
      /ef model version "no-such-version" not found/,
    );
    const efActive = (await listModelVersions(db, { kind: 'ef' })).some((record) => record.active);
    if (!efActive)
      await expect(resolveModelVersion(db, 'ef', 'latest')).rejects.toThrow(/kiago models promote/);
  });
});
