import type { ScreeningWorkerActivities } from '@kiago/screening';
import type { ShardStage } from '@kiago/worker-runtime';
import { patched } from '@temporalio/workflow';
import { SCREEN_AND_HULL_PATCH } from './workflow-types.js';

/**
 * The shard's screening: one activity (screenAndHullShard) since SCREEN_AND_HULL_PATCH; histories
 * recorded before it replay the two activities they scheduled. `enter` is told each stage as it
 * starts (a failure names it). Returns the candidates that passed screening.
 */
export async function screenAndHull(
  screening: ScreeningWorkerActivities,
  shardId: string,
  enter: (stage: Exclude<ShardStage, 'optimise'>) => void,
): Promise<number> {
  if (patched(SCREEN_AND_HULL_PATCH)) {
    enter('screen-hull');
    return (await screening.screenAndHullShard(shardId)).screen.passed;
  }
  enter('screen');
  const screened = await screening.screenShard(shardId);
  enter('hull');
  await screening.hullShard(shardId);
  return screened.passed;
}
