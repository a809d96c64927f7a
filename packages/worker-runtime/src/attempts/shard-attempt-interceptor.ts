import type { Db } from '@kiago/db';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { errorMessageOf, errorTypeOf } from '../failures/error-type.js';
import { createAttemptRecorder } from './attempt-recorder.js';
import type { AttemptOutcome, ShardStage } from './shard-attempt-log.js';

/** Which activities are shard stages, and where their shard id is in the arguments. */
export type ShardStageActivities = Readonly<
  Record<string, { stage: ShardStage; shardIdOf: (args: readonly unknown[]) => unknown }>
>;

export interface ShardAttemptInterceptorOptions {
  db: Pick<Db, 'pool'>;
  /** Recorded as ShardAttempt.worker (pod or host name and pid). */
  worker: string;
  stages: ShardStageActivities;
  /** Where a failed bookkeeping write is reported (it never hides the activity's own outcome). */
  warn: (message: string, fields: Record<string, unknown>) => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Records every attempt of every shard stage in shard_attempts (DESIGN §8: "every attempt is
 * recorded"), including the ones Temporal retries on its own, and keeps Shard.status/attempts current.
 */
export function shardAttemptInterceptor(
  options: ShardAttemptInterceptorOptions,
): ActivityInterceptorsFactory {
  const recorder = createAttemptRecorder(options.db, options.warn);
  return (ctx) => ({
    inbound: {
      async execute(input, next) {
        const stage = options.stages[ctx.info.activityType];
        const shardId = stage?.shardIdOf(input.args);
        if (!stage || typeof shardId !== 'string' || !UUID.test(shardId)) return next(input);
        const attemptId = await recorder.begin({ shardId, stage: stage.stage, worker: options.worker });
        if (attemptId === undefined) return next(input);
        const end = (outcome: AttemptOutcome, failure?: { errorType: string; message: string }) =>
          recorder.end(attemptId, outcome, failure);
        try {
          const result = await next(input);
          await end('succeeded');
          return result;
        } catch (error) {
          // Whatever the activity threw on its way out, a cancelled context means it was cancelled
          // (by the workflow, or by this worker shutting down: the reason says which).
          if (ctx.cancellationSignal.aborted) {
            await end('cancelled', {
              errorType: 'CANCELLED',
              message: errorMessageOf(ctx.cancellationSignal.reason),
            });
          } else {
            await end('failed', { errorType: errorTypeOf(error), message: errorMessageOf(error) });
          }
          throw error;
        }
      },
    },
  });
}
