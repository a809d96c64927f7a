import type { Db, RunStatus } from '@kiago/db';
import { type CampaignRow, findCampaign } from './find-campaign.js';

export interface CampaignRunItem {
  id: string;
  status: RunStatus;
  trigger: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  tcModelVersion: string;
  efModelVersion: string;
  /** From the run's summary (null until summariseRun has written it). */
  candidates: number | null;
  passed: number | null;
  materials: number | null;
  /** Best candidate that passed screening (and the spec's hull bound). */
  bestPassedTcKelvin: number | null;
  bestDeltaTcKelvin: number | null;
}

export interface CampaignDetail {
  campaign: CampaignRow;
  runs: CampaignRunItem[];
}

// The summary's numbers are read from its JSON, so listing runs never counts millions of candidates.
const RUNS_SQL = `SELECT r.id, r.status, r.trigger, r.created_at AS "createdAt", r.started_at AS "startedAt",
    r.finished_at AS "finishedAt", tc.version AS "tcModelVersion", ef.version AS "efModelVersion",
    (r.summary->>'candidates')::int AS candidates, (r.summary->>'passed')::int AS passed,
    (r.summary->>'materials')::int AS materials,
    (r.summary->'top'->0->>'tcKelvin')::float8 AS "bestPassedTcKelvin",
    (r.summary->'deltaTcKelvin'->>'best')::float8 AS "bestDeltaTcKelvin"
  FROM runs r
  JOIN model_versions tc ON tc.id = r.tc_model_version_id
  JOIN model_versions ef ON ef.id = r.ef_model_version_id
  WHERE r.campaign_id = $1 ORDER BY r.created_at DESC LIMIT $2`;

/** A campaign (by name or id) with its stored spec and its runs, newest first. */
export async function campaignDetail(
  db: Pick<Db, 'pool'>,
  nameOrId: string,
  { runLimit = 50 } = {},
): Promise<CampaignDetail> {
  const campaign = await findCampaign(db, nameOrId);
  const { rows } = await db.pool.query<CampaignRunItem>(RUNS_SQL, [campaign.id, runLimit]);
  return { campaign, runs: rows };
}
