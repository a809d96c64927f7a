/** What the `kiago-gpu` task queue asks of the gpu-worker pool right now. */
export interface BacklogSnapshot {
  /** Shard activities scheduled but not yet picked up (Temporal's approximateBacklogCount). */
  backlog: number;
  /** Shard activities currently running on a gpu-worker. */
  runningShards: number;
}

export type BacklogSource = () => Promise<BacklogSnapshot>;

export interface AutoscalerLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface AutoscalerClock {
  nowMs(): number;
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** What one reconcile step did; the controller loop only logs it, tests assert on it. */
export type TickOutcome =
  | { kind: 'scaled'; fromReplicas: number; toReplicas: number; desiredReplicas: number }
  | { kind: 'steady'; replicas: number; desiredReplicas: number }
  | { kind: 'backing-off'; retryAtMs: number }
  | { kind: 'forbidden'; retryAtMs: number }
  | { kind: 'not-found'; retryAtMs: number }
  | { kind: 'conflict-unresolved'; attempts: number }
  | { kind: 'backlog-unavailable'; reason: string }
  | { kind: 'api-error'; httpStatus: number | null };

/** What the GPU autoscaler needs to size one Deployment. Durations in milliseconds. */
export interface GpuAutoscalerConfig {
  namespace: string;
  deployment: string;
  minReplicas: number;
  maxReplicas: number;
  /** Shards one gpu-worker pod runs at once (= its KIAGO_GPU_SLOTS = GPUs per pod). */
  shardsPerReplica: number;
  scaleUpStabilisationMs: number;
  scaleDownStabilisationMs: number;
  intervalMs: number;
}
