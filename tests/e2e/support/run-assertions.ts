import type { Db } from '@kiago/db';
import { expect } from 'vitest';

/**
 * Invariants every finished run must keep, whatever happened to it: no duplicate candidate rows, no
 * shard or attempt left "running", candidates only under the run's own shards, and the shard
 * attempts counter equal to the attempts logged.
 */
export async function expectConsistentRun(db: Db, runId: string): Promise<void> {
  const query = async (sql: string) => (await db.pool.query<{ n: number }>(sql, [runId])).rows[0]?.n;
  expect(
    await query(`SELECT count(*)::int AS n FROM (SELECT shard_id, slot FROM candidates WHERE run_id = $1
      GROUP BY shard_id, slot HAVING count(*) > 1) d`),
  ).toBe(0);
  expect(
    await query(
      `SELECT count(*)::int AS n FROM shards WHERE run_id = $1 AND status IN ('PLANNED', 'RUNNING')`,
    ),
  ).toBe(0);
  expect(
    await query(`SELECT count(*)::int AS n FROM shard_attempts a JOIN shards s ON s.id = a.shard_id
      WHERE s.run_id = $1 AND a.outcome = 'running'`),
  ).toBe(0);
  expect(
    await query(`SELECT count(*)::int AS n FROM shards s WHERE s.run_id = $1
      AND s.attempts <> (SELECT count(*) FROM shard_attempts a WHERE a.shard_id = s.id)`),
  ).toBe(0);
  const run = await db.prisma.run.findUniqueOrThrow({ where: { id: runId } });
  expect(['COMPLETED', 'COMPLETED_WITH_FAILURES', 'CANCELLED', 'FAILED']).toContain(run.status);
  expect(run.finishedAt).not.toBeNull();
}
