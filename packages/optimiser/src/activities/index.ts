export { isOutOfMemory, ModelArtifactError, ResourceExhaustedError } from './activity-errors.js';
export { type ActivityRuntime, temporalActivityRuntime } from './activity-runtime.js';
export { createGpuActivities } from './gpu-activities.js';
export type { GpuActivityDeps, GpuLogger } from './gpu-activity-deps.js';
export { createModelCache, type ModelCache, type ModelCacheOptions } from './model-cache.js';
