// Plain data shared by workflows (deterministic: no imports) and the clients that start them.

/** Timeouts and retry policy of one kind of activity. Durations in milliseconds. */
export interface StageSettings {
  startToCloseMs: number;
  /** A worker that misses heartbeats this long is presumed dead and the activity is retried elsewhere. */
  heartbeatMs: number;
  maximumAttempts: number;
  initialRetryMs: number;
  maximumRetryMs: number;
}

/** Knobs of the orchestration itself (not of the science, which the campaign spec holds). */
export interface OrchestrationSettings {
  /** Shards one CampaignWorkflow execution runs before it continues as new (history stays small). */
  shardsPerExecution: number;
  /**
   * Pause before retry round r (doubling each round): a fault that outlasted an activity's own retries
   * (a database failover, a node pool scaling up) gets time to pass. 0: none.
   */
  retryRoundDelayMs?: number;
  /**
   * How often an execution asks Temporal about the shards it carried over that have not reported
   * (a lost signal, a terminated shard workflow); absent in runs started before it existed.
   */
  carriedShardCheckMs?: number;
  optimise: StageSettings;
  screening: StageSettings;
  referenceEnergies: StageSettings;
}

/** carriedShardCheckMs by default: a lost report costs a slot for 5 minutes, not for ever. */
export const DEFAULT_CARRIED_SHARD_CHECK_MS = 300_000;

/**
 * Paper-scale shards take hours on a CPU, minutes on a GPU. Recovery is sized for ~30 s: workers
 * flush a heartbeat every 2 s (HEARTBEAT_FLUSH_MS), so a shard stage whose worker died, or whose
 * completion report was lost while the Temporal server was down, is presumed lost after its
 * heartbeat timeout (20 s optimise, 30 s screening) and retried after `initialRetryMs` (5 s).
 */
export const DEFAULT_ORCHESTRATION_SETTINGS: OrchestrationSettings = {
  shardsPerExecution: 500,
  retryRoundDelayMs: 60_000,
  carriedShardCheckMs: DEFAULT_CARRIED_SHARD_CHECK_MS,
  optimise: {
    startToCloseMs: 8 * 3_600_000,
    heartbeatMs: 20_000,
    maximumAttempts: 3,
    initialRetryMs: 5_000,
    maximumRetryMs: 300_000,
  },
  screening: {
    startToCloseMs: 1_800_000,
    heartbeatMs: 30_000,
    maximumAttempts: 3,
    initialRetryMs: 5_000,
    maximumRetryMs: 60_000,
  },
  referenceEnergies: {
    startToCloseMs: 2 * 3_600_000,
    heartbeatMs: 120_000,
    maximumAttempts: 3,
    initialRetryMs: 10_000,
    maximumRetryMs: 300_000,
  },
};

/** Defaults with some stage settings replaced (tests and scale runs shorten timeouts). */
export function orchestrationSettings(
  overrides: {
    shardsPerExecution?: number;
    retryRoundDelayMs?: number;
    carriedShardCheckMs?: number;
    optimise?: Partial<StageSettings>;
    screening?: Partial<StageSettings>;
    referenceEnergies?: Partial<StageSettings>;
  } = {},
): OrchestrationSettings {
  const defaults = DEFAULT_ORCHESTRATION_SETTINGS;
  return {
    shardsPerExecution: overrides.shardsPerExecution ?? defaults.shardsPerExecution,
    retryRoundDelayMs: overrides.retryRoundDelayMs ?? defaults.retryRoundDelayMs,
    carriedShardCheckMs: overrides.carriedShardCheckMs ?? defaults.carriedShardCheckMs,
    optimise: { ...defaults.optimise, ...overrides.optimise },
    screening: { ...defaults.screening, ...overrides.screening },
    referenceEnergies: { ...defaults.referenceEnergies, ...overrides.referenceEnergies },
  };
}
