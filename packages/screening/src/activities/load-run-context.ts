import type { Db } from '@kiago/db';
import { type CampaignSpec, campaignSpecSchema, NotFoundError, parseOrThrow } from '@kiago/shared';

export interface RunContext {
  runId: string;
  /** The Ef model version the run pinned (its energies feed the hull when cached). */
  efModelVersionId: string;
  spec: CampaignSpec;
}

export interface ShardContext extends RunContext {
  shardId: string;
  baseFormula: string;
}

const SHARD_SQL = `SELECT s.id AS "shardId", s.base_formula AS "baseFormula", r.id AS "runId",
    r.ef_model_version_id AS "efModelVersionId", c.spec
  FROM shards s JOIN runs r ON r.id = s.run_id JOIN campaigns c ON c.id = r.campaign_id
  WHERE s.id = $1`;
const RUN_SQL = `SELECT r.id AS "runId", r.ef_model_version_id AS "efModelVersionId", c.spec
  FROM runs r JOIN campaigns c ON c.id = r.campaign_id WHERE r.id = $1`;

/** The shard, its run and the campaign spec (re-validated: a stored spec that no longer parses is a SpecError). */
export async function loadShardContext(db: Pick<Db, 'pool'>, shardId: string): Promise<ShardContext> {
  const { rows } = await db.pool.query<Omit<ShardContext, 'spec'> & { spec: unknown }>(SHARD_SQL, [shardId]);
  const row = rows[0];
  if (!row) throw new NotFoundError('shard', shardId);
  return { ...row, spec: parseSpec(row.spec, row.runId) };
}

export async function loadRunContext(db: Pick<Db, 'pool'>, runId: string): Promise<RunContext> {
  const { rows } = await db.pool.query<Omit<RunContext, 'spec'> & { spec: unknown }>(RUN_SQL, [runId]);
  const row = rows[0];
  if (!row) throw new NotFoundError('run', runId);
  return { ...row, spec: parseSpec(row.spec, row.runId) };
}

function parseSpec(spec: unknown, runId: string): CampaignSpec {
  return parseOrThrow(campaignSpecSchema, spec, `campaign spec of run ${runId}`);
}
