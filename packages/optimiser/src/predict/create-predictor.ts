import type { Db } from '@kiago/db';
import type { OxidationStateSet } from '@kiago/screening';
import { type PredictionBatch, predictFormulas } from './predict-formulas.js';
import { PredictionModelCache } from './prediction-models.js';

export interface PredictRequest {
  formulas: string[];
  tcModel: string;
  efModel: string;
  /** null: no e_above_hull. */
  referenceSet: string | null;
  oxidationStates: OxidationStateSet;
}

/**
 * predictFormulas bound to one model cache: what the HTTP API's GET /predict runs in a process that
 * has TensorFlow (the cache selects the best backend on the first call unless one is given).
 */
export function createPredictor(
  models: PredictionModelCache = new PredictionModelCache({ backend: 'auto' }),
): (db: Pick<Db, 'pool' | 'prisma'>, request: PredictRequest) => Promise<PredictionBatch> {
  return (db, { formulas, ...options }) => predictFormulas(db, models, formulas, options);
}
