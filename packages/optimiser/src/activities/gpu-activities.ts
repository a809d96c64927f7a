import type { GpuActivityDeps } from './gpu-activity-deps.js';
import {
  type OptimiseShardActivityInput,
  type OptimiseShardSummary,
  optimiseShardActivity,
} from './optimise-shard-activity.js';
import {
  type PrepareReferenceEnergiesInput,
  type PrepareReferenceEnergiesSummary,
  prepareReferenceEnergies,
} from './prepare-reference-energies.js';

/** The `kiago-gpu` activities: ids in, summaries out. */
export interface GpuActivities {
  optimiseShard(input: OptimiseShardActivityInput): Promise<OptimiseShardSummary>;
  prepareReferenceEnergies(input: PrepareReferenceEnergiesInput): Promise<PrepareReferenceEnergiesSummary>;
}

export function createGpuActivities(deps: GpuActivityDeps): GpuActivities {
  return {
    optimiseShard: (input) => optimiseShardActivity(deps, input),
    prepareReferenceEnergies: (input) => prepareReferenceEnergies(deps, input),
  };
}
