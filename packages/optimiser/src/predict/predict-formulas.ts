import type { Db } from '@kiago/db';
import {
  hullForFormula,
  type OxidationStateSet,
  ReferenceEnergiesMissingError,
  screenCandidate,
  screeningCounts,
} from '@kiago/screening';
import {
  type Composition,
  compositionToVector,
  ELEMENT_COUNT,
  isInTcDomain,
  MODE_DEFAULTS,
  parseFormula,
  reducedFormula,
} from '@kiago/shared';
import { predictInBatches } from '../optimiser/predict-in-batches.js';
import type { PredictionModelCache } from './prediction-models.js';

export interface PredictOptions {
  /** Model versions; 'latest' is the active (pinned) one. */
  tcModel: string;
  efModel: string;
  /** Reference set of the hull (e.g. mp); null skips e_above_hull. */
  referenceSet: string | null;
  oxidationStates: OxidationStateSet;
}

export interface Prediction {
  formula: string;
  reducedFormula: string;
  tcKelvin: number;
  efEvPerAtom: number;
  /** Every element inside the Tc model's training support. */
  inDomain: boolean;
  valid: boolean;
  chargeNeutral: boolean;
  electronegativityOk: boolean | null;
  efNegative: boolean | null;
  elementCountOk: boolean;
  reasons: string[];
  eAboveHullEvPerAtom: number | null;
  /** Where the references' energies came from: the Ef model's cached ones when there are any, else DFT. */
  hullEnergies: string | null;
}

export interface PredictionBatch {
  tcModelVersion: string;
  efModelVersion: string;
  predictions: Prediction[];
}

/**
 * What our models say about given formulas: Tc and Ef of the named (or pinned) versions, the
 * normal-mode screening flags, e_above_hull against a reference set, and the in-domain flag.
 * Formulas are parsed first, so a bad one throws its FormulaError before any model is loaded.
 */
export async function predictFormulas(
  db: Pick<Db, 'pool' | 'prisma'>,
  cache: PredictionModelCache,
  formulas: readonly string[],
  options: PredictOptions,
): Promise<PredictionBatch> {
  const compositions = formulas.map((formula) => parseFormula(formula));
  const { models, tcVersion, efVersion } = await cache.get(db, options.tcModel, options.efModel);
  const x = new Float32Array(compositions.length * ELEMENT_COUNT);
  for (const [row, composition] of compositions.entries()) {
    x.set(compositionToVector(composition), row * ELEMENT_COUNT);
  }
  const batch = 256;
  const tc = predictInBatches((v) => models.tc.predictTc(v), x, compositions.length, batch);
  const ef = predictInBatches((v) => models.ef.predictEf(v), x, compositions.length, batch);
  const predictions: Prediction[] = [];
  for (const [row, composition] of compositions.entries()) {
    const efEvPerAtom = ef[row] ?? Number.NaN;
    const flags = screenCandidate(
      { counts: screeningCounts(composition), efEvPerAtom },
      {
        oxidationStateSet: options.oxidationStates,
        maxElements: MODE_DEFAULTS.normal.maxElements,
        mode: { kind: 'normal' },
      },
    );
    const hull = options.referenceSet
      ? await hullOf(db, formulas[row] ?? '', efEvPerAtom, options.referenceSet, efVersion)
      : null;
    predictions.push({
      formula: formulas[row] ?? '',
      reducedFormula: reducedFormula(composition),
      tcKelvin: tc[row] ?? Number.NaN,
      efEvPerAtom,
      inDomain: isInTcDomain(elementsOf(composition)),
      valid: flags.valid,
      chargeNeutral: flags.chargeNeutral,
      electronegativityOk: flags.electronegativityOk,
      efNegative: flags.formationEnergyOk,
      elementCountOk: flags.elementCountOk,
      reasons: flags.reasons,
      eAboveHullEvPerAtom: hull?.eAboveHullEvPerAtom ?? null,
      hullEnergies: hull?.energies ?? null,
    });
  }
  return { tcModelVersion: tcVersion, efModelVersion: efVersion, predictions };
}

const elementsOf = (composition: Composition) => composition.keys();

/** Model energies when the Ef version has cached reference energies in the set, else DFT (DESIGN §7). */
async function hullOf(
  db: Pick<Db, 'pool'>,
  formula: string,
  efEvPerAtom: number,
  referenceSet: string,
  efModelVersion: string,
) {
  const input = {
    formula,
    referenceSet,
    efEvPerAtom: Number.isFinite(efEvPerAtom) ? efEvPerAtom : undefined,
  };
  try {
    return await hullForFormula(db, { ...input, efModelVersion });
  } catch (error) {
    if (!(error instanceof ReferenceEnergiesMissingError)) throw error;
    return hullForFormula(db, input);
  }
}
