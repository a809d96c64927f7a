import { type Client, type WorkflowExecutionStatusName, WorkflowNotFoundError } from '@temporalio/client';
import { shardWorkflowId } from '../workflows/workflow-ids.js';
import type { ShardOutcome, ShardRef, ShardReport } from '../workflows/workflow-types.js';

export interface CarriedShardOutcomesInput {
  /** The campaign's workflow id (its shards' ids derive from it). */
  campaignWorkflowId: string;
  shards: ShardRef[];
}

/** A shard whose workflow ended without an outcome of its own (terminated, timed out, failed). */
export interface EndedShard {
  shardId: string;
  status: WorkflowExecutionStatusName;
}

export interface CarriedShardOutcomes {
  /** Closed shard workflows' own reports: their outcome, or CANCELLED. */
  reports: ShardReport[];
  /** Closed without an outcome: the campaign parks them as FAILED. */
  ended: EndedShard[];
}

/** Closed without an outcome of its own (UNKNOWN: no longer kept); running and paused ones are left. */
const ENDED: ReadonlySet<WorkflowExecutionStatusName> = new Set([
  'FAILED',
  'TERMINATED',
  'TIMED_OUT',
  'UNKNOWN',
]);

/**
 * What Temporal knows of the carried shards (started by an earlier execution of the campaign) that
 * have not reported: the ones whose workflows have closed, read from their results. A safety net for
 * a lost `shardFinished` signal or a terminated shard: without it the campaign would hold the slot
 * and wait for ever. Shards still running are left out.
 */
export async function carriedShardOutcomes(
  client: Pick<Client, 'workflow'>,
  input: CarriedShardOutcomesInput,
): Promise<CarriedShardOutcomes> {
  const outcomes: CarriedShardOutcomes = { reports: [], ended: [] };
  for (const shard of input.shards) {
    const handle = client.workflow.getHandle(shardWorkflowId(input.campaignWorkflowId, shard.index));
    const status = await handle.describe().then(
      (description) => description.status,
      (error: unknown) => {
        // Closed so long ago that the namespace's retention removed it.
        if (error instanceof WorkflowNotFoundError) return { name: 'UNKNOWN' as const };
        throw error;
      },
    );
    if (status.name === 'COMPLETED') outcomes.reports.push((await handle.result()) as ShardOutcome);
    else if (status.name === 'CANCELLED') outcomes.reports.push({ shardId: shard.id, status: 'CANCELLED' });
    else if (ENDED.has(status.name)) outcomes.ended.push({ shardId: shard.id, status: status.name });
  }
  return outcomes;
}
