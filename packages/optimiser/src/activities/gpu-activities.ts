import type { GpuActivities } from '@kiago/worker-runtime';
import type { GpuActivityDeps } from './gpu-activity-deps.js';
import { optimiseShardActivity } from './optimise-shard-activity.js';
import { prepareReferenceEnergies } from './prepare-reference-energies.js';

/** The `kiago-gpu` activities (contract: @kiago/worker-runtime's GpuActivities): ids in, summaries out. */
export function createGpuActivities(deps: GpuActivityDeps): GpuActivities {
  return {
    optimiseShard: (input) => optimiseShardActivity(deps, input),
    prepareReferenceEnergies: (input) => prepareReferenceEnergies(deps, input),
  };
}
