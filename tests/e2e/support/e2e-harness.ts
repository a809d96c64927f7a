import { randomUUID } from 'node:crypto';
import { type RunningWorkers, startAllWorkers, type WorkerInterceptors } from '@kiago/cli';
import { createDb, type Db } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { type OrchestrationContext, orchestrationSettings } from '@kiago/orchestration';
import type { CampaignSpecInput } from '@kiago/shared';
import { installTemporalRuntime, suffixedTaskQueues, type TaskQueues } from '@kiago/worker-runtime';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { registerTinyModelVersions } from '../../../packages/optimiser/src/activities/fixtures/tiny-model-versions.js';
import { temporalTestAddress } from '../../setup/temporal-address.js';
import { importReferenceFixture } from './reference-fixture.js';
import { testWorkflowBundlePath } from './workflow-bundle.js';

export interface E2eHarnessOptions {
  /** Label in queue, campaign and model names (keeps concurrent test files apart). */
  label: string;
  /** Run the gpu worker elsewhere (a child process). */
  withoutGpu?: boolean;
  interceptors?: WorkerInterceptors;
  /** Another Temporal server (e.g. the time-skipping test server); the caller closes its connections. */
  temporal?: { address: string; workerConnection: NativeConnection; client: Client };
}

export interface E2eHarness {
  db: Db;
  client: Client;
  address: string;
  /** KIAGO_TASK_QUEUE_SUFFIX of this harness's queues (for worker processes of its own). */
  taskQueueSuffix: string;
  taskQueues: TaskQueues;
  referenceSet: string;
  models: { tc: string; ef: string; tcModelVersionId: string; efModelVersionId: string };
  ctx: OrchestrationContext;
  workers: RunningWorkers;
  /** A small spec (3 bases × 2 seeds, 8 candidates × 10 steps) on this harness's models. */
  spec(overrides?: Partial<CampaignSpecInput>): CampaignSpecInput;
  close(): Promise<void>;
}

/** Timeouts for tests: a killed worker is noticed in seconds, retries come quickly. */
export const E2E_SETTINGS = orchestrationSettings({
  retryRoundDelayMs: 0,
  optimise: { heartbeatMs: 5000, initialRetryMs: 200, maximumRetryMs: 1000, maximumAttempts: 3 },
  screening: { heartbeatMs: 10_000, initialRetryMs: 200, maximumRetryMs: 1000, maximumAttempts: 3 },
  referenceEnergies: { heartbeatMs: 10_000, initialRetryMs: 200, maximumRetryMs: 1000 },
});

/**
 * Real Postgres (the test database), the real Temporal dev server, the real workers of all three
 * queues in this process (queues suffixed per test file), tiny registered models and a small
 * reference set.
 */
export async function startE2eHarness(options: E2eHarnessOptions): Promise<E2eHarness> {
  // Activity failures are logged as warnings; the tests provoke plenty of them on purpose.
  installTemporalRuntime('error');
  const suffix = `${options.label}-${randomUUID().slice(0, 8)}`;
  const address = options.temporal?.address ?? (await temporalTestAddress());
  const db = createDb({ databaseUrl: testDatabaseUrl() });
  const models = { tc: `e2e-tc-${suffix}`, ef: `e2e-ef-${suffix}` };
  const ids = await registerTinyModelVersions(db, models);
  const referenceSet = `e2e-refs-${suffix}`;
  await importReferenceFixture(db, referenceSet);
  const taskQueues = suffixedTaskQueues(suffix);
  const own = options.temporal
    ? undefined
    : {
        workerConnection: await NativeConnection.connect({ address }),
        connection: await Connection.connect({ address }),
      };
  const workerConnection = options.temporal?.workerConnection ?? own!.workerConnection;
  const client =
    options.temporal?.client ?? new Client({ connection: own!.connection, namespace: 'default' });
  const workers = await startAllWorkers({
    connection: workerConnection,
    namespace: 'default',
    taskQueues,
    db,
    logger: Runtime.instance().logger,
    backend: 'auto',
    hullReferenceSet: referenceSet,
    workflowBundlePath: await testWorkflowBundlePath(),
    ...(options.withoutGpu && { withoutGpu: true }),
    ...(options.interceptors && { interceptors: options.interceptors }),
  });
  const ctx: OrchestrationContext = { db, client, taskQueues, settings: E2E_SETTINGS };
  return {
    db,
    client,
    address,
    taskQueueSuffix: suffix,
    taskQueues,
    referenceSet,
    models: { ...models, ...ids },
    ctx,
    workers,
    spec: (overrides = {}) => ({
      name: `e2e-${options.label}-${randomUUID().slice(0, 8)}`,
      bases: ['MgB2', 'Nb3Sn', 'La1.85Sr0.15CuO4'],
      seeds: [0, 1],
      candidatesPerShard: 8,
      steps: 10,
      nUnits: { min: 1, max: 20 },
      maxParallelShards: 3,
      shardRetryRounds: 1,
      models: { tc: models.tc, ef: models.ef },
      ...overrides,
    }),
    async close() {
      await workers.shutdown();
      await own?.workerConnection.close();
      await own?.connection.close();
      await db.close();
    },
  };
}
