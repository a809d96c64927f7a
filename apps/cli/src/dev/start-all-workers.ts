import type { Db } from '@kiago/db';
import type { TfBackendChoice } from '@kiago/optimiser';
import { createOrchestratorWorker } from '@kiago/orchestrator';
import { createScreeningWorker } from '@kiago/screening-worker';
import { runWorkers, type TaskQueues } from '@kiago/worker-runtime';
import type { ActivityInterceptorsFactory, Logger, NativeConnection, Worker } from '@temporalio/worker';

export interface AllWorkersOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueues: TaskQueues;
  db: Db;
  logger: Logger;
  /** TensorFlow.js backend of the gpu worker (`cpu` for tiny demos and tests, `auto` for the fastest). */
  backend: TfBackendChoice;
  gpuSlots?: number;
  modelsDir?: string;
  screeningConcurrency?: number;
  hullReferenceSet?: string;
  workflowBundlePath?: string;
  /** Leave the gpu worker out (it runs in another process, e.g. the SIGKILL test). */
  withoutGpu?: boolean;
  /** KIAGO_SHUTDOWN_GRACE_S of the gpu and screening workers (their own defaults when absent). */
  shutdownGraceMs?: number;
  interceptors?: WorkerInterceptors;
}

/** Extra activity interceptors per worker (fault injection in tests). */
export interface WorkerInterceptors {
  gpu?: ActivityInterceptorsFactory[];
  screening?: ActivityInterceptorsFactory[];
  /** The orchestrator's local bookkeeping activities. */
  orchestrator?: ActivityInterceptorsFactory[];
}

export interface AllWorkers {
  workers: Worker[];
  /** Frees the loaded models (after the workers stopped). */
  release(): void;
}

/** The three workers of the single-process mode (demo, `kiago dev up`, tests) on one connection. */
export async function createAllWorkers(options: AllWorkersOptions): Promise<AllWorkers> {
  const { connection, namespace, taskQueues, db, logger } = options;
  const workers = [
    await createOrchestratorWorker({
      connection,
      namespace,
      taskQueue: taskQueues.orchestrator,
      db,
      logger,
      ...(options.workflowBundlePath && { workflowBundlePath: options.workflowBundlePath }),
      ...(options.interceptors?.orchestrator && { extraInterceptors: options.interceptors.orchestrator }),
    }),
    await createScreeningWorker({
      connection,
      namespace,
      taskQueue: taskQueues.screening,
      db,
      logger,
      concurrency: options.screeningConcurrency ?? 2,
      ...(options.shutdownGraceMs !== undefined && { shutdownGraceMs: options.shutdownGraceMs }),
      ...(options.hullReferenceSet && { hullReferenceSet: options.hullReferenceSet }),
      ...(options.interceptors?.screening && { extraInterceptors: options.interceptors.screening }),
    }),
  ];
  if (options.withoutGpu) return { workers, release: () => undefined };
  // Loaded on demand: TensorFlow.js is heavy and the orchestrator-only process never needs it.
  const [{ createGpuWorker }, { selectTfBackend }] = await Promise.all([
    import('@kiago/gpu-worker'),
    import('@kiago/optimiser'),
  ]);
  await selectTfBackend(options.backend, (line) => logger.info(line));
  const gpu = await createGpuWorker({
    connection,
    namespace,
    taskQueue: taskQueues.gpu,
    db,
    logger,
    slots: options.gpuSlots ?? 1,
    ...(options.shutdownGraceMs !== undefined && { shutdownGraceMs: options.shutdownGraceMs }),
    ...(options.modelsDir && { modelsDir: options.modelsDir }),
    ...(options.interceptors?.gpu && { extraInterceptors: options.interceptors.gpu }),
  });
  workers.push(gpu.worker);
  return { workers, release: () => gpu.models.dispose() };
}

export interface RunningWorkers {
  /** Resolves when every worker has stopped (rejects with the first failure). */
  done: Promise<void>;
  /** Drains and stops the workers, then frees the models. */
  shutdown(): Promise<void>;
}

/** createAllWorkers, running in the background of this process. */
export async function startAllWorkers(options: AllWorkersOptions): Promise<RunningWorkers> {
  const { workers, release } = await createAllWorkers(options);
  const done = runWorkers(workers).finally(release);
  done.catch(() => undefined); // the caller awaits it (or shutdown()); never an unhandled rejection
  return {
    done,
    async shutdown() {
      for (const worker of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
