export { type GpuWorkerProcessEnv, parseGpuWorkerProcessEnv } from '../worker-env.js';
export { isOutOfMemory, ModelArtifactError, ResourceExhaustedError } from './activity-errors.js';
export { type ActivityRuntime, temporalActivityRuntime } from './activity-runtime.js';
export { createGpuWorker, type GpuWorker, type GpuWorkerOptions } from './create-gpu-worker.js';
export { createGpuActivities, type GpuActivities } from './gpu-activities.js';
export type { GpuActivityDeps, GpuLogger } from './gpu-activity-deps.js';
export { createModelCache, type ModelCache, type ModelCacheOptions } from './model-cache.js';
export type { OptimiseShardActivityInput, OptimiseShardSummary } from './optimise-shard-activity.js';
export type {
  PrepareReferenceEnergiesInput,
  PrepareReferenceEnergiesSummary,
} from './prepare-reference-energies.js';
