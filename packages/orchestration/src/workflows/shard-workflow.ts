import type { ShardStage } from '@kiago/worker-runtime';
import {
  CancellationScope,
  getExternalWorkflowHandle,
  isCancellation,
  patched,
  workflowInfo,
} from '@temporalio/workflow';
import type { FinishShardInput } from '../activities/shard-bookkeeping.js';
import { bookkeeping, gpuActivities, screeningActivities } from './activity-proxies.js';
import { describeFailure, halvedMicroBatch } from './shard-failure.js';
import { screenAndHull } from './shard-screening.js';
import {
  CARRY_SHARD_WINDOW_PATCH,
  FINISH_AND_REPORT_PATCH,
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
  const { finishShard, reportToCampaign, finishAndReportShard } = bookkeeping();
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
  // The shard's row, then its report to the campaign.
  const end = async (finish: FinishShardInput, shard: ShardReport) => {
    if (patched(FINISH_AND_REPORT_PATCH)) {
      const campaign = workflowInfo().parent;
      const tellsCampaign = reportsToCampaign && campaign !== undefined;
      await finishAndReportShard({
        finish,
        ...(tellsCampaign && { report: { campaignWorkflowId: campaign.workflowId, report: shard } }),
      });
      return;
    }
    await finishShard(finish);
    await report(shard);
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
    const outcome: ShardOutcome = {
      shardId,
      status: 'SUCCEEDED',
      candidates: optimised.candidates,
      bestTcKelvin: optimised.bestTcKelvin,
      passed,
    };
    await end({ shardId, status: 'SUCCEEDED' }, outcome);
    return outcome;
  } catch (error) {
    if (isCancellation(error)) {
      await CancellationScope.nonCancellable(async () => {
        // Its rows (if any) stay unscreened; queries leave out a cancelled shard's candidates.
        const message = `cancelled with its run during the ${stage} stage`;
        await end(
          { shardId, status: 'CANCELLED', errorType: 'CANCELLED', message },
          { shardId, status: 'CANCELLED' },
        );
      });
      throw error;
    }
    const failure = describeFailure(error);
    const outcome: ShardOutcome = { shardId, status: 'FAILED', stage, ...failure };
    await end({ shardId, status: 'FAILED', ...failure }, outcome);
    return outcome;
  }
}
