import type { RunSummary } from '../summary/summarise-run.js';
import type { ScreeningActivityDeps } from './activity-deps.js';
import { type DedupeRunSummary, dedupeRun } from './dedupe-run.js';
import { type HullShardSummary, hullShard } from './hull-shard.js';
import { type ScreenAndHullShardSummary, screenAndHullShard } from './screen-and-hull-shard.js';
import { type ScreenShardSummary, screenShard } from './screen-shard.js';

/** The `kiago-screening` activities: ids in, summaries out; candidates never cross Temporal. */
export interface ScreeningActivities {
  screenShard(shardId: string): Promise<ScreenShardSummary>;
  hullShard(shardId: string): Promise<HullShardSummary>;
  /** screenShard then hullShard: what a shard runs since `patched('screen-and-hull-in-one-activity')`. */
  screenAndHullShard(shardId: string): Promise<ScreenAndHullShardSummary>;
  dedupeRun(runId: string): Promise<DedupeRunSummary>;
}

/**
 * Binds the activities to their dependencies (STYLE: injected, so tests pass a real database of
 * small scope). Every error is a KiagoError subclass whose `nonRetryable` tells the worker's retry
 * policy bad input (SpecError, NotFoundError, ReferenceSetNotFoundError, …) from database faults.
 */
export function createScreeningActivities(deps: ScreeningActivityDeps): ScreeningActivities {
  return {
    screenShard: (shardId) => screenShard(deps, shardId),
    hullShard: (shardId) => hullShard(deps, shardId),
    screenAndHullShard: (shardId) => screenAndHullShard(deps, shardId),
    dedupeRun: (runId) => dedupeRun(deps, runId),
  };
}

/** Everything `kiago-screening` serves (the workflows proxy this): the shard stages, dedupe, the run summary. */
export interface ScreeningWorkerActivities extends ScreeningActivities {
  summariseRun(runId: string): Promise<RunSummary>;
}
