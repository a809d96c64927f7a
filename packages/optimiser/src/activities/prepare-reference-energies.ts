import { compositionToVector, ELEMENT_COUNT, ELEMNET_SYMBOLS, parseOrThrow } from '@kiago/shared';
import type { PrepareReferenceEnergiesInput, PrepareReferenceEnergiesSummary } from '@kiago/worker-runtime';
import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import type { GpuActivityDeps } from './gpu-activity-deps.js';

const inputSchema = z.object({ efModelVersionId: z.uuid('must be a model version uuid') });

interface MissingReference {
  id: string;
  composition: Record<string, number>;
}

const MISSING_SQL = `SELECT e.id::text AS id, e.composition FROM reference_entries e
  WHERE e.id > $2 AND NOT EXISTS (SELECT 1 FROM reference_energies re
    WHERE re.reference_entry_id = e.id AND re.model_version_id = $1)
  ORDER BY e.id LIMIT $3`;
const INSERT_SQL = `INSERT INTO reference_energies (reference_entry_id, model_version_id, ef_ev_per_atom)
  SELECT u.id, $1, u.ef FROM unnest($2::bigint[], $3::float8[]) AS u(id, ef)
  ON CONFLICT DO NOTHING`;
const BATCH = 4096;
const ELEMNET = new Set(ELEMNET_SYMBOLS);

/**
 * ElemNet Ef of every reference entry (all reference sets) under one model version, stored once per
 * version and reused by every run pinned to it: the paper's hull uses model energies for references
 * and candidates alike (DESIGN §7). Resumable and idempotent: it only predicts what is missing.
 */
export async function prepareReferenceEnergies(
  deps: GpuActivityDeps,
  raw: PrepareReferenceEnergiesInput,
): Promise<PrepareReferenceEnergiesSummary> {
  const { efModelVersionId } = parseOrThrow(inputSchema, raw, 'prepareReferenceEnergies input');
  const runtime = deps.runtime();
  const summary = { efModelVersionId, predicted: 0, outsideElemNet: 0, nonFinite: 0 };
  let cursor = '0';
  for (;;) {
    const { rows } = await deps.db.pool.query<MissingReference>(MISSING_SQL, [
      efModelVersionId,
      cursor,
      BATCH,
    ]);
    if (rows.length === 0) break;
    cursor = rows.at(-1)!.id;
    const readable = rows.filter((row) =>
      Object.keys(row.composition).every((symbol) => ELEMNET.has(symbol)),
    );
    summary.outsideElemNet += rows.length - readable.length;
    if (readable.length === 0) continue;
    // Loaded only when there is work: a version whose energies are all cached needs no model.
    const ef = await deps.models.ef(efModelVersionId);
    const energies = predict(ef.predictEf, readable);
    const finite = readable.flatMap((row, i) =>
      Number.isFinite(energies[i]) ? [{ id: row.id, ef: energies[i]! }] : [],
    );
    summary.nonFinite += readable.length - finite.length;
    const inserted = await deps.db.pool.query(INSERT_SQL, [
      efModelVersionId,
      finite.map((row) => row.id),
      finite.map((row) => row.ef),
    ]);
    summary.predicted += inserted.rowCount ?? 0;
    runtime.heartbeat({ stage: 'reference-energies', predicted: summary.predicted });
    if (runtime.signal.aborted) throw runtime.signal.reason;
  }
  if (summary.predicted > 0) deps.logger.info('reference energies prepared', { ...summary });
  return summary;
}

function predict(
  predictEf: (x: tf.Tensor2D) => tf.Tensor1D,
  references: readonly MissingReference[],
): Float32Array {
  const vectors = new Float32Array(references.length * ELEMENT_COUNT);
  references.forEach((reference, row) => {
    vectors.set(compositionToVector(new Map(Object.entries(reference.composition))), row * ELEMENT_COUNT);
  });
  return tf.tidy(
    () => predictEf(tf.tensor2d(vectors, [references.length, ELEMENT_COUNT])).dataSync() as Float32Array,
  );
}
