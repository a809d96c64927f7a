import type { Db, RunStatus } from '@kiago/db';

export interface CampaignListItem {
  id: string;
  name: string;
  nightly: boolean;
  createdAt: Date;
  runs: number;
  latestRun: { id: string; status: RunStatus; createdAt: Date } | null;
}

interface Row extends Omit<CampaignListItem, 'latestRun'> {
  latestRunId: string | null;
  latestRunStatus: RunStatus | null;
  latestRunAt: Date | null;
}

const SQL = `SELECT c.id, c.name, c.nightly, c.created_at AS "createdAt",
    (SELECT count(*)::int FROM runs r WHERE r.campaign_id = c.id) AS runs,
    l.id AS "latestRunId", l.status AS "latestRunStatus", l.created_at AS "latestRunAt"
  FROM campaigns c
  LEFT JOIN LATERAL (
    SELECT id, status, created_at FROM runs WHERE campaign_id = c.id ORDER BY created_at DESC LIMIT 1
  ) l ON true
  ORDER BY coalesce(l.created_at, c.created_at) DESC, c.name
  LIMIT $1`;

/** Campaigns, most recently active first, each with its run count and latest run. */
export async function listCampaigns(db: Pick<Db, 'pool'>, { limit = 200 } = {}): Promise<CampaignListItem[]> {
  const { rows } = await db.pool.query<Row>(SQL, [limit]);
  return rows.map(({ latestRunId, latestRunStatus, latestRunAt, ...campaign }) => ({
    ...campaign,
    latestRun:
      latestRunId && latestRunStatus && latestRunAt
        ? { id: latestRunId, status: latestRunStatus, createdAt: latestRunAt }
        : null,
  }));
}
