import type { Db } from '@kiago/db';
import { type CampaignSpec, campaignSpecSchema, NotFoundError, parseOrThrow } from '@kiago/shared';

/** Everything optimiseShard reads about its shard: the shard row, its run's pinned models, the spec. */
export interface ShardContext {
  shardId: string;
  runId: string;
  index: number;
  baseFormula: string;
  seed: number;
  candidateCount: number;
  tcModelVersionId: string;
  efModelVersionId: string;
  /** The run's Tc ensemble members (empty: none). */
  tcEnsembleModelVersionIds: string[];
  spec: CampaignSpec;
  /** Written after a completed optimisation: { rows, bestTcKelvin } (a retry then skips the work). */
  optimised: { rows: number; bestTcKelvin: number | null } | null;
}

const SQL = `SELECT s.id AS "shardId", s.run_id AS "runId", s.index, s.base_formula AS "baseFormula",
    s.seed::text AS seed, s.candidate_count AS "candidateCount", s.progress->'optimised' AS optimised,
    r.tc_model_version_id AS "tcModelVersionId", r.ef_model_version_id AS "efModelVersionId",
    coalesce(r.tc_ensemble_model_version_ids, '{}')::text[] AS "tcEnsembleModelVersionIds",
    c.spec, c.name AS "campaignName"
  FROM shards s JOIN runs r ON r.id = s.run_id JOIN campaigns c ON c.id = r.campaign_id
  WHERE s.id = $1`;

export async function loadShardContext(db: Pick<Db, 'pool'>, shardId: string): Promise<ShardContext> {
  const { rows } = await db.pool.query<
    Omit<ShardContext, 'seed' | 'spec'> & { seed: string; spec: unknown; campaignName: string }
  >(SQL, [shardId]);
  const row = rows[0];
  if (!row) throw new NotFoundError('shard', shardId);
  const { campaignName, ...shard } = row;
  return {
    ...shard,
    seed: Number(row.seed),
    spec: parseOrThrow(
      campaignSpecSchema,
      row.spec,
      `stored spec of campaign ${JSON.stringify(campaignName)}`,
    ),
  };
}

/** Rows of the shard already in the database (written by this or an earlier attempt). */
export async function countShardCandidates(db: Pick<Db, 'pool'>, shardId: string): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM candidates WHERE shard_id = $1',
    [shardId],
  );
  return rows[0]?.n ?? 0;
}

/** Merges `patch` into shards.progress (heartbeat mirror for the CLI; the completion marker). */
export async function patchShardProgress(
  db: Pick<Db, 'pool'>,
  shardId: string,
  patch: object,
): Promise<void> {
  await db.pool.query('UPDATE shards SET progress = progress || $2::jsonb WHERE id = $1', [
    shardId,
    JSON.stringify(patch),
  ]);
}
