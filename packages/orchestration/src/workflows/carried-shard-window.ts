import {
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  ParentClosePolicy,
  patched,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { bookkeeping } from './activity-proxies.js';
import { countShardCancelled, countShardFinished, countShardStarted } from './campaign-counters.js';
import { checkCarriedShards } from './carried-shard-check.js';
import { type DescribedFailure, describeFailure } from './shard-failure.js';
import { type ShardWindow, type WindowControl, waitForSlot } from './shard-window.js';
import { ShardWorkflow } from './shard-workflow.js';
import { shardWorkflowId } from './workflow-ids.js';
import {
  type CampaignState,
  type CampaignWorkflowInput,
  CHECK_CARRIED_SHARDS_PATCH,
  SETTLE_SIGNALLED_CHILDREN_PATCH,
  type ShardReport,
  shardFinishedSignal,
} from './workflow-types.js';

/** A shard that was cancelled but never reported (its workflow was terminated) is not waited for longer. */
const STOP_WAIT = '10 minutes';

/**
 * The window that stays full (Temporal's batch sliding-window pattern): children outlive a
 * continue-as-new (ParentClosePolicy.ABANDON) and report their end by the `shardFinished` signal to
 * the campaign's workflow id, so the next execution starts new shards as soon as slots free up
 * instead of waiting for the whole page to drain.
 */
export function carriedShardWindow(
  input: CampaignWorkflowInput,
  state: CampaignState,
  control: WindowControl,
): ShardWindow {
  const books = bookkeeping();
  const inFlight = new Map((state.inFlight ?? []).map((shard) => [shard.id, shard]));
  const starting = new Set<Promise<unknown>>();
  const childId = (index: number) => shardWorkflowId(workflowInfo().workflowId, index);
  // Shards this execution started report by their result: a child also signals, and a signal can
  // arrive after a retry round has started the same shard again, where it would end the new attempt
  // early. Only the shards carried over from an earlier execution report by signal.
  const startedHere = new Set<string>();
  // Shards started here whose signal this execution has ignored: their result is on its way.
  const signalledHere = new Set<string>();
  const report = (shard: ShardReport) => {
    if (!inFlight.delete(shard.shardId)) return;
    if (shard.status === 'CANCELLED') countShardCancelled(state);
    else countShardFinished(state, shard);
  };
  /** A shard workflow that ended without an outcome of its own: its row is parked FAILED here. */
  const park = async (shardId: string, failure: DescribedFailure) => {
    await CancellationScope.nonCancellable(() =>
      books.finishShard({ shardId, status: 'FAILED', ...failure }),
    );
    report({ shardId, status: 'FAILED', stage: 'workflow', ...failure });
  };
  setHandler(shardFinishedSignal, (shard) => {
    if (startedHere.has(shard.shardId)) signalledHere.add(shard.shardId);
    else report(shard);
  });
  // Runs recorded before the check existed replay without it.
  if (inFlight.size > 0 && patched(CHECK_CARRIED_SHARDS_PATCH)) {
    const waiting = () => [...inFlight.values()].filter((shard) => !startedHere.has(shard.id));
    checkCarriedShards({ waiting, report, park }, input.settings.carriedShardCheckMs).catch(
      (error: unknown) => {
        if (!isCancellation(error)) throw error;
      },
    );
  }
  return {
    async launch(shard, from) {
      await waitForSlot(input.runId, control, () => inFlight.size < state.maxParallelShards);
      countShardStarted(state, from);
      inFlight.set(shard.id, shard);
      startedHere.add(shard.id);
      signalledHere.delete(shard.id);
      // Not awaited: the starts of every free slot go out in one workflow task.
      const start = startChild(ShardWorkflow, {
        workflowId: childId(shard.index),
        taskQueue: input.taskQueues.orchestrator,
        parentClosePolicy: ParentClosePolicy.ABANDON,
        args: [{ shardId: shard.id, taskQueues: input.taskQueues, settings: input.settings }],
      });
      starting.add(start);
      start.finally(() => starting.delete(start)).catch(() => undefined);
      start
        .then((child) => child.result())
        .then(report, async (error: unknown) => {
          if (!inFlight.has(shard.id)) return;
          if (isCancellation(error)) return report({ shardId: shard.id, status: 'CANCELLED' });
          // The shard workflow itself broke (it parks stage failures on its own): park the shard here.
          await park(shard.id, describeFailure(error));
        });
    },
    async endPage() {
      // A child whose start is not confirmed yet would be orphaned by continue-as-new.
      await Promise.allSettled(starting);
      // A child that signalled this execution does not signal the next one: carried over, it would
      // hold its slot forever. Its result follows its signal within one task.
      if (patched(SETTLE_SIGNALLED_CHILDREN_PATCH)) {
        await condition(() => ![...signalledHere].some((shardId) => inFlight.has(shardId)));
      }
      return [...inFlight.values()];
    },
    async drain() {
      await condition(() => inFlight.size === 0);
    },
    async stop() {
      // Children started by earlier executions are outside this one's cancellation scope.
      await Promise.all(
        [...inFlight.values()].map(
          (shard) =>
            getExternalWorkflowHandle(childId(shard.index))
              .cancel()
              .catch(() => undefined), // it ended meanwhile; its report is on its way
        ),
      );
      await condition(() => inFlight.size === 0, STOP_WAIT);
    },
  };
}
