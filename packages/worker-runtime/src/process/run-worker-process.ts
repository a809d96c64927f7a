import { createDb, type Db } from '@kiago/db';
import { type Logger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import type { WorkerEnv } from '../env/worker-env.js';
import { type ReadinessCheck, startHealthServer } from '../health/health-server.js';
import { temporalConnectionOptions } from '../temporal/connection-options.js';
import { installTemporalRuntime } from '../temporal/install-runtime.js';
import { runWorkers } from './run-workers.js';

export interface WorkerProcessDeps {
  connection: NativeConnection;
  namespace: string;
  db: Db;
  logger: Logger;
}

/** The workers of a process, and what to release once they have drained (models, the autoscaler). */
export interface ProcessWorkers {
  workers: Worker[];
  release?: () => void | Promise<void>;
}

export interface WorkerProcessOptions {
  /** Process name for logs, e.g. `kiago-gpu`. */
  name: string;
  env: WorkerEnv;
  /** Builds the process's workers (one per task queue) on the shared connection and database. */
  createWorkers: (deps: WorkerProcessDeps) => Promise<ProcessWorkers>;
}

/**
 * The life of a worker process: logger, Postgres pool, Temporal connection, workers, the health
 * server (`/healthz`, `/readyz` on KIAGO_HEALTH_PORT). SIGINT/SIGTERM drain the workers (activities
 * get the worker's shutdown grace time to finish, then are cancelled), then everything closes.
 */
export async function runWorkerProcess(options: WorkerProcessOptions): Promise<void> {
  const { env } = options;
  installTemporalRuntime(env.logLevel);
  const logger = Runtime.instance().logger;
  const db = createDb({ databaseUrl: env.databaseUrl });
  let connection: NativeConnection | undefined;
  try {
    connection = await NativeConnection.connect(await temporalConnectionOptions(env.temporal));
    const { workers, release } = await options.createWorkers({
      connection,
      namespace: env.temporal.namespace,
      db,
      logger,
    });
    const health = await startHealthServer({
      port: env.healthPort,
      host: env.healthHost,
      isLive: () => workers.every((worker) => worker.getState() !== 'FAILED'),
      readiness: readinessChecks(db, connection, workers),
    });
    logger.info(`${options.name} started`, {
      temporal: env.temporal.address,
      namespace: env.temporal.namespace,
      taskQueues: workers.map((worker) => worker.options.taskQueue),
      healthPort: health.port,
    });
    try {
      await runWorkers(workers);
    } finally {
      await health.close();
      await release?.();
    }
    logger.info(`${options.name} stopped`);
  } finally {
    await connection?.close();
    await db.close();
  }
}

function readinessChecks(db: Db, connection: NativeConnection, workers: readonly Worker[]): ReadinessCheck[] {
  return [
    { name: 'postgres', check: async () => void (await db.pool.query('SELECT 1')) },
    { name: 'temporal', check: async () => void (await connection.workflowService.getSystemInfo({})) },
    {
      name: 'workers',
      check: async () => {
        const notRunning = workers.filter((worker) => worker.getState() !== 'RUNNING');
        if (notRunning.length > 0) {
          throw new Error(notRunning.map((w) => `${w.options.taskQueue}: ${w.getState()}`).join(', '));
        }
      },
    },
  ];
}
