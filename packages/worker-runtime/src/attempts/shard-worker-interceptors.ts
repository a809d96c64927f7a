import type { Db } from '@kiago/db';
import type { ActivityInterceptorsFactory, Logger } from '@temporalio/worker';
import { kiagoFailureInterceptor } from '../failures/kiago-failure-interceptor.js';
import { type ShardStageActivities, shardAttemptInterceptor } from './shard-attempt-interceptor.js';

export interface ShardWorkerInterceptorsOptions {
  db: Pick<Db, 'pool'>;
  /** Recorded as ShardAttempt.worker (pod or host name and pid). */
  worker: string;
  stages: ShardStageActivities;
  /** Where a failed attempt-log write is reported. */
  logger: Pick<Logger, 'warn'>;
  /** Run closest to the activities, inside the attempt log (fault injection in tests). */
  extra?: readonly ActivityInterceptorsFactory[] | undefined;
}

/**
 * The activity interceptors of a worker that runs shard stages, outermost first: KiagoErrors become
 * typed ApplicationFailures, every attempt of a stage is logged, then `extra`.
 */
export function shardWorkerInterceptors(
  options: ShardWorkerInterceptorsOptions,
): ActivityInterceptorsFactory[] {
  return [
    kiagoFailureInterceptor,
    shardAttemptInterceptor({
      db: options.db,
      worker: options.worker,
      stages: options.stages,
      warn: (message, fields) => options.logger.warn(message, fields),
    }),
    ...(options.extra ?? []),
  ];
}
