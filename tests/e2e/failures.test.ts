import { ResourceExhaustedError } from '@kiago/optimiser';
import { launchCampaign, retryFailedShards, waitForRun } from '@kiago/orchestration';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SETTINGS, type E2eHarness, startE2eHarness } from './support/e2e-harness.js';
import { createFaultInjector } from './support/fault-injection.js';
import { expectConsistentRun } from './support/run-assertions.js';

describe('failures: retries, parked shards, retry rounds, retry-failed, out of memory', () => {
  let harness: E2eHarness;
  const faults = createFaultInjector();
  beforeAll(async () => {
    harness = await startE2eHarness({
      label: 'failures',
      interceptors: { gpu: [faults.interceptor], screening: [faults.interceptor] },
    });
  });
  afterEach(() => faults.plan(undefined));
  afterAll(() => harness?.close());

  const attemptsOf = async (runId: string, stage: string) =>
    (
      await harness.db.pool.query<{
        index: number;
        attempt: number;
        outcome: string;
        error_type: string | null;
      }>(
        `SELECT s.index, a.attempt, a.outcome, a.error_type FROM shard_attempts a JOIN shards s ON s.id = a.shard_id
         WHERE s.run_id = $1 AND a.stage = $2 ORDER BY s.index, a.attempt`,
        [runId, stage],
      )
    ).rows;

  it('retries an activity that fails twice, then succeeds, without anyone asking', async () => {
    faults.plan({ activityType: 'screenAndHullShard', times: 2 });
    const { runId } = await launchCampaign(harness.ctx, { spec: harness.spec({ seeds: [0] }) });
    const run = await waitForRun(harness.ctx, runId);
    expect(run.status).toBe('COMPLETED');
    const screen = await attemptsOf(runId, 'screen-hull');
    for (const index of [0, 1, 2]) {
      expect(
        screen.filter((a) => a.index === index).map((a) => [a.attempt, a.outcome, a.error_type]),
      ).toEqual([
        [1, 'failed', 'ECONNRESET'],
        [2, 'failed', 'ECONNRESET'],
        [3, 'succeeded', null],
      ]);
    }
    await expectConsistentRun(harness.db, runId);
  });

  it('parks a shard that exhausts its attempts as FAILED, goes on, and re-attempts it in the next round', async () => {
    faults.plan({ activityType: 'screenAndHullShard', firstShardOnly: true, times: 3 }); // = maximumAttempts
    const ctx = { ...harness.ctx, settings: { ...E2E_SETTINGS, retryRoundDelayMs: 1500 } };
    const { runId } = await launchCampaign(ctx, { spec: harness.spec({ shardRetryRounds: 1 }) });
    const run = await waitForRun(harness.ctx, runId);
    expect(run.status).toBe('COMPLETED');
    expect(run.shards.succeeded).toBe(6);
    const failedShardId = [...faults.failed().keys()][0]!;
    const hull = (await attemptsOf(runId, 'screen-hull')).filter(
      (a) => a.error_type !== null || a.outcome === 'succeeded',
    );
    const shard = await harness.db.prisma.shard.findUniqueOrThrow({ where: { id: failedShardId } });
    const shardHull = hull.filter((a) => a.index === shard.index).map((a) => [a.attempt, a.outcome]);
    // Round 0: three failed attempts (parked); round 1: a fresh ShardWorkflow succeeds.
    expect(shardHull).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'failed'],
      [4, 'succeeded'],
    ]);
    expect(shard).toMatchObject({ status: 'SUCCEEDED', lastError: null, errorType: null });
    // The retry round waited retryRoundDelayMs after the first round ended.
    const times = await harness.db.prisma.shardAttempt.findMany({
      where: { shardId: shard.id, stage: 'screen-hull' },
      orderBy: { attempt: 'asc' },
    });
    expect(times[3]!.startedAt.getTime() - times[2]!.finishedAt!.getTime()).toBeGreaterThanOrEqual(1500);
    // The other shards ran once.
    expect(hull.filter((a) => a.index !== shard.index).every((a) => a.attempt === 1)).toBe(true);
    await expectConsistentRun(harness.db, runId);
  });

  it('closes COMPLETED_WITH_FAILURES after the last round; retry-failed re-runs only the failed shard', async () => {
    faults.plan({ activityType: 'optimiseShard', firstShardOnly: true, times: 6 }); // 3 attempts × 2 rounds
    const { runId } = await launchCampaign(harness.ctx, { spec: harness.spec({ shardRetryRounds: 1 }) });
    const first = await waitForRun(harness.ctx, runId);
    expect(first.status).toBe('COMPLETED_WITH_FAILURES');
    expect(first.shards).toMatchObject({ succeeded: 5, failed: 1 });
    const parked = await harness.db.prisma.shard.findFirstOrThrow({ where: { runId, status: 'FAILED' } });
    expect(parked).toMatchObject({ errorType: 'ECONNRESET', attempts: 6 });
    expect(parked.lastError).toMatch(/ECONNRESET/);
    const summary = (await harness.db.prisma.run.findUniqueOrThrow({ where: { id: runId } })).summary as {
      failedShards: { index: number; errorType: string }[];
    };
    expect(summary.failedShards).toEqual([
      expect.objectContaining({ index: parked.index, errorType: 'ECONNRESET' }),
    ]);

    await expect(
      retryFailedShards(harness.ctx, runId, { errorTypes: ['RESOURCE_EXHAUSTED'] }),
    ).rejects.toThrow(/no failed shards with error type RESOURCE_EXHAUSTED/);
    const retry = await retryFailedShards(harness.ctx, runId, { errorTypes: ['ECONNRESET'] });
    expect(retry.shards).toBe(1);
    const second = await waitForRun(harness.ctx, runId);
    expect(second.status).toBe('COMPLETED');
    expect(second.shards).toMatchObject({ succeeded: 6, failed: 0 });
    const optimise = await attemptsOf(runId, 'optimise');
    expect(optimise.filter((a) => a.index !== parked.index).every((a) => a.attempt === 1)).toBe(true);
    expect(optimise.filter((a) => a.index === parked.index).at(-1)).toMatchObject({
      attempt: 7,
      outcome: 'succeeded',
    });
    await expectConsistentRun(harness.db, runId);
  });

  it('retries an out-of-memory optimisation with half the micro-batch', async () => {
    faults.plan({
      activityType: 'optimiseShard',
      firstShardOnly: true,
      times: 2,
      error: () =>
        new ResourceExhaustedError(8, new Error('OOM when allocating tensor with shape[8,4,7,32]')),
    });
    const { runId } = await launchCampaign(harness.ctx, {
      spec: harness.spec({ bases: ['MgB2'], seeds: [0] }),
    });
    const run = await waitForRun(harness.ctx, runId);
    expect(run.status).toBe('COMPLETED');
    // First call: the spec's micro-batch; then the workflow halves what the failure reported: 8 → 4 → 4.
    expect(faults.calls().map((args) => (args[0] as { microBatch?: number }).microBatch)).toEqual([
      undefined,
      4,
      4,
    ]);
    const optimise = await attemptsOf(runId, 'optimise');
    expect(optimise.map((a) => [a.outcome, a.error_type])).toEqual([
      ['failed', 'RESOURCE_EXHAUSTED'],
      ['failed', 'RESOURCE_EXHAUSTED'],
      ['succeeded', null],
    ]);
  });
});
