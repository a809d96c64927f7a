export { type AttemptRecorder, createAttemptRecorder } from './attempts/attempt-recorder.js';
export {
  type ShardAttemptInterceptorOptions,
  type ShardStageActivities,
  shardAttemptInterceptor,
} from './attempts/shard-attempt-interceptor.js';
export {
  type AttemptOutcome,
  beginShardAttempt,
  endShardAttempt,
  type ShardStage,
  WORKER_LOST,
} from './attempts/shard-attempt-log.js';
export {
  type ShardWorkerInterceptorsOptions,
  shardWorkerInterceptors,
} from './attempts/shard-worker-interceptors.js';
export type {
  GpuActivities,
  OptimiseShardActivityInput,
  OptimiseShardSummary,
  PredictFormulasInput,
  PrepareReferenceEnergiesInput,
  PrepareReferenceEnergiesSummary,
} from './contracts/gpu-activities.js';
export {
  LOG_LEVELS,
  type LogLevel,
  parseTemporalEnv,
  parseWorkerEnv,
  type TemporalEnv,
  type TemporalTlsPaths,
  type WorkerEnv,
} from './env/worker-env.js';
export { DATABASE_UNAVAILABLE, errorMessageOf, errorTypeOf } from './failures/error-type.js';
export { kiagoFailureInterceptor } from './failures/kiago-failure-interceptor.js';
export { toApplicationFailure } from './failures/to-application-failure.js';
export {
  type HealthServer,
  type HealthServerOptions,
  type ReadinessCheck,
  startHealthServer,
} from './health/health-server.js';
export { type ListeningServer, listen } from './http/listen.js';
export { runMain } from './process/run-main.js';
export {
  type ProcessWorkers,
  runWorkerProcess,
  type WorkerProcessDeps,
  type WorkerProcessOptions,
} from './process/run-worker-process.js';
export { runWorkers } from './process/run-workers.js';
export { workerIdentity } from './process/worker-identity.js';
export { DEFAULT_TASK_QUEUES, suffixedTaskQueues, type TaskQueues } from './task-queues.js';
export { type TemporalConnectionOptions, temporalConnectionOptions } from './temporal/connection-options.js';
export { installTemporalRuntime } from './temporal/install-runtime.js';
export { HEARTBEAT_FLUSH_MS, shutdownGraceSecondsSchema } from './temporal/shard-worker-timing.js';
export { TlsFileError } from './temporal/tls-file-error.js';
