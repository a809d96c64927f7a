import type { Db } from '@kiago/db';

export interface DiffMaterial {
  materialId: string;
  formula: string;
  bestTcKelvin: number;
}

export interface TcChange {
  materialId: string;
  formula: string;
  previousTcKelvin: number;
  currentTcKelvin: number;
  deltaTcKelvin: number;
}

/** The nightly report (DESIGN §3): what a re-run found that the previous run did not, and what moved. */
export interface RunDiffReport {
  runId: string;
  previousRunId: string;
  topK: number;
  modelVersions: {
    previous: { tc: string; ef: string };
    current: { tc: string; ef: string };
  };
  /** Materials in this run's top-k that were not in the previous run's top-k. */
  newInTopK: DiffMaterial[];
  /** Materials of the previous top-k that left it. */
  droppedFromTopK: DiffMaterial[];
  /** Materials both runs found, largest |ΔTc| first (at most topK). */
  tcChanges: TcChange[];
  materials: { previous: number; current: number; onlyCurrent: number; onlyPrevious: number; shared: number };
}

const TOP_SQL = `SELECT rm.material_id AS "materialId", m.formula, rm.best_tc_kelvin AS "bestTcKelvin"
  FROM run_materials rm JOIN materials m ON m.id = rm.material_id
  WHERE rm.run_id = $1 ORDER BY rm.best_tc_kelvin DESC, m.canonical_key LIMIT $2`;
const CHANGES_SQL = `SELECT c.material_id AS "materialId", m.formula,
    p.best_tc_kelvin AS "previousTcKelvin", c.best_tc_kelvin AS "currentTcKelvin",
    c.best_tc_kelvin - p.best_tc_kelvin AS "deltaTcKelvin"
  FROM run_materials c JOIN run_materials p ON p.material_id = c.material_id AND p.run_id = $2
  JOIN materials m ON m.id = c.material_id
  WHERE c.run_id = $1 AND c.best_tc_kelvin <> p.best_tc_kelvin
  ORDER BY abs(c.best_tc_kelvin - p.best_tc_kelvin) DESC, m.canonical_key LIMIT $3`;
const COUNTS_SQL = `SELECT
    count(*) FILTER (WHERE run_id = $2)::int AS previous,
    count(*) FILTER (WHERE run_id = $1)::int AS current,
    count(DISTINCT material_id) FILTER (WHERE run_id = $1 AND material_id NOT IN
      (SELECT material_id FROM run_materials WHERE run_id = $2))::int AS "onlyCurrent",
    count(DISTINCT material_id) FILTER (WHERE run_id = $2 AND material_id NOT IN
      (SELECT material_id FROM run_materials WHERE run_id = $1))::int AS "onlyPrevious"
  FROM run_materials WHERE run_id IN ($1, $2)`;
const VERSIONS_SQL = `SELECT r.id, tc.version AS tc, ef.version AS ef FROM runs r
  JOIN model_versions tc ON tc.id = r.tc_model_version_id JOIN model_versions ef ON ef.id = r.ef_model_version_id
  WHERE r.id IN ($1, $2)`;

/** Compares two deduped runs through their RunMaterial rows (best candidate per material). */
export async function computeRunDiff(
  db: Pick<Db, 'pool'>,
  runId: string,
  previousRunId: string,
  topK = 30,
): Promise<RunDiffReport> {
  const query = async <T extends object>(sql: string, params: unknown[]) =>
    (await db.pool.query<T>(sql, params)).rows;
  const [currentTop, previousTop, tcChanges, counts, versions] = await Promise.all([
    query<DiffMaterial>(TOP_SQL, [runId, topK]),
    query<DiffMaterial>(TOP_SQL, [previousRunId, topK]),
    query<TcChange>(CHANGES_SQL, [runId, previousRunId, topK]),
    query<{ previous: number; current: number; onlyCurrent: number; onlyPrevious: number }>(COUNTS_SQL, [
      runId,
      previousRunId,
    ]),
    query<{ id: string; tc: string; ef: string }>(VERSIONS_SQL, [runId, previousRunId]),
  ]);
  const previousIds = new Set(previousTop.map((m) => m.materialId));
  const currentIds = new Set(currentTop.map((m) => m.materialId));
  const version = (id: string) => {
    const row = versions.find((v) => v.id === id);
    return { tc: row?.tc ?? '?', ef: row?.ef ?? '?' };
  };
  const count = counts[0] ?? { previous: 0, current: 0, onlyCurrent: 0, onlyPrevious: 0 };
  return {
    runId,
    previousRunId,
    topK,
    modelVersions: { previous: version(previousRunId), current: version(runId) },
    newInTopK: currentTop.filter((m) => !previousIds.has(m.materialId)),
    droppedFromTopK: previousTop.filter((m) => !currentIds.has(m.materialId)),
    tcChanges,
    materials: { ...count, shared: count.current - count.onlyCurrent },
  };
}
