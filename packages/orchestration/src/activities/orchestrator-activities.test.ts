import { randomUUID } from 'node:crypto';
import { createDb, type Db } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { NotFoundError, SpecError } from '@kiago/shared';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignFixture, modelVersionFixture } from '../runs/fixtures/campaign-fixture.js';
import { createOrchestratorActivities, type OrchestratorActivities } from './orchestrator-activities.js';

describe('orchestrator bookkeeping activities', () => {
  let db: Db;
  let activities: OrchestratorActivities;
  let models: { tc: string; ef: string };
  let modelIds: { tc: string; ef: string };
  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl() });
    activities = createOrchestratorActivities({
      db,
      logger: { info: () => undefined, warn: () => undefined },
      client: new Client(), // connects lazily; these bookkeeping tests never signal
    });
    const [tc, ef] = [await modelVersionFixture(db, 'TC'), await modelVersionFixture(db, 'EF')];
    models = { tc: tc.version, ef: ef.version };
    modelIds = { tc: tc.id, ef: ef.id };
  });
  afterAll(() => db?.close());

  const open = (campaignId: string, runId = randomUUID(), workflowId = `wf-${runId}`) =>
    activities.openRun({ runId, campaignId, workflowId, trigger: 'manual', mode: 'new' });

  it('creates the run with pinned model versions and one planned shard per base × seed, once', async () => {
    const { campaign } = await campaignFixture(db, models);
    const runId = randomUUID();
    const opened = await open(campaign.id, runId);
    expect(opened).toMatchObject({
      runId,
      tcModelVersionId: modelIds.tc,
      efModelVersionId: modelIds.ef,
      maxParallelShards: 8,
      shardRetryRounds: 2,
      counts: { planned: 4, running: 0, succeeded: 0, failed: 0, cancelled: 0 },
      candidates: 0,
      bestTcKelvin: null,
    });
    // A retried activity finds its run: nothing is created twice.
    expect(await open(campaign.id, runId)).toEqual(opened);
    const shards = await db.prisma.shard.findMany({ where: { runId }, orderBy: { index: 'asc' } });
    expect(shards.map((s) => [s.index, s.baseFormula, Number(s.seed), s.candidateCount, s.status])).toEqual([
      [0, 'MgB2', 0, 16, 'PLANNED'],
      [1, 'MgB2', 1, 16, 'PLANNED'],
      [2, 'Nb3Sn', 0, 16, 'PLANNED'],
      [3, 'Nb3Sn', 1, 16, 'PLANNED'],
    ]);
    expect(await db.prisma.run.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({
      status: 'RUNNING',
      workflowId: `wf-${runId}`,
      trigger: 'manual',
    });
  });

  it('pins the Tc ensemble members in the spec order, and refuses an unregistered member', async () => {
    const [a, b] = [await modelVersionFixture(db, 'TC'), await modelVersionFixture(db, 'TC')];
    const { campaign } = await campaignFixture(db, { ...models, tcEnsemble: [b.version, a.version] });
    const runId = randomUUID();
    await open(campaign.id, runId);
    const run = await db.prisma.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run.tcEnsembleModelVersionIds).toEqual([b.id, a.id]);

    const missing = await campaignFixture(db, { ...models, tcEnsemble: [a.version, 'no-such-tc'] });
    const refused = randomUUID();
    await expect(open(missing.campaign.id, refused)).rejects.toThrow(/no-such-tc/);
    expect(await db.prisma.run.count({ where: { id: refused } })).toBe(0);
  });

  it('refuses a campaign whose model version is gone, writing no run', async () => {
    const { campaign } = await campaignFixture(db, { ...models, ef: 'deleted-version' });
    const runId = randomUUID();
    await expect(open(campaign.id, runId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.prisma.run.count({ where: { id: runId } })).toBe(0);
  });

  it('pages shards by status, index and error type', async () => {
    const { campaign } = await campaignFixture(db, models, { seeds: [0, 1, 2] });
    const { runId } = await open(campaign.id);
    const page = (input: Partial<Parameters<OrchestratorActivities['listShardPage']>[0]>) =>
      activities
        .listShardPage({ runId, status: 'PLANNED', afterIndex: -1, limit: 100, ...input })
        .then((shards) => shards.map((s) => s.index));
    expect(await page({ limit: 4 })).toEqual([0, 1, 2, 3]);
    expect(await page({ afterIndex: 3 })).toEqual([4, 5]);
    const shards = await db.prisma.shard.findMany({ where: { runId }, orderBy: { index: 'asc' } });
    await activities.finishShard({
      shardId: shards[1]!.id,
      status: 'FAILED',
      errorType: 'ECONNRESET',
      message: 'reset',
    });
    await activities.finishShard({
      shardId: shards[4]!.id,
      status: 'FAILED',
      errorType: 'TIMEOUT_HEARTBEAT',
      message: 'lost',
    });
    expect(await page({ status: 'FAILED' })).toEqual([1, 4]);
    expect(await page({ status: 'FAILED', errorTypes: ['TIMEOUT_HEARTBEAT'] })).toEqual([4]);
    expect(await page({})).toEqual([0, 2, 3, 5]);
  });

  it('closes a run COMPLETED_WITH_FAILURES while a shard is parked, and re-opens it for retry-failed', async () => {
    const { campaign } = await campaignFixture(db, models, { bases: ['MgB2'] });
    const { runId } = await open(campaign.id);
    const [a, b] = await db.prisma.shard.findMany({ where: { runId }, orderBy: { index: 'asc' } });
    await activities.finishShard({ shardId: a!.id, status: 'SUCCEEDED' });
    await activities.finishShard({
      shardId: b!.id,
      status: 'FAILED',
      errorType: 'ECONNRESET',
      message: 'reset',
    });
    expect(await activities.finishRun({ runId, outcome: 'completed' })).toEqual({
      status: 'COMPLETED_WITH_FAILURES',
    });

    const reopened = await activities.openRun({
      runId,
      campaignId: campaign.id,
      workflowId: `retry-${runId}`,
      trigger: 'retry',
      mode: 'retry-failed',
    });
    expect(reopened.counts).toMatchObject({ succeeded: 1, failed: 1 });
    const run = await db.prisma.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: 'RUNNING', workflowId: `retry-${runId}`, finishedAt: null });
    // A second driver may not take over a run that is running.
    await expect(
      activities.openRun({
        runId,
        campaignId: campaign.id,
        workflowId: 'another',
        trigger: 'retry',
        mode: 'retry-failed',
      }),
    ).rejects.toBeInstanceOf(SpecError);
    await activities.finishShard({ shardId: b!.id, status: 'SUCCEEDED' });
    expect(await activities.finishRun({ runId, outcome: 'completed' })).toEqual({ status: 'COMPLETED' });
    expect((await db.prisma.shard.findUniqueOrThrow({ where: { id: b!.id } })).errorType).toBeNull();
  });

  it("writes a shard's end without a campaign to tell, and writes it before a failed report", async () => {
    const { campaign } = await campaignFixture(db, models);
    const { runId } = await open(campaign.id);
    const [a, b] = await db.prisma.shard.findMany({ where: { runId }, orderBy: { index: 'asc' } });
    await activities.finishAndReportShard({ finish: { shardId: a!.id, status: 'SUCCEEDED' } });
    // No Temporal server on this port (and no gRPC retries): the report fails, so the local activity
    // would be retried, and the row is already written.
    const unreachable = createOrchestratorActivities({
      db,
      logger: { info: () => undefined, warn: () => undefined },
      client: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', interceptors: [] }) }),
    });
    await expect(
      unreachable.finishAndReportShard({
        finish: { shardId: b!.id, status: 'FAILED', errorType: 'ECONNRESET', message: 'reset' },
        report: { campaignWorkflowId: 'no-such-campaign', report: { shardId: b!.id, status: 'CANCELLED' } },
      }),
    ).rejects.toThrow();
    const after = await db.prisma.shard.findMany({ where: { runId }, orderBy: { index: 'asc' } });
    expect(after.slice(0, 2).map((s) => [s.status, s.errorType])).toEqual([
      ['SUCCEEDED', null],
      ['FAILED', 'ECONNRESET'],
    ]);
  });

  it('leaves a cancelled run consistent: unfinished shards cancelled, running attempts closed', async () => {
    const { campaign } = await campaignFixture(db, models);
    const { runId } = await open(campaign.id);
    const shards = await db.prisma.shard.findMany({ where: { runId }, orderBy: { index: 'asc' } });
    await activities.finishShard({ shardId: shards[0]!.id, status: 'SUCCEEDED' });
    await db.prisma.shard.update({ where: { id: shards[1]!.id }, data: { status: 'RUNNING' } });
    await db.prisma.shardAttempt.create({ data: { shardId: shards[1]!.id, attempt: 1, stage: 'optimise' } });
    expect(await activities.finishRun({ runId, outcome: 'cancelled', error: 'cancelled by user' })).toEqual({
      status: 'CANCELLED',
    });
    const after = await db.prisma.shard.findMany({ where: { runId }, orderBy: { index: 'asc' } });
    expect(after.map((s) => s.status)).toEqual(['SUCCEEDED', 'CANCELLED', 'CANCELLED', 'CANCELLED']);
    // Every cancelled shard says why.
    for (const shard of after.slice(1)) {
      expect(shard).toMatchObject({
        errorType: 'CANCELLED',
        lastError: 'run cancelled before this shard finished',
      });
    }
    expect(
      (await db.prisma.shardAttempt.findFirstOrThrow({ where: { shardId: shards[1]!.id } })).outcome,
    ).toBe('cancelled');
    expect((await db.prisma.run.findUniqueOrThrow({ where: { id: runId } })).finishedAt).not.toBeNull();
  });

  it('mirrors pause and resume in the run status', async () => {
    const { campaign } = await campaignFixture(db, models);
    const { runId } = await open(campaign.id);
    await activities.setRunPaused({ runId, paused: true });
    expect((await db.prisma.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe('PAUSED');
    await activities.setRunPaused({ runId, paused: false });
    expect((await db.prisma.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe('RUNNING');
  });
});
