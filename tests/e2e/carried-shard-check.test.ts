import {
  createOrchestratorActivities,
  type FinishAndReportShardInput,
  getRunStatus,
  launchCampaign,
  orchestrationSettings,
} from '@kiago/orchestration';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SETTINGS, type E2eHarness, startE2eHarness } from './support/e2e-harness.js';
import { expectConsistentRun } from './support/run-assertions.js';

/**
 * Drops every shard's `shardFinished` signal (its row is still written): carried shards can then only
 * be found by the check.
 */
const dropReports: ActivityInterceptorsFactory = (ctx) => ({
  inbound: {
    async execute(input, next) {
      if (ctx.info.activityType !== 'finishAndReportShard') return next(input);
      const { finish } = input.args[0] as FinishAndReportShardInput;
      return next({ ...input, args: [{ finish }] });
    },
  },
});

/** Holds the first shard's optimise until released (then fails it): its workflow can be terminated meanwhile. */
function holdFirstOptimise() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held: string | undefined;
  const interceptor: ActivityInterceptorsFactory = (ctx) => ({
    inbound: {
      async execute(input, next) {
        if (ctx.info.activityType !== 'optimiseShard') return next(input);
        const { shardId } = input.args[0] as { shardId: string };
        held ??= shardId;
        if (shardId !== held) return next(input);
        await released;
        throw ApplicationFailure.nonRetryable('released after its workflow was terminated', 'TEST_RELEASED');
      },
    },
  });
  return { interceptor, release: () => release(), held: () => held };
}

/**
 * Carried shards (started by an earlier execution) report only by signal. When that signal never
 * comes (lost, or the shard workflow was terminated), the execution finds the closed workflow on its
 * periodic check (`carriedShardCheckMs`) instead of holding the slot for ever.
 */
describe('carried window: the periodic check of carried shards', () => {
  let harness: E2eHarness;
  const hold = holdFirstOptimise();
  beforeAll(async () => {
    harness = await startE2eHarness({
      label: 'carried-check',
      interceptors: { orchestrator: [dropReports], gpu: [hold.interceptor] },
    });
  }, 120_000);
  afterAll(async () => {
    hold.release();
    await harness?.close();
  });

  it('takes a terminated carried shard as FAILED with its reason and finishes the run', {
    timeout: 90_000,
  }, async () => {
    // Pages of 2 at 2 in parallel: the first page continues as new at once, carrying both shards.
    const ctx = {
      ...harness.ctx,
      settings: orchestrationSettings({ ...E2E_SETTINGS, shardsPerExecution: 2, carriedShardCheckMs: 1000 }),
    };
    const { runId, workflowId } = await launchCampaign(ctx, {
      spec: harness.spec({
        bases: ['MgB2', 'Nb3Sn'],
        seeds: [0, 1],
        maxParallelShards: 2,
        shardRetryRounds: 0,
      }),
    });
    const executions = async () =>
      (await getRunStatus(ctx, runId).catch(() => undefined))?.workflow?.executions ?? 0;
    for (let i = 0; i < 300 && ((await executions()) < 2 || !hold.held()); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { rows } = await harness.db.pool.query<{ index: number }>(
      'SELECT index FROM shards WHERE id = $1',
      [hold.held()],
    );
    const index = rows[0]!.index;
    await harness.client.workflow.getHandle(`${workflowId}/shard-${index}`).terminate('test: a lost shard');
    // Its activity holds the gpu worker's only slot: let it fail (Temporal drops a terminated workflow's results).
    hold.release();

    const result = await harness.client.workflow.getHandle(workflowId).result();
    expect(result).toMatchObject({
      status: 'COMPLETED_WITH_FAILURES',
      progress: { shards: { total: 4, succeeded: 3, failed: 1 } },
    });
    const shards = await harness.db.pool.query<{ index: number; status: string; error_type: string | null }>(
      'SELECT index, status, error_type FROM shards WHERE run_id = $1 ORDER BY index',
      [runId],
    );
    expect(shards.rows.find((shard) => shard.index === index)).toMatchObject({
      status: 'FAILED',
      error_type: 'WORKFLOW_TERMINATED',
    });
    expect(shards.rows.filter((shard) => shard.status === 'SUCCEEDED')).toHaveLength(3);
    // The released attempt's failure closes its attempt log.
    const running = async () =>
      (
        await harness.db.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM shard_attempts a JOIN shards s ON s.id = a.shard_id
           WHERE s.run_id = $1 AND a.outcome = 'running'`,
          [runId],
        )
      ).rows[0]!.n;
    for (let i = 0; i < 100 && (await running()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    await expectConsistentRun(harness.db, runId);
  });

  it('reports a shard workflow Temporal no longer knows as ended (UNKNOWN)', async () => {
    const activities = createOrchestratorActivities({
      db: harness.db,
      logger: console,
      client: harness.client,
    });
    const outcomes = await activities.carriedShardOutcomes({
      campaignWorkflowId: 'kiago-run-never-started',
      shards: [{ id: 'a-shard', index: 0 }],
    });
    expect(outcomes).toEqual({ reports: [], ended: [{ shardId: 'a-shard', status: 'UNKNOWN' }] });
  });
});
