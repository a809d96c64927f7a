import type { Db } from '@kiago/db';

/** What screening and the hull read of a candidate; `id` is the bigint as a string. */
export interface StoredCandidate {
  id: string;
  formula: string;
  efEvPerAtom: number;
}

/** The shard's candidates in slot order (a shard holds a few thousand: one query). */
export async function readShardCandidates(db: Pick<Db, 'pool'>, shardId: string): Promise<StoredCandidate[]> {
  const { rows } = await db.pool.query<StoredCandidate>(
    `SELECT id::text AS id, formula, ef_ev_per_atom AS "efEvPerAtom"
     FROM candidates WHERE shard_id = $1 ORDER BY slot`,
    [shardId],
  );
  return rows;
}

/**
 * Runs one UPDATE … FROM unnest(…) per batch of rows; `params` turns a batch into the statement's
 * array parameters. Returns how many rows changed (statements skip rows already holding the values).
 */
export async function updateInBatches<R>(
  db: Pick<Db, 'pool'>,
  rows: readonly R[],
  options: {
    sql: string;
    batchSize: number;
    params: (batch: readonly R[]) => unknown[];
    onBatch?: (done: number) => void;
  },
): Promise<number> {
  let changed = 0;
  for (let start = 0; start < rows.length; start += options.batchSize) {
    const batch = rows.slice(start, start + options.batchSize);
    const result = await db.pool.query(options.sql, options.params(batch));
    changed += result.rowCount ?? 0;
    options.onBatch?.(start + batch.length);
  }
  return changed;
}
