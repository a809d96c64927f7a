import type { ShardStage } from '@kiago/worker-runtime';
import {
  CancellationScope,
  getExternalWorkflowHandle,
  isCancellation,
  patched,
  workflowInfo,
} from '@temporalio/workflow';
import { bookkeeping, gpuActivities, screeningActivities } from './activity-proxies.js';
import { describeFailure, halvedMicroBatch } from './shard-failure.js';
import { screenAndHull } from './shard-screening.js';
import {
  CARRY_SHARD_WINDOW_PATCH,
  REPORT_BY_LOCAL_ACTIVITY_PATCH,
  type ShardOutcome,
  type ShardReport,
  type ShardWorkflowInput,
  shardFinishedSignal,
} from './workflow-types.js';

/**
 * One shard: optimise → screen + hull, retried activities on their own task queues. An
 * out-of-memory optimise is retried with half the micro-batch. When a stage exhausts its attempts
 * the shard is parked as FAILED with its error and the outcome says so (the campaign goes on).
 * The outcome is also signalled to the campaign, whose current execution may not be the one that
 * started this shard (the window is carried across continue-as-new).
 */
export async function ShardWorkflow(input: ShardWorkflowInput): Promise<ShardOutcome> {
  const reportsToCampaign = patched(CARRY_SHARD_WINDOW_PATCH);
  const reportsByLocalActivity = patched(REPORT_BY_LOCAL_ACTIVITY_PATCH);
  const { shardId } = input;
  const { optimise } = gpuActivities(input.taskQueues, input.settings);
  const screening = screeningActivities(input.taskQueues, input.settings);
  const { finishShard, reportToCampaign } = bookkeeping();
  const report = async (shard: ShardReport) => {
    const campaign = workflowInfo().parent;
    if (!reportsToCampaign || !campaign) return;
    if (reportsByLocalActivity) {
      await reportToCampaign({ campaignWorkflowId: campaign.workflowId, report: shard });
      return;
    }
    // A campaign that is gone (terminated) has nobody to tell; the shard's row is already written.
    await getExternalWorkflowHandle(campaign.workflowId)
      .signal(shardFinishedSignal, shard)
      .catch(() => undefined);
  };
  let stage: ShardStage = 'optimise';
  try {
    let microBatch = input.microBatch;
    let optimised: Awaited<ReturnType<typeof optimise.optimiseShard>> | undefined;
    while (!optimised) {
      try {
        optimised = await optimise.optimiseShard({
          shardId,
          ...(microBatch !== undefined && { microBatch }),
        });
      } catch (error) {
        microBatch = halvedMicroBatch(error);
        if (microBatch === undefined) throw error;
      }
    }
    const passed = await screenAndHull(screening, shardId, (next) => {
      stage = next;
    });
    await finishShard({ shardId, status: 'SUCCEEDED' });
    const outcome: ShardOutcome = {
      shardId,
      status: 'SUCCEEDED',
      candidates: optimised.candidates,
      bestTcKelvin: optimised.bestTcKelvin,
      passed,
    };
    await report(outcome);
    return outcome;
  } catch (error) {
    if (isCancellation(error)) {
      await CancellationScope.nonCancellable(async () => {
        // Its rows (if any) stay unscreened; queries leave out a cancelled shard's candidates.
        const message = `cancelled with its run during the ${stage} stage`;
        await finishShard({ shardId, status: 'CANCELLED', errorType: 'CANCELLED', message });
        await report({ shardId, status: 'CANCELLED' });
      });
      throw error;
    }
    const failure = describeFailure(error);
    await finishShard({ shardId, status: 'FAILED', ...failure });
    const outcome: ShardOutcome = { shardId, status: 'FAILED', stage, ...failure };
    await report(outcome);
    return outcome;
  }
}
