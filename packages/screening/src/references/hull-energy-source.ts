import type { Db } from '@kiago/db';
import type { ReferenceEnergySource } from './load-reference-systems.js';

/**
 * The energies a run's hull uses (DESIGN §7: reference Ef from the pinned ElemNet version): the run's
 * Ef model version once `prepareReferenceEnergies` has cached any energy for it in this set;
 * otherwise the set's DFT energies. Once a version has energies there, every reference a hull needs
 * must have one (loadReferenceSystems raises ReferenceEnergiesMissingError), so a half-filled cache
 * never silently mixes model and DFT energies in one hull.
 */
export async function hullEnergySource(
  db: Pick<Db, 'pool'>,
  referenceSetId: string,
  efModelVersionId: string,
): Promise<ReferenceEnergySource> {
  const { rows } = await db.pool.query<{ cached: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM reference_energies re JOIN reference_entries e ON e.id = re.reference_entry_id
       WHERE re.model_version_id = $1 AND e.reference_set_id = $2) AS cached`,
    [efModelVersionId, referenceSetId],
  );
  return rows[0]?.cached ? { kind: 'model', modelVersionId: efModelVersionId } : { kind: 'dft' };
}
