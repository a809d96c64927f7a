import type { Db } from '@kiago/db';
import { createScreeningActivities, type ScreeningWorkerActivities, summariseRun } from '@kiago/screening';
import { HEARTBEAT_FLUSH_MS, shardWorkerInterceptors, workerIdentity } from '@kiago/worker-runtime';
import { Context } from '@temporalio/activity';
import {
  type ActivityInterceptorsFactory,
  type Logger,
  type NativeConnection,
  Worker,
} from '@temporalio/worker';

export interface ScreeningWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Db;
  logger: Logger;
  /** Activities run at once (CPU-bound hull LPs: about the cores of the pod). */
  concurrency: number;
  /** Reference set of the hull (default "mp"). */
  hullReferenceSet?: string;
  /** Run closest to the activities, inside the attempt log (fault injection in tests). */
  extraInterceptors?: ActivityInterceptorsFactory[];
  /** How long running stages may finish after a shutdown signal before they are cancelled (default 30 s). */
  shutdownGraceMs?: number;
}

const shardIdArgument = (args: readonly unknown[]) => args[0];

/** The `kiago-screening` worker: screenAndHullShard (screenShard, hullShard), dedupeRun, summariseRun. */
export async function createScreeningWorker(options: ScreeningWorkerOptions): Promise<Worker> {
  const identity = workerIdentity();
  const activities: ScreeningWorkerActivities = {
    ...createScreeningActivities({
      db: options.db,
      logger: options.logger,
      heartbeat: (progress) => Context.current().heartbeat(progress),
      ...(options.hullReferenceSet && { hullReferenceSet: options.hullReferenceSet }),
    }),
    summariseRun: (runId) => summariseRun(options.db, runId),
  };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    identity,
    activities,
    maxConcurrentActivityTaskExecutions: options.concurrency,
    shutdownGraceTime: options.shutdownGraceMs ?? 30_000,
    maxHeartbeatThrottleInterval: HEARTBEAT_FLUSH_MS,
    interceptors: {
      activity: shardWorkerInterceptors({
        db: options.db,
        worker: identity,
        stages: {
          screenShard: { stage: 'screen', shardIdOf: shardIdArgument },
          hullShard: { stage: 'hull', shardIdOf: shardIdArgument },
          screenAndHullShard: { stage: 'screen-hull', shardIdOf: shardIdArgument },
        },
        logger: options.logger,
        extra: options.extraInterceptors,
      }),
    },
  });
}
