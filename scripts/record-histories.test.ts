import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ResourceExhaustedError } from '@kiago/optimiser';
import {
  cancelRun,
  launchCampaign,
  orchestrationSettings,
  pauseRun,
  resumeRun,
  runNightlyNow,
  waitForRun,
} from '@kiago/orchestration';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { E2E_SETTINGS, type E2eHarness, startE2eHarness } from '../tests/e2e/support/e2e-harness.js';
import { createFaultInjector } from '../tests/e2e/support/fault-injection.js';

/**
 * One folder per generation of the workflow code. After a deliberate workflow change (behind
 * `patched()`), name a new set here and record it: the older sets stay and must keep replaying.
 */
const HISTORY_SET = '5-one-end-activity';
const HISTORIES = fileURLToPath(new URL(`../tests/e2e/histories/${HISTORY_SET}/`, import.meta.url));

/**
 * Not a test: records the histories tests/e2e/replay.test.ts replays. Run `npm run record:histories`
 * after a deliberate workflow change, then `npx biome check --write tests/e2e/histories` and commit
 * them. It runs under vitest for the e2e harness and the Temporal dev server of the test set-up. Each flow exercises a different path of the
 * workflows: continue-as-new, parked shard + retry round, out-of-memory halving, pause/resume,
 * cancellation, the nightly workflow.
 */
describe('record workflow histories', () => {
  let harness: E2eHarness;
  const faults = createFaultInjector();
  beforeAll(async () => {
    harness = await startE2eHarness({
      label: 'histories',
      interceptors: { gpu: [faults.interceptor], screening: [faults.interceptor] },
    });
    await mkdir(HISTORIES, { recursive: true });
  });
  afterAll(() => harness?.close());

  /** Every execution (continue-as-new included) of `workflowId` into `<flow>-<n>.json`. */
  async function save(flow: string, workflowIds: string[]): Promise<void> {
    let n = 0;
    for (const workflowId of workflowIds) {
      const executions = [];
      for await (const execution of harness.client.workflow.list({ query: `WorkflowId = "${workflowId}"` })) {
        executions.push(execution);
      }
      executions.sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
      for (const execution of executions) {
        const history = await harness.client.workflow.getHandle(workflowId, execution.runId).fetchHistory();
        // The workflow id is part of what replays (child ids derive from it).
        const file = `{"workflowId": ${JSON.stringify(workflowId)}, "history": ${historyToJSON(history)}}\n`;
        await writeFile(`${HISTORIES}${flow}-${++n}-${execution.type}.json`, file);
      }
    }
  }

  it('records every flow', { timeout: 300_000 }, async () => {
    const small = { bases: ['MgB2', 'Nb3Sn', 'La1.85Sr0.15CuO4'], seeds: [0] };
    // Shards long enough (200 steps) to be still running when the second execution starts, and
    // checked on (carriedShardCheckMs) before they report.
    const continued = await launchCampaign(
      {
        ...harness.ctx,
        settings: orchestrationSettings({ ...E2E_SETTINGS, shardsPerExecution: 2, carriedShardCheckMs: 300 }),
      },
      { spec: harness.spec({ ...small, steps: 200 }) },
    );
    await waitForRun(harness.ctx, continued.runId);
    // shard-0 ran across the continue-as-new and reported to the second execution.
    await save('campaign-continue-as-new', [continued.workflowId, `${continued.workflowId}/shard-0`]);

    faults.plan({ activityType: 'screenAndHullShard', firstShardOnly: true, times: 3 });
    const parked = await launchCampaign(harness.ctx, {
      spec: harness.spec({ ...small, shardRetryRounds: 1 }),
    });
    await waitForRun(harness.ctx, parked.runId);
    const failedIndex = (
      await harness.db.prisma.shard.findUniqueOrThrow({ where: { id: [...faults.failed().keys()][0]! } })
    ).index;
    await save('shard-parked-then-retried', [parked.workflowId, `${parked.workflowId}/shard-${failedIndex}`]);

    faults.plan({
      activityType: 'optimiseShard',
      firstShardOnly: true,
      times: 2,
      error: () => new ResourceExhaustedError(8, new Error('OOM when allocating tensor')),
    });
    const oom = await launchCampaign(harness.ctx, { spec: harness.spec({ bases: ['MgB2'], seeds: [0] }) });
    await waitForRun(harness.ctx, oom.runId);
    await save('shard-out-of-memory', [`${oom.workflowId}/shard-0`]);
    faults.plan(undefined);

    const paused = await launchCampaign(harness.ctx, {
      spec: harness.spec({ ...small, maxParallelShards: 1 }),
    });
    await pauseRun(harness.ctx, paused.runId);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await resumeRun(harness.ctx, paused.runId);
    await waitForRun(harness.ctx, paused.runId);
    await save('campaign-paused-resumed', [paused.workflowId]);

    const cancelled = await launchCampaign(harness.ctx, { spec: harness.spec({ ...small, steps: 400 }) });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await cancelRun(harness.ctx, cancelled.runId, { wait: true });
    await save('campaign-cancelled', [cancelled.workflowId, `${cancelled.workflowId}/shard-0`]);

    const nightly = harness.spec({ bases: ['MgB2'], seeds: [0], nightly: true });
    const first = await launchCampaign(harness.ctx, { spec: nightly });
    await waitForRun(harness.ctx, first.runId);
    const nightlyId = await runNightlyNow(harness.ctx, { force: true });
    await harness.client.workflow.getHandle(nightlyId).result();
    await save('nightly-forced', [nightlyId]);
  });
});
