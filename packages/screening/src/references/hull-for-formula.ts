import type { Db } from '@kiago/db';
import { elementSetKey, NotFoundError, parseFormula, parseOrThrow, reducedFormula } from '@kiago/shared';
import { z } from 'zod';
import { hullDistance } from '../hull/hull-distance.js';
import { loadReferenceSystems, type ReferenceEnergySource } from './load-reference-systems.js';
import { findReferenceSet } from './reference-sets.js';

export interface HullForFormulaOptions {
  formula: string;
  /** Reference set name, e.g. "mp". */
  referenceSet: string;
  /** The composition's own Ef; without it only E_hull and the decomposition are known. */
  efEvPerAtom?: number | undefined;
  /** Ef model version (e.g. "elemnet-2025-01") whose cached reference energies to use; default DFT. */
  efModelVersion?: string | undefined;
}

export interface HullPhase {
  /** Source id of the reference; null for a pure element (Ef = 0 by definition). */
  id: string | null;
  /** The reference's formula as its source writes it (the element's symbol for a pure element). */
  formula: string;
  /** Atom fraction of the composition assigned to this phase. */
  fraction: number;
  efEvPerAtom: number;
}

export interface HullForFormulaResult {
  formula: string;
  reducedFormula: string;
  elementSetKey: string;
  referenceSet: string;
  energies: 'dft' | `model ${string}`;
  eHullEvPerAtom: number;
  /** Ef − E_hull; null when no Ef was given. */
  eAboveHullEvPerAtom: number | null;
  decomposition: HullPhase[];
  referencesUsed: number;
  referencesSkipped: number;
}

const optionsSchema = z.object({
  formula: z.string().trim().min(1, 'must be a formula such as "La2CuO4"'),
  referenceSet: z.string().min(1, 'must name a reference set'),
  efEvPerAtom: z.number().finite('must be a finite number (eV/atom)').optional(),
  efModelVersion: z.string().min(1, 'must name an Ef model version').optional(),
});

/**
 * The hull of one composition against a stored reference set: E_hull, e_above_hull when Ef is
 * given, and the decomposition with each phase's energy. Unknown set → ReferenceSetNotFoundError
 * ("run kiago refs import …"); unknown model version → NotFoundError; a model version without
 * energies for the needed references → ReferenceEnergiesMissingError.
 */
export async function hullForFormula(
  db: Pick<Db, 'pool'>,
  options: HullForFormulaOptions,
): Promise<HullForFormulaResult> {
  const input = parseOrThrow(optionsSchema, options, 'hull options');
  const composition = parseFormula(input.formula);
  const referenceSet = await findReferenceSet(db, input.referenceSet);
  const energySource = input.efModelVersion
    ? await modelEnergySource(db, input.efModelVersion)
    : ({ kind: 'dft' } as const);
  const systems = await loadReferenceSystems(db, {
    referenceSetId: referenceSet.id,
    referenceSetName: referenceSet.name,
    energySource,
    elementSets: [composition.keys()],
  });
  const within = systems.index.referencesWithin(composition.keys());
  const result = hullDistance({ composition, efEvPerAtom: input.efEvPerAtom ?? Number.NaN }, within);
  const referenceOf = new Map(within.map((reference) => [reference.id, reference]));
  return {
    formula: input.formula,
    reducedFormula: reducedFormula(composition),
    elementSetKey: elementSetKey(composition),
    referenceSet: referenceSet.name,
    energies: input.efModelVersion ? `model ${input.efModelVersion}` : 'dft',
    eHullEvPerAtom: result.eHullEvPerAtom,
    eAboveHullEvPerAtom: input.efEvPerAtom === undefined ? null : result.eAboveHullEvPerAtom,
    decomposition: result.decomposition.map((part) => {
      const reference = part.id === null ? undefined : referenceOf.get(part.id);
      return {
        id: part.id,
        formula: reference?.formula ?? part.formula,
        fraction: part.fraction,
        efEvPerAtom: reference?.efEvPerAtom ?? 0,
      };
    }),
    referencesUsed: result.referencesUsed,
    referencesSkipped: result.referencesSkipped,
  };
}

async function modelEnergySource(db: Pick<Db, 'pool'>, version: string): Promise<ReferenceEnergySource> {
  const { rows } = await db.pool.query<{ id: string }>(
    "SELECT id FROM model_versions WHERE kind = 'EF' AND version = $1",
    [version],
  );
  if (!rows[0]) throw new NotFoundError('Ef model version', version);
  return { kind: 'model', modelVersionId: rows[0].id };
}
