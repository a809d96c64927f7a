import { sleep, workflowInfo } from '@temporalio/workflow';
import { bookkeeping } from './activity-proxies.js';
import type { DescribedFailure } from './shard-failure.js';
import { DEFAULT_CARRIED_SHARD_CHECK_MS } from './workflow-settings.js';
import type { ShardRef, ShardReport } from './workflow-types.js';

export interface CarriedShards {
  /** Carried into this execution and not reported yet. */
  waiting(): ShardRef[];
  /** Counts a shard's end (a no-op for one already counted). */
  report(shard: ShardReport): void;
  /** Parks a shard FAILED whose workflow ended without an outcome of its own. */
  park(shardId: string, failure: DescribedFailure): Promise<void>;
}

/**
 * Carried shards report only by signal: a lost signal, or a terminated shard workflow, would hold a
 * slot for ever. Every `everyMs` while some are waiting, their workflows are looked up and the closed
 * ones are taken by their result (or parked FAILED when they ended without one).
 */
export async function checkCarriedShards(shards: CarriedShards, everyMs = DEFAULT_CARRIED_SHARD_CHECK_MS) {
  const books = bookkeeping();
  while (shards.waiting().length > 0) {
    await sleep(everyMs);
    const waiting = shards.waiting();
    if (waiting.length === 0) return;
    const outcomes = await books.carriedShardOutcomes({
      campaignWorkflowId: workflowInfo().workflowId,
      shards: waiting,
    });
    // Only shards still waiting: a retry round may have started one again meanwhile.
    const stillWaiting = (shardId: string) => shards.waiting().some((shard) => shard.id === shardId);
    for (const shard of outcomes.reports) if (stillWaiting(shard.shardId)) shards.report(shard);
    for (const { shardId, status } of outcomes.ended) {
      if (!stillWaiting(shardId)) continue;
      await shards.park(shardId, {
        errorType: `WORKFLOW_${status}`,
        message: `its ShardWorkflow ended (${status.toLowerCase()}) without reporting`,
      });
    }
  }
}
