import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  type CampaignWorkflowResult,
  DEFAULT_ORCHESTRATION_SETTINGS,
  launchCampaign,
  orchestrationSettings,
} from '@kiago/orchestration';
import { installTemporalRuntime } from '@kiago/worker-runtime';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SETTINGS, type E2eHarness, startE2eHarness } from './support/e2e-harness.js';
import { createFaultInjector } from './support/fault-injection.js';
import { expectConsistentRun } from './support/run-assertions.js';

const SETUP_TEST_SERVER = fileURLToPath(
  new URL('../../scripts/setup-temporal-test-server.sh', import.meta.url),
);

/**
 * The retry-round delay at its production length (60 s, doubled each round) on Temporal's
 * time-skipping test server: the workflow's timers fire as soon as nothing else is pending, so the
 * test checks the real schedule without waiting three minutes.
 */
describe('retry rounds back off (time-skipping test server)', () => {
  let env: TestWorkflowEnvironment;
  let harness: E2eHarness;
  const faults = createFaultInjector();
  beforeAll(async () => {
    installTemporalRuntime('error'); // before the test environment creates the default one
    const path = execFileSync('bash', [SETUP_TEST_SERVER], { encoding: 'utf8' }).trim();
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path } },
    });
    harness = await startE2eHarness({
      label: 'backoff',
      interceptors: { screening: [faults.interceptor] },
      temporal: { address: env.address, workerConnection: env.nativeConnection, client: env.client },
    });
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
    await env?.teardown();
  });

  it('waits 60 s before round 1 and 120 s before round 2, then the parked shard succeeds', {
    timeout: 120_000,
  }, async () => {
    const delayMs = DEFAULT_ORCHESTRATION_SETTINGS.retryRoundDelayMs ?? 0;
    expect(delayMs).toBe(60_000);
    const ctx = {
      ...harness.ctx,
      settings: orchestrationSettings({ ...E2E_SETTINGS, retryRoundDelayMs: delayMs }),
    };
    // Three attempts per round: screen + hull fails through rounds 0 and 1 and succeeds in round 2.
    faults.plan({ activityType: 'screenAndHullShard', times: 6 });
    const started = performance.now();
    const launched = await launchCampaign(ctx, {
      spec: harness.spec({ bases: ['MgB2'], seeds: [0], shardRetryRounds: 2 }),
    });
    const handle = env.client.workflow.getHandle(launched.workflowId);
    const result: CampaignWorkflowResult = await handle.result();
    const wallS = (performance.now() - started) / 1000;
    expect(result).toMatchObject({ status: 'COMPLETED', progress: { shards: { total: 1, succeeded: 1 } } });

    const events = (await handle.fetchHistory()).events ?? [];
    const timers = events.flatMap((e) => {
      const timeout = e.timerStartedEventAttributes?.startToFireTimeout;
      return timeout ? [Number(timeout.seconds ?? 0) * 1000 + Math.round((timeout.nanos ?? 0) / 1e6)] : [];
    });
    expect(timers).toEqual([delayMs, 2 * delayMs]);
    expect(events.filter((e) => e.timerFiredEventAttributes).length).toBe(2);
    const { rows } = await harness.db.pool.query<{ attempt: number; outcome: string }>(
      `SELECT a.attempt, a.outcome FROM shard_attempts a JOIN shards s ON s.id = a.shard_id
       WHERE s.run_id = $1 AND a.stage = 'screen-hull' ORDER BY a.attempt`,
      [launched.runId],
    );
    expect(rows.map((r) => r.outcome)).toEqual([...Array(6).fill('failed'), 'succeeded']);
    console.log(
      `[backoff] ${(3 * delayMs) / 1000} s of retry-round delay passed in ${wallS.toFixed(1)} s wall`,
    );
    await expectConsistentRun(harness.db, launched.runId);
  });
});
