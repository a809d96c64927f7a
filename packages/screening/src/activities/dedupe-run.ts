import type { Db } from '@kiago/db';
import { DEFAULT_BATCH_SIZE, type ScreeningActivityDeps } from './activity-deps.js';
import { parseRunId } from './activity-input.js';
import { loadRunContext } from './load-run-context.js';
import { MaterialKeys } from './material-keys.js';
import { updateInBatches } from './shard-candidates.js';

export interface DedupeRunSummary {
  runId: string;
  /** Candidates that count: passed screening and, when the spec sets maxEhullEvPerAtom, within it. */
  hits: number;
  /** Distinct materials among the hits (= the run's RunMaterial rows). */
  materials: number;
  /** Material rows created by this call (0 on a re-run). */
  newMaterials: number;
  /** Hits whose formula cannot be keyed (left without a material). */
  unreadable: number;
  /** Candidates whose material_id was set or cleared by this call. */
  candidatesChanged: number;
  runMaterialsChanged: number;
  runMaterialsRemoved: number;
}

// A hit: passed screening and, if the spec bounds it, on or below maxEhull (NaN is above every number).
const HIT = `passed IS TRUE AND ($2::float8 IS NULL OR e_above_hull_ev_per_atom <= $2::float8)`;
const SHARD_HITS_SQL = `SELECT id::text AS id, formula FROM candidates WHERE shard_id = $1 AND ${HIT}`;
const CLEAR_NON_HITS_SQL = `UPDATE candidates SET material_id = NULL
  WHERE run_id = $1 AND material_id IS NOT NULL AND NOT (${HIT})`;
const LINK_SQL = `UPDATE candidates c SET material_id = u.material_id
  FROM unnest($1::bigint[], $2::uuid[]) AS u(id, material_id)
  WHERE c.shard_id = $3 AND c.id = u.id AND c.material_id IS DISTINCT FROM u.material_id`;
// Best per material: highest Tc (a NaN Tc ranks last), ties to the lowest candidate id. The window
// count runs before DISTINCT ON, so it counts every hit of the material.
const REFRESH_RUN_MATERIALS_SQL = `
WITH best AS (
  SELECT DISTINCT ON (material_id) material_id, id, tc_kelvin,
         count(*) OVER (PARTITION BY material_id) AS hits
  FROM candidates WHERE run_id = $1 AND material_id IS NOT NULL
  ORDER BY material_id, (tc_kelvin = 'NaN'::float8), tc_kelvin DESC, id
), upserted AS (
  INSERT INTO run_materials (run_id, material_id, best_candidate_id, best_tc_kelvin, hit_count)
  SELECT $1, material_id, id, tc_kelvin, hits FROM best
  ON CONFLICT (run_id, material_id) DO UPDATE SET best_candidate_id = EXCLUDED.best_candidate_id,
    best_tc_kelvin = EXCLUDED.best_tc_kelvin, hit_count = EXCLUDED.hit_count
  WHERE (run_materials.best_candidate_id, run_materials.best_tc_kelvin, run_materials.hit_count)
    IS DISTINCT FROM (EXCLUDED.best_candidate_id, EXCLUDED.best_tc_kelvin, EXCLUDED.hit_count)
  RETURNING 1
), removed AS (
  DELETE FROM run_materials rm WHERE rm.run_id = $1
    AND NOT EXISTS (SELECT 1 FROM best WHERE best.material_id = rm.material_id)
  RETURNING 1
)
SELECT (SELECT count(*) FROM best)::int AS materials, (SELECT count(*) FROM upserted)::int AS changed,
       (SELECT count(*) FROM removed)::int AS removed`;

/**
 * Dedupes a run (DESIGN §7): every hit is linked to the Material of its canonical key (created on
 * first sight, shared across runs and campaigns), then RunMaterial is rebuilt from the links: best
 * candidate by Tc and the hit count per material. Only hits count: a candidate that failed
 * screening (or lies above the spec's maxEhullEvPerAtom) is not a discovery, so it gets no
 * material and a material none of whose candidates pass is not created. Idempotent: a re-run
 * changes no row; after re-screening, links and RunMaterial rows follow the new flags.
 * Reads shard by shard, so memory stays bounded by the largest shard and the run's distinct keys.
 */
export async function dedupeRun(deps: ScreeningActivityDeps, runIdInput: string): Promise<DedupeRunSummary> {
  const runId = parseRunId(runIdInput, 'dedupeRun');
  const { spec } = await loadRunContext(deps.db, runId);
  const maxEHull = spec.screening.maxEhullEvPerAtom ?? null;
  const { rows: shards } = await deps.db.pool.query<{ id: string }>(
    'SELECT id FROM shards WHERE run_id = $1 ORDER BY index',
    [runId],
  );
  const keys = new MaterialKeys(deps.db, runId);
  const summary = { runId, hits: 0, unreadable: 0, candidatesChanged: 0 };

  const cleared = await deps.db.pool.query(CLEAR_NON_HITS_SQL, [runId, maxEHull]);
  summary.candidatesChanged += cleared.rowCount ?? 0;
  for (const [index, shard] of shards.entries()) {
    const { rows: hits } = await deps.db.pool.query<{ id: string; formula: string }>(SHARD_HITS_SQL, [
      shard.id,
      maxEHull,
    ]);
    summary.hits += hits.length;
    const materialIds = await keys.materialIdsFor(hits.map((hit) => hit.formula));
    const links = hits.flatMap((hit, i) => {
      const materialId = materialIds[i];
      if (materialId === undefined) summary.unreadable++;
      return [{ id: hit.id, materialId: materialId ?? null }];
    });
    summary.candidatesChanged += await updateInBatches(deps.db, links, {
      sql: LINK_SQL,
      batchSize: deps.batchSize ?? DEFAULT_BATCH_SIZE,
      params: (batch) => [batch.map((l) => l.id), batch.map((l) => l.materialId), shard.id],
    });
    deps.heartbeat?.({ stage: 'dedupe', done: index + 1, total: shards.length });
  }

  const refreshed = await refreshRunMaterials(deps.db, runId);
  const result: DedupeRunSummary = {
    ...summary,
    materials: refreshed.materials,
    newMaterials: keys.created,
    runMaterialsChanged: refreshed.changed,
    runMaterialsRemoved: refreshed.removed,
  };
  deps.logger.info('dedupeRun done', { ...result });
  return result;
}

async function refreshRunMaterials(db: Pick<Db, 'pool'>, runId: string) {
  const { rows } = await db.pool.query<{ materials: number; changed: number; removed: number }>(
    REFRESH_RUN_MATERIALS_SQL,
    [runId],
  );
  return rows[0]!;
}
