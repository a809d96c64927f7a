#!/usr/bin/env node
import { type ApiEnv, startApiServer, temporalLauncher, temporalPredictor } from '@kiago/api';
import {
  countRunningShards,
  createGpuAutoscaler,
  createK8sApi,
  createTemporalBacklogSource,
} from '@kiago/autoscaler';
import { connectTemporalClient } from '@kiago/orchestration';
import { runMain, runWorkerProcess } from '@kiago/worker-runtime';
import { createOrchestratorWorker } from './create-orchestrator-worker.js';
import { type OrchestratorEnv, parseOrchestratorEnv } from './env.js';

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
    launcher: temporalLauncher({
      db,
      client,
      taskQueues: env.worker.temporal.taskQueues,
      limits: env.campaignPlan.limits,
    }),
    predictor: temporalPredictor({ client, taskQueues: env.worker.temporal.taskQueues }),
    campaignPlan: env.campaignPlan,
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
