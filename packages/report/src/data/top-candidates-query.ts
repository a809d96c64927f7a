import type { Db } from '@kiago/db';
import type { ReportCandidate, ReportTopCandidates } from '../report-data.js';

const COLUMNS = `c.id::text AS "candidateId", c.formula, s.base_formula AS "baseFormula", c.n_units AS "nUnits",
  c.tc_kelvin AS "tcKelvin", c.tc_continuous_kelvin AS "tcContinuousKelvin", c.tc_base_kelvin AS "tcBaseKelvin",
  c.delta_tc_kelvin AS "deltaTcKelvin", c.ef_ev_per_atom AS "efEvPerAtom",
  c.e_above_hull_ev_per_atom AS "eAboveHullEvPerAtom", c.in_domain AS "inDomain",
  c.tc_ensemble_mean_kelvin AS "tcEnsembleMeanKelvin", c.tc_ensemble_sd_kelvin AS "tcEnsembleSdKelvin"`;

// $4: only candidates inside the Tc model's training support.
const IN_DOMAIN = '($4::bool IS FALSE OR c.in_domain)';
// run_materials already holds the best candidate per material, so no sort over every passed candidate.
const PER_MATERIAL_SQL = `SELECT ${COLUMNS}, m.formula AS "materialFormula", rm.hit_count AS "hitCount"
  FROM run_materials rm
  JOIN candidates c ON c.id = rm.best_candidate_id
  JOIN shards s ON s.id = c.shard_id
  JOIN materials m ON m.id = rm.material_id
  WHERE rm.run_id = $1 AND c.passed AND c.e_above_hull_ev_per_atom <= $3::float8 AND ${IN_DOMAIN}
    AND rm.best_tc_kelvin <> 'NaN'::float8
  ORDER BY rm.best_tc_kelvin DESC, c.id LIMIT $2`;
const HAS_MATERIALS_SQL = 'SELECT EXISTS (SELECT 1 FROM run_materials WHERE run_id = $1) AS deduplicated';
// Walks candidates_top_tc_idx (run, Tc desc) like topCandidates, with the shard's base joined in.
const PER_CANDIDATE_SQL = `SELECT ${COLUMNS}, NULL AS "materialFormula", NULL::int AS "hitCount"
  FROM candidates c JOIN shards s ON s.id = c.shard_id
  WHERE c.run_id = $1 AND c.passed AND c.e_above_hull_ev_per_atom <= $3::float8 AND c.tc_kelvin <> 'NaN'::float8
    AND ${IN_DOMAIN}
  ORDER BY c.tc_kelvin DESC, c.id LIMIT $2`;

/**
 * The highest-Tc candidates that reached the funnel's last stage (passed, e_hull ≤ threshold): one per
 * material once dedupe has run, otherwise the raw top-Tc candidates (same formula may repeat);
 * `inDomainOnly` keeps those whose every element is in the Tc model's training support.
 */
export async function reportTopCandidates(
  db: Pick<Db, 'pool'>,
  runId: string,
  {
    limit,
    maxEHullEvPerAtom,
    inDomainOnly,
  }: { limit: number; maxEHullEvPerAtom: number; inDomainOnly: boolean },
): Promise<ReportTopCandidates> {
  const { rows } = await db.pool.query<{ deduplicated: boolean }>(HAS_MATERIALS_SQL, [runId]);
  const basis = rows[0]?.deduplicated ? 'best-per-material' : 'candidates';
  const sql = basis === 'best-per-material' ? PER_MATERIAL_SQL : PER_CANDIDATE_SQL;
  const top = await db.pool.query<ReportCandidate>(sql, [runId, limit, maxEHullEvPerAtom, inDomainOnly]);
  return { basis, inDomainOnly, rows: top.rows };
}
