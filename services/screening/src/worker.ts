#!/usr/bin/env node
import { runWorkerProcess } from '@kiago/worker-runtime';
import { createScreeningWorker } from './worker/create-screening-worker.js';
import { parseScreeningWorkerProcessEnv } from './worker/worker-env.js';

/** `node services/screening/dist/worker.js`: the kiago-screening worker process. */
async function main(): Promise<void> {
  const env = parseScreeningWorkerProcessEnv();
  await runWorkerProcess({
    name: 'kiago-screening',
    env: env.worker,
    createWorkers: async ({ connection, namespace, db, logger }) => ({
      workers: [
        await createScreeningWorker({
          connection,
          namespace,
          taskQueue: env.worker.temporal.taskQueues.screening,
          db,
          logger,
          concurrency: env.concurrency,
          ...(env.hullReferenceSet && { hullReferenceSet: env.hullReferenceSet }),
        }),
      ],
    }),
  });
}

main().catch((error: unknown) => {
  console.error(
    `kiago-screening: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 1;
});
