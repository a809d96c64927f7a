import { CancellationScope, isCancellation } from '@temporalio/workflow';
import { bookkeeping, gpuActivities, screeningActivities } from './activity-proxies.js';
import { describeFailure, halvedMicroBatch } from './shard-failure.js';
import type { ShardOutcome, ShardWorkflowInput } from './workflow-types.js';

/**
 * One shard: optimise → screen → hull, each a retried activity on its own task queue. An
 * out-of-memory optimise is retried with half the micro-batch. When a stage exhausts its attempts
 * the shard is parked as FAILED with its error and the outcome says so (the campaign goes on).
 */
export async function ShardWorkflow(input: ShardWorkflowInput): Promise<ShardOutcome> {
  const { shardId } = input;
  const { optimise } = gpuActivities(input.taskQueues, input.settings);
  const screening = screeningActivities(input.taskQueues, input.settings);
  const { finishShard } = bookkeeping();
  let stage = 'optimise';
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
    stage = 'screen';
    const screened = await screening.screenShard(shardId);
    stage = 'hull';
    await screening.hullShard(shardId);
    await finishShard({ shardId, status: 'SUCCEEDED' });
    return {
      shardId,
      status: 'SUCCEEDED',
      candidates: optimised.candidates,
      bestTcKelvin: optimised.bestTcKelvin,
      passed: screened.passed,
    };
  } catch (error) {
    if (isCancellation(error)) {
      await CancellationScope.nonCancellable(() => finishShard({ shardId, status: 'CANCELLED' }));
      throw error;
    }
    const failure = describeFailure(error);
    await finishShard({ shardId, status: 'FAILED', ...failure });
    return { shardId, status: 'FAILED', stage, ...failure };
  }
}
