#!/usr/bin/env node
import { runMain, runWorkerProcess } from '@kiago/worker-runtime';
import { createScreeningWorker } from './create-screening-worker.js';
import { parseScreeningWorkerProcessEnv } from './env.js';

/** `node services/screening-worker/dist/worker.js`: the kiago-screening worker process. */
async function main(): Promise<void> {
  const env = parseScreeningWorkerProcessEnv();
  await runWorkerProcess({
    name: 'kiago-screening',
    env: env.worker,
    createWorkers: async (deps) => ({
      workers: [
        await createScreeningWorker({
          ...deps,
          taskQueue: env.worker.temporal.taskQueues.screening,
          concurrency: env.concurrency,
          shutdownGraceMs: env.shutdownGraceMs,
          ...(env.hullReferenceSet && { hullReferenceSet: env.hullReferenceSet }),
        }),
      ],
    }),
  });
}

runMain('kiago-screening', main);
