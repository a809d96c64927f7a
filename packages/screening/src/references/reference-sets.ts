import type { Db } from '@kiago/db';
import { ReferenceSetNotFoundError } from './reference-errors.js';

export interface ReferenceSetRecord {
  id: string;
  name: string;
  source: string;
}

/** The set's row, or ReferenceSetNotFoundError telling the user which import to run. */
export async function findReferenceSet(db: Pick<Db, 'pool'>, name: string): Promise<ReferenceSetRecord> {
  const { rows } = await db.pool.query<ReferenceSetRecord>(
    'SELECT id, name, source FROM reference_sets WHERE name = $1',
    [name],
  );
  if (!rows[0]) throw new ReferenceSetNotFoundError(name);
  return rows[0];
}

export interface ReferenceSetSummary extends ReferenceSetRecord {
  createdAt: Date;
  entries: number;
  /** Distinct chemical systems (element-set keys). */
  systems: number;
  entriesWithDftEnergy: number;
  /** Cached model predictions: Ef model version → entries covered. */
  modelEnergies: Record<string, number>;
}

/** Every reference set with its size and energy coverage, by name. */
export async function listReferenceSets(db: Pick<Db, 'pool'>): Promise<ReferenceSetSummary[]> {
  const { rows } = await db.pool.query<Omit<ReferenceSetSummary, 'modelEnergies'>>(
    `SELECT s.id, s.name, s.source, s.created_at AS "createdAt",
            count(e.id)::int AS entries,
            count(DISTINCT e.element_set_key)::int AS systems,
            count(e.dft_ef_ev_per_atom)::int AS "entriesWithDftEnergy"
     FROM reference_sets s LEFT JOIN reference_entries e ON e.reference_set_id = s.id
     GROUP BY s.id ORDER BY s.name`,
  );
  const energies = await db.pool.query<{ setId: string; version: string; entries: number }>(
    `SELECT e.reference_set_id AS "setId", m.version, count(*)::int AS entries
     FROM reference_energies re
     JOIN reference_entries e ON e.id = re.reference_entry_id
     JOIN model_versions m ON m.id = re.model_version_id
     GROUP BY e.reference_set_id, m.version ORDER BY m.version`,
  );
  return rows.map((row) => ({
    ...row,
    modelEnergies: Object.fromEntries(
      energies.rows.filter((e) => e.setId === row.id).map((e) => [e.version, e.entries]),
    ),
  }));
}
