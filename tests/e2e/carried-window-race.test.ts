import { type FinishAndReportShardInput, launchCampaign, orchestrationSettings } from '@kiago/orchestration';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SETTINGS, type E2eHarness, startE2eHarness } from './support/e2e-harness.js';
import { expectConsistentRun } from './support/run-assertions.js';

const HOLD_MS = 2000;

/**
 * Holds the first shard between its `shardFinished` signal and its completion until another shard
 * has reported, and 2 s longer: the race the 10,000-shard run lost four shards to. The other shard's
 * end frees the slot of the page's last shard, the page ends, and the campaign continues as new
 * while the held shard's signal is already spent on the old execution.
 */
function holdFirstReport(): ActivityInterceptorsFactory {
  let held: string | undefined;
  let otherReported!: () => void;
  const other = new Promise<void>((resolve) => {
    otherReported = resolve;
  });
  return (ctx) => ({
    inbound: {
      async execute(input, next) {
        if (ctx.info.activityType !== 'finishAndReportShard') return next(input);
        const { shardId } = (input.args[0] as FinishAndReportShardInput).finish;
        held ??= shardId;
        const result = await next(input);
        if (shardId !== held) otherReported();
        else {
          await other;
          await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
        }
        return result;
      },
    },
  });
}

describe('carried window: a shard that signalled just before continue-as-new', () => {
  let harness: E2eHarness;
  beforeAll(async () => {
    harness = await startE2eHarness({ label: 'race', interceptors: { orchestrator: [holdFirstReport()] } });
  }, 120_000);
  afterAll(() => harness?.close());

  it('is waited for by the page end, not carried over and lost', { timeout: 90_000 }, async () => {
    // 4 shards, 2 at a time, pages of 3: shard 2 starts when shard 0 or 1 ends, then the page ends.
    const ctx = {
      ...harness.ctx,
      settings: orchestrationSettings({ ...E2E_SETTINGS, shardsPerExecution: 3 }),
    };
    const launched = await launchCampaign(ctx, {
      spec: harness.spec({ bases: ['MgB2', 'Nb3Sn'], seeds: [0, 1], maxParallelShards: 2 }),
    });
    const handle = harness.client.workflow.getHandle(launched.workflowId);
    const hung = new Promise<never>((_, reject) => {
      setTimeout(
        () => reject(new Error('the run did not complete in 45 s: a shard report was lost')),
        45_000,
      ).unref();
    });
    const result = await Promise.race([handle.result(), hung]);
    expect(result.progress).toMatchObject({ executions: 2, shards: { total: 4, succeeded: 4 } });
    await expectConsistentRun(harness.db, launched.runId);
  });
});
