#!/usr/bin/env node
import { runMain, runWorkerProcess } from '@kiago/worker-runtime';
import type { ApiEnv } from './api/api-env.js';
import { startApiServer, temporalLauncher } from './api/start-api-server.js';
import { createGpuAutoscaler } from './autoscaler/gpu-autoscaler.js';
import { createK8sApi } from './autoscaler/k8s-api.js';
import { createTemporalBacklogSource } from './autoscaler/temporal-backlog-source.js';
import { type OrchestratorEnv, parseOrchestratorEnv } from './env.js';
import { connectTemporalClient } from './temporal/connect-client.js';
import { countRunningShards } from './workers/count-running-shards.js';
import { createOrchestratorWorker } from './workers/create-orchestrator-worker.js';

/**
 * `node services/orchestrator/dist/worker.js`: the kiago-orchestrator workflow worker, the HTTP API
 * when KIAGO_API_TOKEN is set, and the GPU autoscaler when KIAGO_AUTOSCALER_ENABLED=true (both stop
 * with the worker).
 */
async function main(): Promise<void> {
  const env = parseOrchestratorEnv();
  await runWorkerProcess({
    name: 'kiago-orchestrator',
    env: env.worker,
    createWorkers: async (deps) => {
      const { connection, namespace, db, logger } = deps;
      const worker = await createOrchestratorWorker({
        ...deps,
        taskQueue: env.worker.temporal.taskQueues.orchestrator,
        ...(env.workflowBundlePath && { workflowBundlePath: env.workflowBundlePath }),
      });
      const api = env.api && (await startApi(env, env.api, db, logger));
      const stop = new AbortController();
      const autoscaler =
        env.autoscaler.enabled &&
        createGpuAutoscaler({
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
          await api?.close();
        },
      };
    },
  });
}

/** The API launches campaigns through its own Temporal client (the worker holds a NativeConnection). */
async function startApi(
  env: OrchestratorEnv,
  apiEnv: ApiEnv,
  db: Parameters<typeof startApiServer>[0]['db'],
  logger: { info(message: string, meta?: Record<string, unknown>): void },
): Promise<{ close(): Promise<void> }> {
  const client = await connectTemporalClient(env.worker.temporal);
  const server = await startApiServer({
    db,
    launcher: temporalLauncher({ db, client, taskQueues: env.worker.temporal.taskQueues }),
    token: apiEnv.token,
    port: apiEnv.port,
    ...(apiEnv.host && { host: apiEnv.host }),
  });
  logger.info('HTTP API listening', { port: server.port });
  return {
    close: async () => {
      await server.close();
      await client.connection.close();
    },
  };
}

runMain('kiago-orchestrator', main);
