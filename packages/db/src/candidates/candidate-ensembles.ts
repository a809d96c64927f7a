import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import type { Db } from '../client/create-db.js';

const finite = z.number().finite('must be a finite number (K)');
const inputSchema = z
  .object({
    shardId: z.uuid('must be a shard uuid'),
    slots: z.array(z.int().min(0)),
    meanKelvin: z.array(finite),
    sdKelvin: z.array(finite.min(0, 'must be ≥ 0 K')),
    members: z.int().min(2, 'an ensemble has at least 2 members'),
  })
  .refine((q) => q.meanKelvin.length === q.slots.length && q.sdKelvin.length === q.slots.length, {
    error: 'slots, meanKelvin and sdKelvin must have the same length',
    path: ['slots'],
  });

export type CandidateEnsembleUpdate = z.input<typeof inputSchema>;

const UPDATE_SQL = `UPDATE candidates c SET tc_ensemble_mean_kelvin = u.mean, tc_ensemble_sd_kelvin = u.sd,
    tc_ensemble_size = $5
  FROM unnest($2::int[], $3::float8[], $4::float8[]) AS u(slot, mean, sd)
  WHERE c.shard_id = $1 AND c.slot = u.slot`;

/**
 * Stores a Tc ensemble's mean and sd on a shard's candidates (one statement, idempotent). Slots
 * without a row, e.g. a candidate left out for a non-finite prediction, are ignored.
 */
export async function updateCandidateEnsembles(
  db: Pick<Db, 'pool'>,
  update: CandidateEnsembleUpdate,
): Promise<number> {
  const q = parseOrThrow(inputSchema, update, 'updateCandidateEnsembles input');
  const result = await db.pool.query(UPDATE_SQL, [q.shardId, q.slots, q.meanKelvin, q.sdKelvin, q.members]);
  return result.rowCount ?? 0;
}
