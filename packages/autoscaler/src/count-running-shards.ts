import type { Db } from '@kiago/db';

/** Optimise attempts in progress (the autoscaler adds them to the queue's backlog). */
export async function countRunningShards(db: Pick<Db, 'pool'>): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM shard_attempts WHERE stage = 'optimise' AND outcome = 'running'`,
  );
  return rows[0]?.n ?? 0;
}
