import type { Db, RunStatus } from '@kiago/db';
import { canonicalKey, NotFoundError, parseFormula } from '@kiago/shared';

export interface MaterialHit {
  runId: string;
  runStatus: RunStatus;
  runCreatedAt: Date;
  campaignId: string;
  campaignName: string;
  /** Candidates of the run whose integer formula reduces to this material. */
  hitCount: number;
  bestTcKelvin: number;
  bestCandidateId: string;
  /** The best candidate's integer formula as the optimiser wrote it (e.g. "O8Cu2La4"). */
  bestCandidateFormula: string | null;
  baseFormula: string | null;
  deltaTcKelvin: number | null;
  efEvPerAtom: number | null;
  eAboveHullEvPerAtom: number | null;
  passed: boolean | null;
}

export interface MaterialHits {
  query: string;
  canonicalKey: string;
  material: {
    id: string;
    formula: string;
    elementSetKey: string;
    firstSeenRunId: string | null;
    firstSeenAt: Date;
  };
  totals: { runs: number; campaigns: number; hits: number; bestTcKelvin: number | null };
  /** One row per run that found it, newest first (at most `limit`; totals count them all). */
  hits: MaterialHit[];
}

const MATERIAL_SQL = `SELECT id, formula, element_set_key AS "elementSetKey", first_seen_run_id AS "firstSeenRunId",
    first_seen_at AS "firstSeenAt"
  FROM materials WHERE canonical_key = $1`;
const HITS_SQL = `SELECT rm.run_id AS "runId", r.status AS "runStatus", r.created_at AS "runCreatedAt",
    k.id AS "campaignId", k.name AS "campaignName", rm.hit_count AS "hitCount", rm.best_tc_kelvin AS "bestTcKelvin",
    rm.best_candidate_id::text AS "bestCandidateId", c.formula AS "bestCandidateFormula",
    s.base_formula AS "baseFormula", c.delta_tc_kelvin AS "deltaTcKelvin", c.ef_ev_per_atom AS "efEvPerAtom",
    c.e_above_hull_ev_per_atom AS "eAboveHullEvPerAtom", c.passed
  FROM run_materials rm
  JOIN runs r ON r.id = rm.run_id
  JOIN campaigns k ON k.id = r.campaign_id
  LEFT JOIN candidates c ON c.id = rm.best_candidate_id
  LEFT JOIN shards s ON s.id = c.shard_id
  WHERE rm.material_id = $1
  ORDER BY r.created_at DESC
  LIMIT $2`;
const TOTALS_SQL = `SELECT count(*)::int AS runs, count(DISTINCT r.campaign_id)::int AS campaigns,
    coalesce(sum(rm.hit_count), 0)::int AS hits,
    max(rm.best_tc_kelvin) FILTER (WHERE rm.best_tc_kelvin <> 'NaN') AS "bestTcKelvin"
  FROM run_materials rm JOIN runs r ON r.id = rm.run_id WHERE rm.material_id = $1`;

/**
 * `kiago materials show <formula>`: the material whose canonical key (reduced formula, Z order) the
 * formula has — so La2CuO4, La4Cu2O8 and La0.5Cu0.25O1 find the same row — and every run that hit it.
 */
export async function materialHits(
  db: Pick<Db, 'pool'>,
  formula: string,
  { limit = 200 } = {},
): Promise<MaterialHits> {
  const key = canonicalKey(parseFormula(formula));
  const { rows: materials } = await db.pool.query<MaterialHits['material']>(MATERIAL_SQL, [key]);
  const material = materials[0];
  if (!material) throw new NotFoundError('material (no run has found it yet)', key);
  const [{ rows: totals }, { rows: hits }] = await Promise.all([
    db.pool.query<MaterialHits['totals']>(TOTALS_SQL, [material.id]),
    db.pool.query<MaterialHit>(HITS_SQL, [material.id, limit]),
  ]);
  return {
    query: formula,
    canonicalKey: key,
    material,
    totals: totals[0] ?? { runs: 0, campaigns: 0, hits: 0, bestTcKelvin: null },
    hits,
  };
}
