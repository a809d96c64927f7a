import type { Db } from '@kiago/db';
import {
  createGpuActivities,
  createModelCache,
  type InferenceOptions,
  type ModelCache,
  temporalActivityRuntime,
} from '@kiago/optimiser';
import { HEARTBEAT_FLUSH_MS, shardWorkerInterceptors, workerIdentity } from '@kiago/worker-runtime';
import {
  type ActivityInterceptorsFactory,
  type Logger,
  type NativeConnection,
  Worker,
} from '@temporalio/worker';

export interface GpuWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Db;
  logger: Logger;
  /** Shards run at once: GPUs on the node (KIAGO_GPU_SLOTS), 1 on a CPU. */
  slots: number;
  /** KIAGO_MODELS_DIR. */
  modelsDir?: string;
  inference?: InferenceOptions;
  /** Run closest to the activities, inside the attempt log (fault injection in tests). */
  extraInterceptors?: ActivityInterceptorsFactory[];
  /** How long running shards may finish after a shutdown signal before they are cancelled and retried elsewhere. */
  shutdownGraceMs?: number;
}

export interface GpuWorker {
  worker: Worker;
  models: ModelCache;
}

/** The `kiago-gpu` worker: optimiseShard and prepareReferenceEnergies, `slots` at a time. */
export async function createGpuWorker(options: GpuWorkerOptions): Promise<GpuWorker> {
  const models = createModelCache({
    db: options.db,
    ...(options.modelsDir && { modelsDir: options.modelsDir }),
    ...(options.inference && { inference: options.inference }),
  });
  const identity = workerIdentity();
  const worker = await Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    identity,
    activities: createGpuActivities({
      db: options.db,
      models,
      logger: options.logger,
      runtime: temporalActivityRuntime,
    }),
    maxConcurrentActivityTaskExecutions: options.slots,
    shutdownGraceTime: options.shutdownGraceMs ?? 60_000,
    maxHeartbeatThrottleInterval: HEARTBEAT_FLUSH_MS,
    interceptors: {
      activity: shardWorkerInterceptors({
        db: options.db,
        worker: identity,
        stages: {
          optimiseShard: {
            stage: 'optimise',
            shardIdOf: (args) => (args[0] as { shardId?: unknown } | undefined)?.shardId,
          },
        },
        logger: options.logger,
        extra: options.extraInterceptors,
      }),
    },
  });
  return { worker, models };
}
