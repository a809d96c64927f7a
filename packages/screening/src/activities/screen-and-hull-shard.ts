import type { ScreeningActivityDeps } from './activity-deps.js';
import { type HullShardSummary, hullShard } from './hull-shard.js';
import { type ScreenShardSummary, screenShard } from './screen-shard.js';

export interface ScreenAndHullShardSummary {
  screen: ScreenShardSummary;
  hull: HullShardSummary;
}

/**
 * Both post-optimisation stages of a shard in one call: the flags, then e_above_hull. One activity
 * instead of two saves the shard a task-queue round trip and a workflow task (about a sixth of its
 * orchestration latency). Both stages are idempotent, so a retry after a hull failure re-screens
 * without rewriting a row.
 */
export async function screenAndHullShard(
  deps: ScreeningActivityDeps,
  shardId: string,
): Promise<ScreenAndHullShardSummary> {
  const screen = await screenShard(deps, shardId);
  const hull = await hullShard(deps, shardId);
  return { screen, hull };
}
