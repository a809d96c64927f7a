import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, createDb, type Db } from '@kiago/db';
import { createEmptyDatabase, type TestDatabase, testDatabaseUrl } from '@kiago/db/testing';
import {
  listModelVersions,
  promoteModelVersion,
  registerModelVersion,
  shippedModelDir,
} from '@kiago/optimiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureActiveModels } from './dev-prerequisites.js';

describe('ensureActiveModels', () => {
  let scratch: TestDatabase;
  let db: Db;
  let dir: string;
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);

  beforeAll(async () => {
    scratch = await createEmptyDatabase(testDatabaseUrl(), 'prerequisites');
    await applyMigrations(scratch.databaseUrl);
    db = createDb({ databaseUrl: scratch.databaseUrl, maxConnections: 2 });
    dir = await mkdtemp(join(tmpdir(), 'kiago-prerequisites-'));
  });
  afterAll(async () => {
    await db.close();
    await scratch.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('promotes the shipped models on an empty registry and registers the ensemble members inactive', async () => {
    await ensureActiveModels(db, log);
    const tc = await listModelVersions(db, { kind: 'tc' });
    const shippedTc = JSON.parse(await readFile(join(await shippedModelDir('tc'), 'manifest.json'), 'utf8'));
    expect(tc.filter((version) => version.active).map((version) => version.version)).toEqual([
      shippedTc.version,
    ]);
    // examples/demo.yaml names these as its Tc ensemble.
    expect(tc.map((version) => version.version).sort()).toEqual([
      '2026.12.07-ref-w0.25',
      '2026.12.07-ref-w0.25-s13',
      '2026.12.07-ref-w0.25-s7',
    ]);
    expect((await listModelVersions(db, { kind: 'ef' })).filter((version) => version.active)).toHaveLength(1);
  });

  it('replaces an active version whose directory is gone, and keeps one that is there', async () => {
    const stale = join(dir, 'tc-stale');
    await cp(await shippedModelDir('tc'), stale, { recursive: true });
    const manifest = JSON.parse(await readFile(join(stale, 'manifest.json'), 'utf8'));
    await writeFile(join(stale, 'manifest.json'), JSON.stringify({ ...manifest, version: 'stale-1' }));
    await registerModelVersion(db, stale);
    await promoteModelVersion(db, 'tc', 'stale-1');
    await ensureActiveModels(db, log);
    const kept = (await listModelVersions(db, { kind: 'tc' })).find((version) => version.active);
    expect(kept?.version).toBe('stale-1');

    await rm(stale, { recursive: true });
    await ensureActiveModels(db, log);
    const active = (await listModelVersions(db, { kind: 'tc' })).find((version) => version.active);
    expect(active?.version).toBe(manifest.version);
    expect(lines.at(-1)).toMatch(/the active stale-1 is gone/);
  });
});
