import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import type { Db } from '../client/create-db.js';

const elementSymbol = z.string().regex(/^[A-Z][a-z]?$/, { error: 'must be an element symbol such as "Cu"' });

/** `tc`: the optimised model's Tc. `lcb`: the Tc ensemble's lower confidence bound mean − k·sd. */
export const TOP_CANDIDATE_RANKS = ['tc', 'lcb'] as const;
export type TopCandidateRank = (typeof TOP_CANDIDATE_RANKS)[number];

export const topCandidatesQuerySchema = z
  .object({
    runId: z.uuid().optional(),
    /** Every run of the campaign. */
    campaignId: z.uuid().optional(),
    limit: z.int().min(1).max(1000).default(30),
    /** Only candidates whose hull distance is known and at most this (eV/atom). */
    maxEHullEvPerAtom: z.number().finite().optional(),
    /** Only candidates that passed every screening check. */
    passedOnly: z.boolean().default(false),
    /** Only candidates whose every element is inside the Tc model's training support. */
    inDomainOnly: z.boolean().default(false),
    /** Candidates must contain all of these elements. */
    includeElements: z.array(elementSymbol).default([]),
    /** Candidates must contain none of these elements. */
    excludeElements: z.array(elementSymbol).default([]),
    rank: z.enum(TOP_CANDIDATE_RANKS, { error: 'rank must be tc or lcb' }).default('tc'),
    /** lcb only: how many ensemble standard deviations below the mean (0 ranks by the mean). */
    k: z.number().finite().min(0, 'k must be ≥ 0').max(10, 'k must be ≤ 10').default(1),
  })
  .refine((q) => (q.runId === undefined) !== (q.campaignId === undefined), {
    error: 'give exactly one of runId or campaignId',
    path: ['runId'],
  });

export type TopCandidatesQuery = z.input<typeof topCandidatesQuerySchema>;

export interface TopCandidate {
  /** bigint id, as a string. */
  id: string;
  runId: string;
  shardId: string;
  slot: number;
  formula: string;
  composition: Record<string, number>;
  nUnits: number;
  tcKelvin: number;
  efEvPerAtom: number;
  tcContinuousKelvin: number;
  deltaTcKelvin: number | null;
  eAboveHullEvPerAtom: number | null;
  passed: boolean | null;
  inDomain: boolean;
  materialId: string | null;
  elementSetKey: string;
  elements: string[];
  /** The run's Tc ensemble on the integer formula (null without one): mean, sample sd, members. */
  tcEnsembleMeanKelvin: number | null;
  tcEnsembleSdKelvin: number | null;
  tcEnsembleSize: number | null;
  /** mean − k·sd when ranked by `lcb`; null otherwise. */
  tcLowerBoundKelvin: number | null;
}

const COLUMNS = `c.id::text AS "id", c.run_id AS "runId", c.shard_id AS "shardId", c.slot, c.formula,
  c.composition, c.n_units AS "nUnits", c.tc_kelvin AS "tcKelvin", c.ef_ev_per_atom AS "efEvPerAtom",
  c.tc_continuous_kelvin AS "tcContinuousKelvin", c.delta_tc_kelvin AS "deltaTcKelvin",
  c.e_above_hull_ev_per_atom AS "eAboveHullEvPerAtom", c.passed, c.in_domain AS "inDomain",
  c.material_id AS "materialId",
  c.element_set_key AS "elementSetKey", c.elements,
  c.tc_ensemble_mean_kelvin AS "tcEnsembleMeanKelvin", c.tc_ensemble_sd_kelvin AS "tcEnsembleSdKelvin",
  c.tc_ensemble_size AS "tcEnsembleSize"`;

/**
 * Highest-Tc candidates of a run or a campaign, filtered; candidates of cancelled shards are left out. The inner query walks
 * candidates_top_tc_idx in (Tc desc, id) order, checking the filters on index entries, and stops
 * after `limit` matches; only those rows are then read in full. A campaign takes each run's top
 * `limit` (one walk per run) and merges them.
 */
export async function topCandidates(
  db: Pick<Db, 'pool'>,
  query: TopCandidatesQuery,
): Promise<TopCandidate[]> {
  const q = parseOrThrow(topCandidatesQuerySchema, query, 'topCandidates query');
  const params: unknown[] = [q.runId ?? q.campaignId, q.limit];
  // A cancelled shard's rows may never have been screened (its shard row says why it stopped).
  const filters: string[] = [
    `NOT EXISTS (SELECT 1 FROM shards s WHERE s.id = c.shard_id AND s.status = 'CANCELLED')`,
  ];
  if (q.maxEHullEvPerAtom !== undefined) {
    params.push(q.maxEHullEvPerAtom);
    filters.push(`c.e_above_hull_ev_per_atom <= $${params.length}`);
  }
  if (q.passedOnly) filters.push('c.passed = true');
  if (q.inDomainOnly) filters.push('c.in_domain');
  if (q.includeElements.length > 0) {
    params.push(q.includeElements);
    filters.push(`c.elements @> $${params.length}::text[]`);
  }
  if (q.excludeElements.length > 0) {
    params.push(q.excludeElements);
    filters.push(`NOT (c.elements && $${params.length}::text[])`);
  }
  const where = filters.map((f) => ` AND ${f}`).join('');
  if (q.rank === 'lcb') return lowerBoundTop(db, q, params, where);
  const topIds =
    q.runId !== undefined
      ? `SELECT c.id, c.tc_kelvin FROM candidates c WHERE c.run_id = $1${where}
         ORDER BY c.tc_kelvin DESC, c.id LIMIT $2`
      : `SELECT t.id, t.tc_kelvin FROM runs r CROSS JOIN LATERAL (
           SELECT c.id, c.tc_kelvin FROM candidates c WHERE c.run_id = r.id${where}
           ORDER BY c.tc_kelvin DESC, c.id LIMIT $2
         ) t WHERE r.campaign_id = $1 ORDER BY t.tc_kelvin DESC, t.id LIMIT $2`;
  const sql = `SELECT ${COLUMNS}, NULL::float8 AS "tcLowerBoundKelvin" FROM (${topIds}) top
    JOIN candidates c ON c.id = top.id ORDER BY c.tc_kelvin DESC, c.id`;
  const result = await db.pool.query<TopCandidate>(sql, params);
  return result.rows;
}

/**
 * Ranked by mean − k·sd of the Tc ensemble; candidates without ensemble values are left out. No
 * index serves an order that depends on k: this sorts the run's (or campaign's) matching rows.
 */
async function lowerBoundTop(
  db: Pick<Db, 'pool'>,
  q: z.output<typeof topCandidatesQuerySchema>,
  params: unknown[],
  where: string,
): Promise<TopCandidate[]> {
  params.push(q.k);
  const bound = `(c.tc_ensemble_mean_kelvin - $${params.length} * c.tc_ensemble_sd_kelvin)`;
  const scope =
    q.runId !== undefined
      ? 'c.run_id = $1'
      : 'c.run_id IN (SELECT r.id FROM runs r WHERE r.campaign_id = $1)';
  const sql = `SELECT ${COLUMNS}, ${bound} AS "tcLowerBoundKelvin" FROM candidates c
    WHERE ${scope} AND c.tc_ensemble_mean_kelvin IS NOT NULL${where}
    ORDER BY ${bound} DESC, c.id LIMIT $2`;
  const result = await db.pool.query<TopCandidate>(sql, params);
  return result.rows;
}
