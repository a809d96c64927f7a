import type { GpuActivities } from '@kiago/worker-runtime';
import { createPredictor } from '../predict/create-predictor.js';
import { PredictionModelCache } from '../predict/prediction-models.js';
import type { GpuActivityDeps } from './gpu-activity-deps.js';
import { optimiseShardActivity } from './optimise-shard-activity.js';
import { prepareReferenceEnergies } from './prepare-reference-energies.js';

/** The `kiago-gpu` activities (contract: @kiago/worker-runtime's GpuActivities): ids in, summaries out. */
export function createGpuActivities(deps: GpuActivityDeps): GpuActivities {
  // The worker selected its backend at start-up; predictions reuse it and keep their models loaded.
  const predict = createPredictor(new PredictionModelCache());
  return {
    optimiseShard: (input) => optimiseShardActivity(deps, input),
    prepareReferenceEnergies: (input) => prepareReferenceEnergies(deps, input),
    predictFormulas: (input) => predict(deps.db, input),
  };
}
