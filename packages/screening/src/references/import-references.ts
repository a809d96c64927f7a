import { type Db, withTransaction } from '@kiago/db';
import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import { type ReferenceEntryColumns, type ReferenceRow, referenceEntryColumns } from './reference-row.js';

/** Lower-case slug ("mp", "mp-binaries", "alexandria"): it names the set in the CLI and in queries. */
export const referenceSetNameSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,62}$/,
    'must be 1–63 characters of lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
  );

const optionsSchema = z.object({
  set: referenceSetNameSchema,
  source: z.string().trim().min(1, 'must describe where the list came from'),
  batchSize: z.int().min(1).max(50_000).default(5000),
});

export interface ImportReferencesOptions {
  /** Reference set name; created on first import. */
  set: string;
  /** Provenance stored on the set (files, versions); replaced on every import. */
  source: string;
  rows: readonly ReferenceRow[];
  /** Rows per INSERT statement. */
  batchSize?: number;
}

export interface ImportReferencesResult {
  referenceSetId: string;
  set: string;
  rows: number;
  inserted: number;
  /** Existing (set, sourceId) rows whose formula, composition or DFT energy changed. */
  updated: number;
  unchanged: number;
  /** Model-predicted energies dropped because their entry's composition changed. */
  staleEnergiesDeleted: number;
}

// One statement per batch. `old` sees the rows as they were before the upsert (all CTEs share one
// snapshot), so model energies are dropped exactly for entries whose composition changed.
const UPSERT_SQL = `
WITH input AS (
  SELECT * FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::text[], $6::float8[])
    AS u(source_id, formula, composition, element_set_key, dft_ef)
), old AS (
  SELECT e.id, e.composition FROM reference_entries e
  JOIN input i ON e.reference_set_id = $1 AND e.source_id = i.source_id
), upserted AS (
  INSERT INTO reference_entries
    (reference_set_id, source_id, formula, composition, element_set_key, elements, dft_ef_ev_per_atom)
  SELECT $1, source_id, formula, composition, element_set_key, string_to_array(element_set_key, '-'), dft_ef
  FROM input
  ON CONFLICT (reference_set_id, source_id) DO UPDATE SET
    formula = EXCLUDED.formula, composition = EXCLUDED.composition, element_set_key = EXCLUDED.element_set_key,
    elements = EXCLUDED.elements, dft_ef_ev_per_atom = EXCLUDED.dft_ef_ev_per_atom
  WHERE (reference_entries.formula, reference_entries.composition, reference_entries.dft_ef_ev_per_atom)
    IS DISTINCT FROM (EXCLUDED.formula, EXCLUDED.composition, EXCLUDED.dft_ef_ev_per_atom)
  RETURNING id, composition, (xmax = 0) AS inserted
), stale AS (
  DELETE FROM reference_energies re USING upserted u JOIN old o ON o.id = u.id
  WHERE re.reference_entry_id = u.id AND o.composition IS DISTINCT FROM u.composition
  RETURNING 1
)
SELECT (SELECT count(*) FROM upserted WHERE inserted)::int AS inserted,
       (SELECT count(*) FROM upserted WHERE NOT inserted)::int AS updated,
       (SELECT count(*) FROM stale)::int AS stale`;

/**
 * Writes a reference list into ReferenceSet + ReferenceEntry in bulk (thousands of rows per
 * statement) inside one transaction, so a failed import leaves the previous state untouched.
 * Idempotent on (set, sourceId): a re-import updates changed rows, skips identical ones and never
 * duplicates; entries absent from the new list are kept (ids may be deprecated upstream, but
 * earlier hull results refer to them).
 */
export async function importReferences(
  db: Pick<Db, 'pool'>,
  options: ImportReferencesOptions,
): Promise<ImportReferencesResult> {
  const { set, source, batchSize } = parseOrThrow(optionsSchema, options, 'importReferences options');
  const columns = referenceEntryColumns(options.rows, `reference set ${set} rows`);
  const totals = { inserted: 0, updated: 0, staleEnergiesDeleted: 0 };
  const referenceSetId = await withTransaction(db, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO reference_sets (name, source) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET source = EXCLUDED.source RETURNING id`,
      [set, source],
    );
    const setId = rows[0]!.id;
    for (let start = 0; start < columns.length; start += batchSize) {
      const batch = await upsertBatch(client, setId, columns.slice(start, start + batchSize));
      totals.inserted += batch.inserted;
      totals.updated += batch.updated;
      totals.staleEnergiesDeleted += batch.stale;
    }
    return setId;
  });
  return {
    referenceSetId,
    set,
    rows: columns.length,
    ...totals,
    unchanged: columns.length - totals.inserted - totals.updated,
  };
}

/** A pool or one of its clients: both run queries the same way. */
type Queryable = Pick<Db['pool'], 'query'>;

async function upsertBatch(
  client: Queryable,
  referenceSetId: string,
  batch: readonly ReferenceEntryColumns[],
) {
  const { rows } = await client.query<{ inserted: number; updated: number; stale: number }>(UPSERT_SQL, [
    referenceSetId,
    batch.map((row) => row.sourceId),
    batch.map((row) => row.formula),
    batch.map((row) => row.compositionJson),
    batch.map((row) => row.elementSetKey),
    batch.map((row) => row.dftEfEvPerAtom),
  ]);
  return rows[0]!;
}
