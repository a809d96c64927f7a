import type { Db } from '@kiago/db';
import { errorMessageOf } from '../failures/error-type.js';
import {
  type AttemptOutcome,
  beginShardAttempt,
  endShardAttempt,
  type ShardStage,
} from './shard-attempt-log.js';

export interface AttemptRecorder {
  /** Writes the ends this worker could not write before, then logs the new attempt (see beginShardAttempt). */
  begin(attempt: { shardId: string; stage: ShardStage; worker: string }): Promise<string | undefined>;
  /** Logs the end of an attempt; kept for later when Postgres does not answer. */
  end(
    attemptId: string,
    outcome: AttemptOutcome,
    failure?: { errorType: string; message: string },
  ): Promise<void>;
}

interface UnwrittenEnd {
  attemptId: string;
  outcome: AttemptOutcome;
  failure: { errorType: string; message: string } | undefined;
}

/** Ends kept while Postgres is away; beyond this the oldest are dropped (they read WORKER_LOST). */
const MAX_UNWRITTEN = 1000;

/**
 * One worker's shard attempt log. When Postgres is down the activity usually fails for that very
 * reason and the end of its attempt cannot be written either; it is kept and written before this
 * worker begins its next attempt, so the retry does not close it as a lost worker. Written after
 * another worker's retry, it replaces that retry's WORKER_LOST guess.
 */
export function createAttemptRecorder(
  db: Pick<Db, 'pool'>,
  warn: (message: string, fields: Record<string, unknown>) => void,
): AttemptRecorder {
  let unwritten: UnwrittenEnd[] = [];
  const write = async (end: UnwrittenEnd) => {
    try {
      await endShardAttempt(db, end.attemptId, end.outcome, end.failure);
      return true;
    } catch (error) {
      warn('could not record the end of a shard attempt; kept for later', {
        attemptId: end.attemptId,
        error: errorMessageOf(error),
      });
      return false;
    }
  };
  const flush = async () => {
    const pending = unwritten;
    unwritten = [];
    for (const end of pending) if (!(await write(end))) unwritten.push(end);
  };
  return {
    async begin(attempt) {
      if (unwritten.length > 0) await flush();
      return beginShardAttempt(db, attempt);
    },
    async end(attemptId, outcome, failure) {
      const end = { attemptId, outcome, failure };
      if (await write(end)) return;
      unwritten.push(end);
      if (unwritten.length > MAX_UNWRITTEN) unwritten.shift();
    },
  };
}
