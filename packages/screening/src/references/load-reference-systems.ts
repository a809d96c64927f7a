import type { Db } from '@kiago/db';
import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import type { HullReference } from '../hull/hull-distance.js';
import { groupReferencesBySystem, type ReferencesBySystem } from '../hull/reference-index.js';
import { ReferenceEnergiesMissingError } from './reference-errors.js';
import { subsetSystemKeys } from './subset-system-keys.js';

/** Which formation energies the references get: the source's DFT, or one Ef model version's predictions. */
export type ReferenceEnergySource = { kind: 'dft' } | { kind: 'model'; modelVersionId: string };

export interface LoadReferenceSystemsOptions {
  referenceSetId: string;
  /** For error messages only ("mp"); the id is used when absent. */
  referenceSetName?: string;
  energySource: ReferenceEnergySource;
  /** Element sets of the candidates (symbols); only references inside one of them are read. */
  elementSets: Iterable<Iterable<string>>;
}

/** A reference as the hull uses it; `id` is the source id ("mp-1234"). */
export interface StoredReference extends HullReference {
  formula: string;
}

export interface ReferenceSystems {
  references: StoredReference[];
  /** Answers `referencesWithin(candidateElements)` for hullDistance. */
  index: ReferencesBySystem<StoredReference>;
  /** Distinct subset keys sent to the database. */
  systemKeysQueried: number;
  /** DFT kind only: references without a DFT energy, passed on as NaN (hullDistance skips and counts them). */
  withoutEnergy: number;
}

const optionsSchema = z.object({
  referenceSetId: z.uuid('must be a reference set uuid'),
  energySource: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('dft') }),
    z.object({ kind: z.literal('model'), modelVersionId: z.uuid('must be a model version uuid') }),
  ]),
});

// The keys are joined through unnest rather than `element_set_key = ANY($2)`: 4,096 KIAGO
// candidates give ~115k subset keys, and planning an ANY over a constant array that long took
// ~300 ms of the ~450 ms query; the join plans in microseconds (bench/screening/hull-db.ts).
const DFT_SQL = `SELECT e.source_id, e.formula, e.composition, e.dft_ef_ev_per_atom AS ef
  FROM unnest($2::text[]) AS k(element_set_key)
  JOIN reference_entries e ON e.element_set_key = k.element_set_key AND e.reference_set_id = $1`;
const MODEL_SQL = `SELECT e.source_id, e.formula, e.composition, re.ef_ev_per_atom AS ef
  FROM unnest($2::text[]) AS k(element_set_key)
  JOIN reference_entries e ON e.element_set_key = k.element_set_key AND e.reference_set_id = $1
  LEFT JOIN reference_energies re ON re.reference_entry_id = e.id AND re.model_version_id = $3`;

const MISSING_EXAMPLES = 5;

/**
 * Reads, in one query, exactly the references that can take part in the hulls of the given element
 * sets: those whose element-set key is a subset of some candidate's set (all subset keys are
 * computed here, deduplicated, and matched against `element_set_key`, which is indexed). Model
 * energies come from ReferenceEnergy; any reference without one is a ReferenceEnergiesMissingError
 * naming the model version, never a silent gap in the hull.
 */
export async function loadReferenceSystems(
  db: Pick<Db, 'pool'>,
  options: LoadReferenceSystemsOptions,
): Promise<ReferenceSystems> {
  const { referenceSetId, energySource } = parseOrThrow(
    optionsSchema,
    options,
    'loadReferenceSystems options',
  );
  const keys = subsetSystemKeys(options.elementSets);
  const { rows } =
    energySource.kind === 'dft'
      ? await db.pool.query<StoredRow>(DFT_SQL, [referenceSetId, keys])
      : await db.pool.query<StoredRow>(MODEL_SQL, [referenceSetId, keys, energySource.modelVersionId]);

  const missing = rows.filter((row) => row.ef === null);
  if (energySource.kind === 'model' && missing.length > 0) {
    throw new ReferenceEnergiesMissingError(
      energySource.modelVersionId,
      options.referenceSetName ?? referenceSetId,
      missing.length,
      missing.slice(0, MISSING_EXAMPLES).map((row) => `${row.source_id} ${row.formula}`),
    );
  }
  const references = rows.map(
    (row): StoredReference => ({
      id: row.source_id,
      formula: row.formula,
      composition: new Map(Object.entries(row.composition)),
      efEvPerAtom: row.ef ?? Number.NaN,
    }),
  );
  return {
    references,
    index: groupReferencesBySystem(references),
    systemKeysQueried: keys.length,
    withoutEnergy: missing.length,
  };
}

interface StoredRow {
  source_id: string;
  formula: string;
  composition: Record<string, number>;
  ef: number | null;
}
