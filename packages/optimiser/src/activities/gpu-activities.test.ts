import { randomUUID } from 'node:crypto';
import { createDb, type Db, type Prisma } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { importReferences } from '@kiago/screening';
import { campaignSpecSchema, parseFormula } from '@kiago/shared';
import type { GpuActivities } from '@kiago/worker-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectTfBackend } from '../tf/backend.js';
import { ModelArtifactError } from './activity-errors.js';
import type { ActivityRuntime } from './activity-runtime.js';
import { registerTinyModelVersions } from './fixtures/tiny-model-versions.js';
import { createGpuActivities } from './gpu-activities.js';
import { createModelCache, type ModelCache } from './model-cache.js';

describe('gpu activities on registered tiny models and a real database', () => {
  let db: Db;
  let models: ModelCache;
  let activities: GpuActivities;
  let ids: { tcModelVersionId: string; efModelVersionId: string };
  const heartbeats: unknown[] = [];
  let abort = new AbortController();
  const runtime = (): ActivityRuntime => ({
    heartbeat: (details) => heartbeats.push(details),
    signal: abort.signal,
    attempt: 1,
    previousHeartbeat: undefined,
  });

  beforeAll(async () => {
    await selectTfBackend('auto', () => undefined);
    db = createDb({ databaseUrl: testDatabaseUrl() });
    const tag = randomUUID().slice(0, 8);
    ids = await registerTinyModelVersions(db, { tc: `gpu-act-tc-${tag}`, ef: `gpu-act-ef-${tag}` });
    models = createModelCache({ db });
    activities = createGpuActivities({
      db,
      models,
      logger: { info: () => undefined, warn: () => undefined },
      runtime,
    });
  });
  afterAll(async () => {
    models?.dispose();
    await db?.close();
  });

  /** One planned shard of a fresh run pinned to the tiny models. */
  async function plannedShard(tcEnsemble: string[] = []): Promise<{ shardId: string; runId: string }> {
    const spec = campaignSpecSchema.parse({
      name: `gpu-act-${randomUUID().slice(0, 8)}`,
      bases: ['MgB2'],
      seeds: [3],
      candidatesPerShard: 8,
      steps: 6,
      nUnits: { min: 1, max: 12 },
    });
    const campaign = await db.prisma.campaign.create({
      data: { name: spec.name, spec: spec as unknown as Prisma.InputJsonObject },
    });
    const run = await db.prisma.run.create({
      data: {
        campaignId: campaign.id,
        tcModelVersionId: ids.tcModelVersionId,
        efModelVersionId: ids.efModelVersionId,
        tcEnsembleModelVersionIds: tcEnsemble,
      },
    });
    const shard = await db.prisma.shard.create({
      data: { runId: run.id, index: 0, baseFormula: 'MgB2', seed: 3n, candidateCount: 8 },
    });
    return { shardId: shard.id, runId: run.id };
  }
  const rowsOf = async (shardId: string) =>
    (
      await db.pool.query<{ slot: number; formula: string; tc: number }>(
        'SELECT slot, formula, tc_kelvin AS tc FROM candidates WHERE shard_id = $1 ORDER BY slot',
        [shardId],
      )
    ).rows;

  it('optimises a shard, heartbeats every step, writes its candidates and marks it optimised', async () => {
    const { shardId } = await plannedShard();
    heartbeats.length = 0;
    const summary = await activities.optimiseShard({ shardId });
    const rows = await rowsOf(shardId);
    expect(summary).toMatchObject({ shardId, alreadyOptimised: false, microBatch: 8, inserted: rows.length });
    expect(rows.length).toBeGreaterThan(0);
    expect(summary.bestTcKelvin).toBe(Math.max(...rows.map((row) => row.tc)));
    const steps = heartbeats
      .filter((h) => (h as { stage: string }).stage === 'optimise')
      .map((h) => (h as { step: number }).step);
    expect(steps).toEqual([1, 2, 3, 4, 5, 6]);
    const shard = await db.prisma.shard.findUniqueOrThrow({ where: { id: shardId } });
    expect((shard.progress as { optimised: unknown }).optimised).toEqual({
      rows: rows.length,
      bestTcKelvin: summary.bestTcKelvin,
    });
  });

  it('re-predicts every written candidate with the Tc ensemble of the run: mean, sample sd, member count', async () => {
    const tag = randomUUID().slice(0, 8);
    const other = await registerTinyModelVersions(
      db,
      { tc: `gpu-act-tc2-${tag}`, ef: `gpu-act-ef2-${tag}` },
      { seed: 2 },
    );
    const { shardId } = await plannedShard([ids.tcModelVersionId, other.tcModelVersionId]);
    heartbeats.length = 0;
    await activities.optimiseShard({ shardId });
    const { rows } = await db.pool.query<{ tc: number; mean: number; sd: number; size: number }>(
      `SELECT tc_kelvin AS tc, tc_ensemble_mean_kelvin AS mean, tc_ensemble_sd_kelvin AS sd,
         tc_ensemble_size AS size FROM candidates WHERE shard_id = $1`,
      [shardId],
    );
    expect(rows.length).toBeGreaterThan(0);
    // Two members, one of them the optimised model: it sits sd/√2 from the mean (sample sd of two).
    for (const row of rows) {
      expect(row.size).toBe(2);
      expect(Math.abs(row.tc - row.mean)).toBeCloseTo(row.sd / Math.SQRT2, 3);
    }
    expect(Math.max(...rows.map((row) => row.sd))).toBeGreaterThan(0);
    expect(heartbeats).toContainEqual({ stage: 'tc-ensemble', members: 2 });
  });

  it('resumes sensibly: a finished shard is not recomputed, a half-written one is completed without duplicates', async () => {
    const { shardId } = await plannedShard();
    await activities.optimiseShard({ shardId });
    const complete = await rowsOf(shardId);
    const again = await activities.optimiseShard({ shardId });
    expect(again).toMatchObject({ alreadyOptimised: true, inserted: 0, candidates: complete.length });

    // A worker that died after its first insert batch: half the rows, no completion marker.
    await db.pool.query('DELETE FROM candidates WHERE shard_id = $1 AND slot >= 4', [shardId]);
    await db.pool.query(`UPDATE shards SET progress = progress - 'optimised' WHERE id = $1`, [shardId]);
    const resumed = await activities.optimiseShard({ shardId });
    expect(resumed.alreadyOptimised).toBe(false);
    expect(resumed.inserted).toBe(complete.filter((row) => row.slot >= 4).length);
    expect(await rowsOf(shardId)).toEqual(complete); // same seed, same rows, each once
  });

  it('stops when cancelled and writes nothing', async () => {
    const { shardId } = await plannedShard();
    abort = new AbortController();
    abort.abort();
    await expect(activities.optimiseShard({ shardId })).rejects.toThrow(/cancelled after 0 step/);
    expect(await rowsOf(shardId)).toEqual([]);
    abort = new AbortController();
  });

  it('predicts every reference energy once per Ef version and skips elements ElemNet cannot read', async () => {
    const set = `gpu-act-refs-${randomUUID().slice(0, 8)}`;
    const formulas = ['MgB2', 'Nb3Sn', 'CuO', 'RnF2'];
    await importReferences(db, {
      set,
      source: 'gpu activities test',
      rows: formulas.map((formula) => ({
        sourceId: formula,
        formula,
        composition: parseFormula(formula),
        dftEfEvPerAtom: -1,
      })),
    });
    const energies = () =>
      db.prisma.referenceEnergy.findMany({
        where: { modelVersionId: ids.efModelVersionId, referenceEntry: { referenceSet: { name: set } } },
        include: { referenceEntry: true },
        orderBy: { referenceEntryId: 'asc' },
      });
    const first = await activities.prepareReferenceEnergies({ efModelVersionId: ids.efModelVersionId });
    expect(first.predicted).toBeGreaterThanOrEqual(3);
    expect(first.outsideElemNet).toBeGreaterThanOrEqual(1); // RnF2: radon is not an ElemNet input
    const stored = await energies();
    expect(stored.map((e) => e.referenceEntry.formula)).toEqual(['MgB2', 'Nb3Sn', 'CuO']);
    expect(stored.every((e) => Number.isFinite(e.efEvPerAtom))).toBe(true);
    await activities.prepareReferenceEnergies({ efModelVersionId: ids.efModelVersionId });
    expect(await energies()).toEqual(stored);
  });

  it('reports a model version whose files are missing as a non-retryable ModelArtifactError', async () => {
    const version = await db.prisma.modelVersion.create({
      data: { kind: 'EF', version: `gone-${randomUUID().slice(0, 8)}`, path: '/nowhere/ef', manifest: {} },
    });
    const failure = models.ef(version.id);
    await expect(failure).rejects.toBeInstanceOf(ModelArtifactError);
    await expect(failure).rejects.toMatchObject({
      nonRetryable: true,
      message: /no model directory at \/nowhere\/ef/,
    });
  });
});
