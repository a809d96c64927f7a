import { createAllWorkers, devUpWorkerOptions } from '@kiago/cli';
import { createDb } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { parseGpuWorkerProcessEnv } from '@kiago/gpu-worker';
import { installTemporalRuntime, runWorkers } from '@kiago/worker-runtime';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { temporalTestAddress } from '../setup/temporal-address.js';

describe('kiago dev up', () => {
  it('gives its gpu and screening workers KIAGO_SHUTDOWN_GRACE_S and the 2 s heartbeat flush', {
    timeout: 60_000,
  }, async () => {
    installTemporalRuntime('error');
    const address = await temporalTestAddress();
    const env = parseGpuWorkerProcessEnv({
      DATABASE_URL: testDatabaseUrl(),
      TEMPORAL_ADDRESS: address,
      KIAGO_TASK_QUEUE_SUFFIX: `dev-up-${Date.now().toString(36)}`,
      KIAGO_TF_BACKEND: 'cpu',
      KIAGO_SHUTDOWN_GRACE_S: '7',
    });
    const db = createDb({ databaseUrl: env.worker.databaseUrl });
    const connection = await NativeConnection.connect({ address });
    try {
      const options = devUpWorkerOptions(env, {
        connection,
        namespace: 'default',
        db,
        logger: Runtime.instance().logger,
      });
      const { workers, release } = await createAllWorkers(options);
      const running = runWorkers(workers);
      const shardWorkers = workers.filter(
        (worker) => worker.options.taskQueue !== env.worker.temporal.taskQueues.orchestrator,
      );
      expect(shardWorkers.map((worker) => worker.options.taskQueue).sort()).toEqual(
        [env.worker.temporal.taskQueues.gpu, env.worker.temporal.taskQueues.screening].sort(),
      );
      for (const worker of shardWorkers) {
        expect(worker.options).toMatchObject({
          shutdownGraceTimeMs: 7000,
          maxHeartbeatThrottleIntervalMs: 2000,
        });
      }
      for (const worker of workers) worker.shutdown();
      await running;
      release();
    } finally {
      await connection.close();
      await db.close();
    }
  });
});
