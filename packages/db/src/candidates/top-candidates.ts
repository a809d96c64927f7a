import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import type { Db } from '../client/create-db.js';

const elementSymbol = z.string().regex(/^[A-Z][a-z]?$/, { error: 'must be an element symbol such as "Cu"' });

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
}

const COLUMNS = `c.id::text AS "id", c.run_id AS "runId", c.shard_id AS "shardId", c.slot, c.formula,
  c.composition, c.n_units AS "nUnits", c.tc_kelvin AS "tcKelvin", c.ef_ev_per_atom AS "efEvPerAtom",
  c.tc_continuous_kelvin AS "tcContinuousKelvin", c.delta_tc_kelvin AS "deltaTcKelvin",
  c.e_above_hull_ev_per_atom AS "eAboveHullEvPerAtom", c.passed, c.in_domain AS "inDomain",
  c.material_id AS "materialId",
  c.element_set_key AS "elementSetKey", c.elements`;

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
  const topIds =
    q.runId !== undefined
      ? `SELECT c.id, c.tc_kelvin FROM candidates c WHERE c.run_id = $1${where}
         ORDER BY c.tc_kelvin DESC, c.id LIMIT $2`
      : `SELECT t.id, t.tc_kelvin FROM runs r CROSS JOIN LATERAL (
           SELECT c.id, c.tc_kelvin FROM candidates c WHERE c.run_id = r.id${where}
           ORDER BY c.tc_kelvin DESC, c.id LIMIT $2
         ) t WHERE r.campaign_id = $1 ORDER BY t.tc_kelvin DESC, t.id LIMIT $2`;
  const sql = `SELECT ${COLUMNS} FROM (${topIds}) top JOIN candidates c ON c.id = top.id
    ORDER BY c.tc_kelvin DESC, c.id`;
  const result = await db.pool.query<TopCandidate>(sql, params);
  return result.rows;
}
