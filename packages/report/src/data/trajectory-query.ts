import type { Db } from '@kiago/db';
import { z } from 'zod';
import type { ReportTrajectories, ShardTrajectoryPoints } from '../report-data.js';

// The optimiser's ShardTrajectory as stored in shards.progress.trajectory (JSON turns NaN into null).
const statistic = z.array(z.number().nullable());
const storedTrajectorySchema = z
  .object({ step: z.array(z.number()), meanTcKelvin: statistic, bestTcKelvin: statistic })
  .refine((t) => t.meanTcKelvin.length === t.step.length && t.bestTcKelvin.length === t.step.length);

const COUNT_SQL = `SELECT count(*)::int AS n FROM shards
  WHERE run_id = $1 AND jsonb_typeof(progress->'trajectory') = 'object'`;
// Final best Tc = last element of the bestTcKelvin array.
const TOP_SQL = `SELECT index AS "shardIndex", base_formula AS "baseFormula", seed::text AS seed,
    progress->'trajectory' AS trajectory
  FROM shards WHERE run_id = $1 AND jsonb_typeof(progress->'trajectory') = 'object'
  ORDER BY (progress->'trajectory'->'bestTcKelvin'->> -1)::float8 DESC NULLS LAST, index
  LIMIT $2`;

/** The optimisation trajectories of the run's `limit` shards with the highest final best Tc. */
export async function shardTrajectories(
  db: Pick<Db, 'pool'>,
  runId: string,
  limit: number,
): Promise<ReportTrajectories> {
  const [{ rows: count }, { rows }] = await Promise.all([
    db.pool.query<{ n: number }>(COUNT_SQL, [runId]),
    db.pool.query<{ shardIndex: number; baseFormula: string; seed: string; trajectory: unknown }>(TOP_SQL, [
      runId,
      limit,
    ]),
  ]);
  const shown: ShardTrajectoryPoints[] = [];
  for (const { trajectory, ...shard } of rows) {
    // A malformed trajectory (e.g. written by an older worker) is left out rather than failing the report.
    const parsed = storedTrajectorySchema.safeParse(trajectory);
    if (parsed.success) shown.push({ ...shard, ...parsed.data });
  }
  return { shardsWithTrajectory: count[0]?.n ?? 0, shown };
}
