import { isInTcDomain, parseOrThrow } from '@kiago/shared';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { z } from 'zod';
import type { Db } from '../client/create-db.js';
import { withTransaction } from '../transactions/with-transaction.js';
import { BinaryCopyWriter } from './binary-copy-writer.js';
import { type CandidateInsert, validateCandidateInserts } from './candidate-insert.js';

export interface InsertCandidatesOptions {
  /** Rows per COPY statement; each batch commits on its own (retries are idempotent). */
  batchSize?: number;
}

export interface InsertCandidatesResult {
  inserted: number;
  /** Rows whose (shardId, slot) already existed, e.g. written by an earlier attempt of the shard. */
  skipped: number;
}

// Field order of the binary rows.
const COLUMNS = `shard_id, run_id, slot, composition, formula, n_units,
  tc_kelvin, ef_ev_per_atom, tc_continuous_kelvin, ef_continuous_ev_per_atom,
  tc_base_kelvin, delta_tc_kelvin, e_above_hull_ev_per_atom,
  charge_neutral, electronegativity_ok, ef_negative, element_count_ok, passed,
  material_id, element_set_key, elements, in_domain`;
const FIELD_COUNT = 22;
const COPY_DIRECT_SQL = `COPY candidates (${COLUMNS}) FROM STDIN (FORMAT binary)`;

// COPY cannot skip conflicting rows, so a batch that collides lands in a per-session temp table
// first; ON COMMIT DELETE ROWS empties it whatever happens to the transaction.
const CREATE_STAGING = `CREATE TEMP TABLE IF NOT EXISTS candidate_staging (
  shard_id uuid, run_id uuid, slot int4, composition jsonb, formula text, n_units int4,
  tc_kelvin float8, ef_ev_per_atom float8, tc_continuous_kelvin float8, ef_continuous_ev_per_atom float8,
  tc_base_kelvin float8, delta_tc_kelvin float8, e_above_hull_ev_per_atom float8,
  charge_neutral bool, electronegativity_ok bool, ef_negative bool, element_count_ok bool, passed bool,
  material_id uuid, element_set_key text, elements text[], in_domain bool
) ON COMMIT DELETE ROWS`;
const COPY_STAGING_SQL = `COPY candidate_staging (${COLUMNS}) FROM STDIN (FORMAT binary)`;
const MOVE_SQL = `INSERT INTO candidates (${COLUMNS})
  SELECT ${COLUMNS} FROM candidate_staging
  ON CONFLICT (shard_id, slot) DO NOTHING`;
const UNIQUE_VIOLATION = '23505';

const optionsSchema = z.object({ batchSize: z.int().min(1).max(100_000).default(5000) });

/**
 * Bulk-inserts candidates with binary COPY, one batch per statement. Rows already present with the
 * same (shardId, slot) are skipped, so a retried shard never duplicates: a batch that collides is
 * re-sent through a staging table and INSERT … ON CONFLICT DO NOTHING.
 */
export async function insertCandidates(
  db: Pick<Db, 'pool'>,
  rows: readonly CandidateInsert[],
  options: InsertCandidatesOptions = {},
): Promise<InsertCandidatesResult> {
  const { batchSize } = parseOrThrow(optionsSchema, options, 'insertCandidates options');
  validateCandidateInserts(rows, 'insertCandidates rows');
  let inserted = 0;
  if (rows.length === 0) return { inserted, skipped: 0 };
  const client = await db.pool.connect();
  let failure: Error | undefined;
  try {
    for (let start = 0; start < rows.length; start += batchSize) {
      inserted += await insertBatch(client, rows.slice(start, start + batchSize));
    }
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A connection that failed mid-COPY may be in any state: discard it rather than pool it.
    client.release(failure);
  }
  return { inserted, skipped: rows.length - inserted };
}

async function insertBatch(client: pg.PoolClient, batch: readonly CandidateInsert[]): Promise<number> {
  const data = encode(batch);
  try {
    // The common case, a shard's first attempt: one atomic COPY straight into the table.
    await copyIn(client, COPY_DIRECT_SQL, data);
    return batch.length;
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
  }
  return withTransaction(client, async (tx) => {
    await tx.query(CREATE_STAGING);
    await copyIn(tx, COPY_STAGING_SQL, data);
    const result = await tx.query(MOVE_SQL);
    return result.rowCount ?? 0;
  });
}

function copyIn(client: pg.ClientBase, sql: string, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = client.query(copyFrom(sql));
    stream.on('finish', resolve);
    stream.on('error', reject);
    stream.end(data);
  });
}

function encode(batch: readonly CandidateInsert[]): Buffer {
  const writer = new BinaryCopyWriter(batch.length * 384);
  for (const row of batch) {
    writer.startRow(FIELD_COUNT);
    writer.uuid(row.shardId);
    writer.uuid(row.runId);
    writer.int4(row.slot);
    writer.jsonb(JSON.stringify(row.composition));
    writer.text(row.formula);
    writer.int4(row.nUnits);
    writer.float8(row.tcKelvin);
    writer.float8(row.efEvPerAtom);
    writer.float8(row.tcContinuousKelvin);
    writer.float8(row.efContinuousEvPerAtom);
    writer.float8(row.tcBaseKelvin);
    writer.float8(row.deltaTcKelvin);
    writer.float8(row.eAboveHullEvPerAtom);
    writer.bool(row.chargeNeutral);
    writer.bool(row.electronegativityOk);
    writer.bool(row.efNegative);
    writer.bool(row.elementCountOk);
    writer.bool(row.passed);
    if (row.materialId) writer.uuid(row.materialId);
    else writer.null();
    writer.text(row.elementSetKey);
    const elements = row.elementSetKey.split('-');
    writer.textArray(elements);
    // Derived like `elements`, so every writer (optimiser, baselines, benches) records it.
    writer.bool(isInTcDomain(elements));
  }
  return writer.finish();
}
