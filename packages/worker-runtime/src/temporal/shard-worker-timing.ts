import { z } from 'zod';

/**
 * The longest a shard worker holds back a heartbeat (Worker `maxHeartbeatThrottleInterval`). A
 * cancellation reaches a running activity only in the answer to a heartbeat, so this bounds how long
 * `kiago run cancel` takes to stop an optimising shard (the SDK's default is up to 60 s).
 */
export const HEARTBEAT_FLUSH_MS = 2_000;

/** KIAGO_SHUTDOWN_GRACE_S: how long running shards may finish after SIGTERM before they are cancelled. */
export const shutdownGraceSecondsSchema = (defaultSeconds: number) =>
  z.coerce
    .number({ error: 'KIAGO_SHUTDOWN_GRACE_S must be a number of seconds' })
    .min(0, 'KIAGO_SHUTDOWN_GRACE_S must be ≥ 0')
    .default(defaultSeconds);
