import type { Db } from '@kiago/db';
import { parseRunId } from '../activities/activity-input.js';
import { loadRunContext } from '../activities/load-run-context.js';

export interface SummaryCandidate {
  candidateId: string;
  formula: string;
  baseFormula: string;
  tcKelvin: number;
  deltaTcKelvin: number | null;
  efEvPerAtom: number;
  eAboveHullEvPerAtom: number | null;
}

/** What a finished run found (DESIGN §3 summariseRun), stored in runs.summary. */
export interface RunSummary {
  shards: { total: number; succeeded: number; failed: number; cancelled: number; unfinished: number };
  /** Shards parked FAILED (first 50 by index). */
  failedShards: {
    index: number;
    baseFormula: string;
    seed: string;
    errorType: string | null;
    lastError: string | null;
    attempts: number;
  }[];
  candidates: number;
  /** Candidates that passed screening, and passed / candidates. */
  passed: number;
  passRate: number | null;
  /** Distinct integer formulas among all candidates and among the passed ones, and their ratio. */
  formulas: number;
  passedFormulas: number;
  passRatePerFormula: number | null;
  /** Candidates with an element outside the Tc model's training support (candidates.in_domain). */
  outOfDomain: number;
  /** Passed and within the spec's maxEhullEvPerAtom (null when the spec sets no bound). */
  withinHull: number | null;
  /** Distinct materials among the hits (RunMaterial rows; dedupeRun runs first). */
  materials: number;
  /** Best passed candidates by Tc. */
  top: SummaryCandidate[];
  deltaTcKelvin: { best: number | null; meanOfTop: number | null };
  byBase: {
    baseFormula: string;
    tcBaseKelvin: number | null;
    candidates: number;
    passed: number;
    bestTcKelvin: number | null;
    bestDeltaTcKelvin: number | null;
  }[];
}

const TOP_K = 10;
const FAILED_LISTED = 50;
// NaN sorts above every number in Postgres: predictions that are NaN never count as best.
const FINITE_TC = `tc_kelvin <> 'NaN'::float8`;

const SHARDS_SQL = `SELECT count(*)::int AS total,
    count(*) FILTER (WHERE status = 'SUCCEEDED')::int AS succeeded,
    count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
    count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled,
    count(*) FILTER (WHERE status IN ('PLANNED', 'RUNNING'))::int AS unfinished
  FROM shards WHERE run_id = $1`;
const FAILED_SQL = `SELECT index, base_formula AS "baseFormula", seed::text AS seed, error_type AS "errorType",
    last_error AS "lastError", attempts
  FROM shards WHERE run_id = $1 AND status = 'FAILED' ORDER BY index LIMIT ${FAILED_LISTED}`;
const COUNTS_SQL = `SELECT count(*)::int AS candidates, count(*) FILTER (WHERE passed)::int AS passed,
    count(DISTINCT formula)::int AS formulas,
    count(DISTINCT formula) FILTER (WHERE passed)::int AS "passedFormulas",
    count(*) FILTER (WHERE NOT in_domain)::int AS "outOfDomain",
    count(*) FILTER (WHERE passed AND e_above_hull_ev_per_atom <= $2::float8)::int AS "withinHull",
    (SELECT count(*)::int FROM run_materials WHERE run_id = $1) AS materials
  FROM candidates WHERE run_id = $1`;
const TOP_SQL = `SELECT c.id::text AS "candidateId", c.formula, s.base_formula AS "baseFormula", c.tc_kelvin AS "tcKelvin",
    c.delta_tc_kelvin AS "deltaTcKelvin", c.ef_ev_per_atom AS "efEvPerAtom",
    c.e_above_hull_ev_per_atom AS "eAboveHullEvPerAtom"
  FROM candidates c JOIN shards s ON s.id = c.shard_id
  WHERE c.run_id = $1 AND c.passed AND c.${FINITE_TC}
    AND ($2::float8 IS NULL OR c.e_above_hull_ev_per_atom <= $2::float8)
  ORDER BY c.tc_kelvin DESC, c.id LIMIT ${TOP_K}`;
const BY_BASE_SQL = `SELECT s.base_formula AS "baseFormula", max(c.tc_base_kelvin) AS "tcBaseKelvin",
    count(c.id)::int AS candidates, count(c.id) FILTER (WHERE c.passed)::int AS passed,
    max(c.tc_kelvin) FILTER (WHERE c.passed AND c.${FINITE_TC}) AS "bestTcKelvin",
    max(c.delta_tc_kelvin) FILTER (WHERE c.passed AND c.${FINITE_TC}) AS "bestDeltaTcKelvin"
  FROM shards s LEFT JOIN candidates c ON c.shard_id = s.id
  WHERE s.run_id = $1 GROUP BY s.base_formula ORDER BY min(s.index)`;

interface Counts {
  candidates: number;
  passed: number;
  formulas: number;
  passedFormulas: number;
  outOfDomain: number;
  withinHull: number;
  materials: number;
}
const NO_COUNTS: Counts = {
  candidates: 0,
  passed: 0,
  formulas: 0,
  passedFormulas: 0,
  outOfDomain: 0,
  withinHull: 0,
  materials: 0,
};

/**
 * Summarises a run (ΔTc of the top candidates, pass rates, failed shards, per-base results) into
 * runs.summary. Read-only apart from that one column; idempotent.
 */
export async function summariseRun(db: Pick<Db, 'pool'>, runIdInput: string): Promise<RunSummary> {
  const runId = parseRunId(runIdInput, 'summariseRun');
  const { spec } = await loadRunContext(db, runId);
  const maxEHull = spec.screening.maxEhullEvPerAtom ?? null;
  const query = async <T extends object>(sql: string, params: unknown[]) =>
    (await db.pool.query<T>(sql, params)).rows;
  const [shards, failedShards, counts, top, byBase] = await Promise.all([
    query<RunSummary['shards']>(SHARDS_SQL, [runId]),
    query<RunSummary['failedShards'][number]>(FAILED_SQL, [runId]),
    query<Counts>(COUNTS_SQL, [runId, maxEHull]),
    query<SummaryCandidate>(TOP_SQL, [runId, maxEHull]),
    query<RunSummary['byBase'][number]>(BY_BASE_SQL, [runId]),
  ]);
  const count = counts[0] ?? NO_COUNTS;
  const deltas = top.flatMap((candidate) =>
    candidate.deltaTcKelvin === null ? [] : [candidate.deltaTcKelvin],
  );
  const summary: RunSummary = {
    shards: shards[0] ?? { total: 0, succeeded: 0, failed: 0, cancelled: 0, unfinished: 0 },
    failedShards,
    candidates: count.candidates,
    passed: count.passed,
    passRate: count.candidates > 0 ? count.passed / count.candidates : null,
    formulas: count.formulas,
    passedFormulas: count.passedFormulas,
    passRatePerFormula: count.formulas > 0 ? count.passedFormulas / count.formulas : null,
    outOfDomain: count.outOfDomain,
    withinHull: maxEHull === null ? null : count.withinHull,
    materials: count.materials,
    top,
    deltaTcKelvin: {
      best: deltas.length > 0 ? Math.max(...deltas) : null,
      meanOfTop: deltas.length > 0 ? deltas.reduce((sum, d) => sum + d, 0) / deltas.length : null,
    },
    byBase,
  };
  await db.pool.query('UPDATE runs SET summary = $2::jsonb WHERE id = $1', [runId, JSON.stringify(summary)]);
  return summary;
}
