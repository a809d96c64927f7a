#!/usr/bin/env node
import { runWorkerProcess } from '@kiago/worker-runtime';
import { createGpuAutoscaler } from './autoscaler/gpu-autoscaler.js';
import { createK8sApi } from './autoscaler/k8s-api.js';
import { createTemporalBacklogSource } from './autoscaler/temporal-backlog-source.js';
import { parseOrchestratorEnv } from './env.js';
import { countRunningShards } from './workers/count-running-shards.js';
import { createOrchestratorWorker } from './workers/create-orchestrator-worker.js';

/**
 * `node services/orchestrator/dist/worker.js`: the kiago-orchestrator workflow worker, and the GPU
 * autoscaler when KIAGO_AUTOSCALER_ENABLED=true (it stops with the worker).
 */
async function main(): Promise<void> {
  const env = parseOrchestratorEnv();
  await runWorkerProcess({
    name: 'kiago-orchestrator',
    env: env.worker,
    createWorkers: async ({ connection, namespace, db, logger }) => {
      const worker = await createOrchestratorWorker({
        connection,
        namespace,
        taskQueue: env.worker.temporal.taskQueues.orchestrator,
        db,
        logger,
        ...(env.workflowBundlePath && { workflowBundlePath: env.workflowBundlePath }),
      });
      if (!env.autoscaler.enabled) return { workers: [worker] };
      const stop = new AbortController();
      const autoscaler = createGpuAutoscaler({
        k8s: createK8sApi(),
        backlogSource: createTemporalBacklogSource({
          workflowService: connection.workflowService,
          namespace,
          taskQueue: env.worker.temporal.taskQueues.gpu,
          countRunningShards: () => countRunningShards(db),
        }),
        config: env.autoscaler.config,
        logger,
      }).run(stop.signal);
      return {
        workers: [worker],
        release: async () => {
          stop.abort();
          await autoscaler;
        },
      };
    },
  });
}

main().catch((error: unknown) => {
  console.error(
    `kiago-orchestrator: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 1;
});
