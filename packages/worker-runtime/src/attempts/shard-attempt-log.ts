import type { Db } from '@kiago/db';

// screen-hull: both post-optimisation stages in one activity (screenAndHullShard).
export type ShardStage = 'optimise' | 'screen' | 'hull' | 'screen-hull';
export type AttemptOutcome = 'succeeded' | 'failed' | 'cancelled';

/** What an attempt left behind when the next one starts while it still reads `running`. */
export const WORKER_LOST = 'WORKER_LOST';

// One statement: close attempts of this stage that never finished (their worker died: Temporal only
// retries after a heartbeat or start-to-close timeout), mark the shard running, log the new attempt.
const BEGIN_SQL = `
WITH abandoned AS (
  UPDATE shard_attempts SET outcome = 'failed', error_type = '${WORKER_LOST}', finished_at = now(),
    error = 'abandoned: its worker stopped heartbeating (killed or lost); Temporal retried the activity'
  WHERE shard_id = $1 AND stage = $2 AND outcome = 'running'
  RETURNING 1
), shard AS (
  UPDATE shards SET attempts = attempts + 1, status = 'RUNNING', started_at = coalesce(started_at, now()),
    progress = progress || jsonb_build_object('stage', $2::text)
  WHERE id = $1
  RETURNING id
)
INSERT INTO shard_attempts (shard_id, stage, attempt, worker)
SELECT shard.id, $2, (SELECT coalesce(max(attempt), 0) + 1 FROM shard_attempts WHERE shard_id = $1 AND stage = $2), $3
FROM shard
RETURNING id`;

// A late report from the worker that ran the attempt replaces another worker's WORKER_LOST guess.
const END_SQL = `UPDATE shard_attempts SET outcome = $2, error = $3, error_type = $4, finished_at = now()
  WHERE id = $1 AND (outcome = 'running' OR error_type = '${WORKER_LOST}')`;

const UNIQUE_VIOLATION = '23505';

/**
 * Logs the start of one attempt of one stage of a shard and returns the attempt row's id, or
 * undefined when the shard does not exist (the activity itself then reports NotFound).
 */
export async function beginShardAttempt(
  db: Pick<Db, 'pool'>,
  attempt: { shardId: string; stage: ShardStage; worker: string },
): Promise<string | undefined> {
  const params = [attempt.shardId, attempt.stage, attempt.worker];
  try {
    return (await db.pool.query<{ id: string }>(BEGIN_SQL, params)).rows[0]?.id;
  } catch (error) {
    // Two attempts raced for the same number (a zombie worker still running): the next number is free.
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    return (await db.pool.query<{ id: string }>(BEGIN_SQL, params)).rows[0]?.id;
  }
}

export async function endShardAttempt(
  db: Pick<Db, 'pool'>,
  attemptId: string,
  outcome: AttemptOutcome,
  failure?: { errorType: string; message: string },
): Promise<void> {
  await db.pool.query(END_SQL, [attemptId, outcome, failure?.message ?? null, failure?.errorType ?? null]);
}
