#!/usr/bin/env node
import { selectTfBackend } from '@kiago/optimiser';
import { runMain, runWorkerProcess } from '@kiago/worker-runtime';
import { createGpuWorker } from './create-gpu-worker.js';
import { parseGpuWorkerProcessEnv } from './env.js';

/** `node services/gpu-worker/dist/worker.js`: the kiago-gpu worker process (one per GPU node). */
async function main(): Promise<void> {
  const env = parseGpuWorkerProcessEnv();
  await selectTfBackend(env.tfBackend);
  await runWorkerProcess({
    name: 'kiago-gpu-worker',
    env: env.worker,
    createWorkers: async (deps) => {
      const gpu = await createGpuWorker({
        ...deps,
        taskQueue: env.worker.temporal.taskQueues.gpu,
        slots: env.slots,
        shutdownGraceMs: env.shutdownGraceMs,
        ...(env.modelsDir && { modelsDir: env.modelsDir }),
      });
      return { workers: [gpu.worker], release: () => gpu.models.dispose() };
    },
  });
}

runMain('kiago-gpu-worker', main);
