import type { Db } from '@kiago/db';
import { campaignSpecSchema, NotFoundError } from '@kiago/shared';
import type { ReportData, ReportFailedShard, ReportRun, ReportSpec } from '../report-data.js';

const RUN_SQL = `SELECT r.id, r.status, r.trigger, r.campaign_id AS "campaignId", k.name AS "campaignName",
    r.workflow_id AS "workflowId", tc.version AS "tcModelVersion", ef.version AS "efModelVersion",
    r.created_at AS "createdAt", r.started_at AS "startedAt", r.finished_at AS "finishedAt", k.spec
  FROM runs r
  JOIN campaigns k ON k.id = r.campaign_id
  JOIN model_versions tc ON tc.id = r.tc_model_version_id
  JOIN model_versions ef ON ef.id = r.ef_model_version_id
  WHERE r.id = $1`;
const SHARDS_SQL = `SELECT count(*)::int AS total,
    count(*) FILTER (WHERE status = 'PLANNED')::int AS planned,
    count(*) FILTER (WHERE status = 'RUNNING')::int AS running,
    count(*) FILTER (WHERE status = 'SUCCEEDED')::int AS succeeded,
    count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
    count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled
  FROM shards WHERE run_id = $1`;
const FAILED_SQL = `SELECT index, base_formula AS "baseFormula", error_type AS "errorType", last_error AS "lastError",
    attempts
  FROM shards WHERE run_id = $1 AND status = 'FAILED' ORDER BY index LIMIT $2`;

type Dates = 'createdAt' | 'startedAt' | 'finishedAt';
type RunRow = Omit<ReportRun, Dates> & {
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  spec: unknown;
};

export interface ReportRunPart {
  run: ReportRun;
  spec: ReportSpec | null;
  shards: ReportData['shards'];
  failedShards: ReportFailedShard[];
}

/** The run's identity, pinned models, spec settings and shard counts; NotFoundError for an unknown id. */
export async function reportRunPart(
  db: Pick<Db, 'pool'>,
  runId: string,
  failedLimit = 20,
): Promise<ReportRunPart> {
  const [{ rows: runs }, { rows: shards }, { rows: failedShards }] = await Promise.all([
    db.pool.query<RunRow>(RUN_SQL, [runId]),
    db.pool.query<ReportData['shards']>(SHARDS_SQL, [runId]),
    db.pool.query<ReportFailedShard>(FAILED_SQL, [runId, failedLimit]),
  ]);
  const row = runs[0];
  if (!row) throw new NotFoundError('run', runId);
  const { spec, createdAt, startedAt, finishedAt, ...run } = row;
  return {
    run: {
      ...run,
      createdAt: createdAt.toISOString(),
      startedAt: startedAt?.toISOString() ?? null,
      finishedAt: finishedAt?.toISOString() ?? null,
    },
    spec: reportSpec(spec),
    shards: shards[0] ?? { total: 0, planned: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0 },
    failedShards,
  };
}

/** A stored spec that no longer parses (written by an older version) gives a report without spec details. */
function reportSpec(stored: unknown): ReportSpec | null {
  const parsed = campaignSpecSchema.safeParse(stored);
  if (!parsed.success) return null;
  const spec = parsed.data;
  return {
    bases: spec.bases,
    seeds: spec.seeds.length,
    candidatesPerShard: spec.candidatesPerShard,
    steps: spec.steps,
    mode: spec.mode.kind,
    maxEhullEvPerAtom: spec.screening.maxEhullEvPerAtom ?? null,
  };
}
