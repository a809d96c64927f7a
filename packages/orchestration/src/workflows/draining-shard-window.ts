import { executeChild, isCancellation, workflowInfo } from '@temporalio/workflow';
import { bookkeeping } from './activity-proxies.js';
import { countShardCancelled, countShardFinished, countShardStarted } from './campaign-counters.js';
import { describeFailure } from './shard-failure.js';
import { type ShardWindow, type WindowControl, waitForSlot } from './shard-window.js';
import { ShardWorkflow } from './shard-workflow.js';
import { shardWorkflowId } from './workflow-ids.js';
import type { CampaignState, CampaignWorkflowInput } from './workflow-types.js';

/**
 * The window of runs started before the `carry-shard-window` patch (kept so that they replay): every
 * child is awaited in this execution, so the window drains before each continue-as-new.
 */
export function drainingShardWindow(
  input: CampaignWorkflowInput,
  state: CampaignState,
  control: WindowControl,
): ShardWindow {
  const books = bookkeeping();
  const running = new Set<Promise<void>>();
  return {
    async launch(shard, from) {
      await waitForSlot(input.runId, control, () => running.size < state.maxParallelShards);
      countShardStarted(state, from);
      const child = executeChild(ShardWorkflow, {
        workflowId: shardWorkflowId(workflowInfo().workflowId, shard.index),
        taskQueue: input.taskQueues.orchestrator,
        args: [{ shardId: shard.id, taskQueues: input.taskQueues, settings: input.settings }],
      }).then(
        (outcome) => countShardFinished(state, outcome),
        async (error: unknown) => {
          if (isCancellation(error)) return countShardCancelled(state);
          // The shard workflow itself broke (it parks stage failures on its own): park the shard here.
          const failure = describeFailure(error);
          await books.finishShard({ shardId: shard.id, status: 'FAILED', ...failure });
          countShardFinished(state, { shardId: shard.id, status: 'FAILED', stage: 'workflow', ...failure });
        },
      );
      const tracked: Promise<void> = child.finally(() => running.delete(tracked));
      running.add(tracked);
    },
    async endPage() {
      await Promise.all(running);
      return undefined;
    },
    async drain() {
      await Promise.all(running);
    },
    async stop() {
      // Cancelled children stop their activities first; only then is the run's state final.
      await Promise.allSettled(running);
    },
  };
}
