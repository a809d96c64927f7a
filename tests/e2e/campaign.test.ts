import {
  type CampaignWorkflowResult,
  cancelRun,
  getRunStatus,
  launchCampaign,
  orchestrationSettings,
  pauseRun,
  resumeRun,
  waitForRun,
} from '@kiago/orchestration';
import { SpecError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SETTINGS, type E2eHarness, startE2eHarness } from './support/e2e-harness.js';
import { expectConsistentRun } from './support/run-assertions.js';

describe('a campaign through the real dev server and Postgres', () => {
  let harness: E2eHarness;
  beforeAll(async () => {
    harness = await startE2eHarness({ label: 'campaign' });
  });
  afterAll(() => harness?.close());

  it('runs a multi-base campaign to COMPLETED with screened, hulled, deduped candidates', async () => {
    const launched = await launchCampaign(harness.ctx, { spec: harness.spec() });
    const run = await waitForRun(harness.ctx, launched.runId);
    expect(run.status).toBe('COMPLETED');
    expect(run.shards).toMatchObject({ total: 6, succeeded: 6, failed: 0, planned: 0, running: 0 });

    const { db } = harness;
    const stored = await db.prisma.run.findUniqueOrThrow({ where: { id: launched.runId } });
    expect(stored.tcModelVersionId).toBe(harness.models.tcModelVersionId);
    expect(stored.efModelVersionId).toBe(harness.models.efModelVersionId);
    const { rows } = await db.pool.query<{ base: string; n: number; screened: number; hulled: number }>(
      `SELECT s.base_formula AS base, count(c.id)::int AS n, count(c.passed)::int AS screened,
         count(c.e_above_hull_ev_per_atom)::int AS hulled
       FROM shards s JOIN candidates c ON c.shard_id = s.id WHERE s.run_id = $1 GROUP BY s.base_formula ORDER BY 1`,
      [launched.runId],
    );
    expect(rows.map((row) => row.base)).toEqual(['La1.85Sr0.15CuO4', 'MgB2', 'Nb3Sn']);
    for (const row of rows) {
      expect(row.n).toBeGreaterThan(0);
      expect(row.screened).toBe(row.n); // every candidate has its screening flags
      expect(row.hulled).toBe(row.n); // and its e_above_hull (NaN counts: never null once hulled)
    }
    // The hull used the pinned ElemNet's energies for the references (prepareReferenceEnergies).
    const energies = await db.prisma.referenceEnergy.count({
      where: {
        modelVersionId: harness.models.efModelVersionId,
        referenceEntry: { referenceSet: { name: harness.referenceSet } },
      },
    });
    expect(energies).toBe(11);
    const summary = stored.summary as { shards: { succeeded: number }; candidates: number; top: unknown[] };
    expect(summary.shards.succeeded).toBe(6);
    expect(summary.candidates).toBe(rows.reduce((sum, row) => sum + row.n, 0));
    await expectConsistentRun(db, launched.runId);
    // One attempt per stage per shard, each recorded.
    const attempts = await db.prisma.shardAttempt.groupBy({
      by: ['stage', 'outcome'],
      where: { shard: { runId: launched.runId } },
      _count: { _all: true },
    });
    expect(attempts.map((a) => [a.stage, a.outcome, a._count._all]).sort()).toEqual([
      ['optimise', 'succeeded', 6],
      ['screen-hull', 'succeeded', 6],
    ]);
  });

  it('refuses an invalid spec before anything is written', async () => {
    const spec = harness.spec({ bases: ['MgB2', 'Xx2O'], steps: 1 });
    const counts = async () => ({
      campaigns: await harness.db.prisma.campaign.count(),
      runs: await harness.db.prisma.run.count(),
      shards: await harness.db.prisma.shard.count(),
    });
    const before = await counts();
    const refused = launchCampaign(harness.ctx, { spec, source: 'bad.yaml' });
    await expect(refused).rejects.toBeInstanceOf(SpecError);
    await expect(refused).rejects.toThrow(/bad\.yaml: .*bases\.1.*steps/s);
    expect(await counts()).toEqual(before);
  });

  it('refuses a spec whose pinned model version does not exist, writing nothing', async () => {
    const spec = harness.spec({ models: { tc: 'no-such-version', ef: harness.models.ef } });
    const before = await harness.db.prisma.campaign.count();
    await expect(launchCampaign(harness.ctx, { spec })).rejects.toThrow(
      /tc model version "no-such-version" not found/,
    );
    expect(await harness.db.prisma.campaign.count()).toBe(before);
  });

  it('answers the progress query while running and cancels into a consistent state', async () => {
    const launched = await launchCampaign(harness.ctx, {
      spec: harness.spec({ seeds: [0, 1, 2, 3], steps: 400, maxParallelShards: 2 }),
    });
    let status = await getRunStatus(harness.ctx, launched.runId).catch(() => undefined);
    for (let i = 0; i < 200 && !status?.workflow?.shards.running; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await getRunStatus(harness.ctx, launched.runId).catch(() => undefined);
    }
    expect(status?.workflow).toMatchObject({ runId: launched.runId, round: 0, paused: false });
    expect(status?.workflow?.shards.total).toBe(12);
    expect(status?.workflow?.shards.running).toBeGreaterThan(0);

    await cancelRun(harness.ctx, launched.runId, { wait: true });
    const run = await waitForRun(harness.ctx, launched.runId);
    expect(run.status).toBe('CANCELLED');
    expect(run.finishedAt).not.toBeNull();
    expect(run.shards.running + run.shards.planned).toBe(0);
    expect(run.shards.cancelled).toBeGreaterThan(0);
    await expectConsistentRun(harness.db, launched.runId);
  });

  it('continues as new every shardsPerExecution shards and still finishes every shard once', async () => {
    const ctx = {
      ...harness.ctx,
      settings: orchestrationSettings({ ...E2E_SETTINGS, shardsPerExecution: 2 }),
    };
    const launched = await launchCampaign(ctx, {
      spec: harness.spec({ bases: ['MgB2', 'Nb3Sn', 'NbN', 'V3Si', 'CaC6'], seeds: [0] }),
    });
    const result: CampaignWorkflowResult = await harness.client.workflow
      .getHandle(launched.workflowId)
      .result();
    expect(result).toMatchObject({
      status: 'COMPLETED',
      progress: { executions: 3, shards: { total: 5, succeeded: 5 } },
    });
    // The window is carried: the first execution continued as new with its two shards still running
    // (they reported to a later execution), instead of draining them first.
    const executions = [];
    for await (const execution of harness.client.workflow.list({
      query: `WorkflowId = "${launched.workflowId}"`,
    })) {
      executions.push(execution);
    }
    const first = executions.sort((a, b) => a.startTime.getTime() - b.startTime.getTime())[0]!;
    const events =
      (await harness.client.workflow.getHandle(launched.workflowId, first.runId).fetchHistory()).events ?? [];
    expect(events.filter((e) => e.startChildWorkflowExecutionInitiatedEventAttributes).length).toBe(2);
    expect(events.filter((e) => e.childWorkflowExecutionCompletedEventAttributes).length).toBe(0);
    expect(events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
    await expectConsistentRun(harness.db, launched.runId);
  });

  it('pauses (no new shard starts, the run reads PAUSED) and resumes to completion', async () => {
    const launched = await launchCampaign(harness.ctx, { spec: harness.spec({ maxParallelShards: 1 }) });
    await pauseRun(harness.ctx, launched.runId);
    const statusOf = async () =>
      (await harness.db.prisma.run.findUnique({ where: { id: launched.runId } }))?.status;
    for (let i = 0; i < 200 && (await statusOf()) !== 'PAUSED'; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await statusOf()).toBe('PAUSED');
    const started = () =>
      harness.db.prisma.shard.count({ where: { runId: launched.runId, status: { not: 'PLANNED' } } });
    const before = await started();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await started()).toBe(before);
    expect((await getRunStatus(harness.ctx, launched.runId)).workflow?.paused).toBe(true);
    await resumeRun(harness.ctx, launched.runId);
    const run = await waitForRun(harness.ctx, launched.runId);
    expect(run.status).toBe('COMPLETED');
    expect(run.shards.succeeded).toBe(6);
  });
});
