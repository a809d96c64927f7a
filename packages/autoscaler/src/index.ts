export { type AutoscalerEnv, parseAutoscalerEnv } from './autoscaler-env.js';
export type {
  AutoscalerClock,
  AutoscalerLogger,
  BacklogSnapshot,
  BacklogSource,
  GpuAutoscalerConfig,
  TickOutcome,
} from './autoscaler-types.js';
export { countRunningShards } from './count-running-shards.js';
export {
  createDeploymentScaleClient,
  type DeploymentScale,
  type DeploymentScaleClient,
} from './deployment-scale-client.js';
export { desiredReplicas, type ReplicaDemand } from './desired-replicas.js';
export {
  ScaleApiError,
  ScaleConflictError,
  ScaleForbiddenError,
  type ScaleTarget,
  ScaleTargetNotFoundError,
} from './errors.js';
export {
  createGpuAutoscaler,
  type GpuAutoscaler,
  type GpuAutoscalerDeps,
  MAX_BACKOFF_MS,
  MAX_CONFLICT_ATTEMPTS,
} from './gpu-autoscaler.js';
export { createK8sApi, type K8sApi } from './k8s-api.js';
export {
  createReplicaStabiliser,
  type ReplicaStabiliser,
  type StabiliserWindows,
} from './replica-stabiliser.js';
export { systemClock } from './system-clock.js';
export {
  createTemporalBacklogSource,
  type TaskQueueDescriber,
  type TemporalBacklogSourceOptions,
} from './temporal-backlog-source.js';
