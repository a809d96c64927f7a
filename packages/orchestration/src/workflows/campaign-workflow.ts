import {
  CancellationScope,
  ContinueAsNew,
  condition,
  continueAsNew,
  executeChild,
  isCancellation,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { bookkeeping, gpuActivities, screeningActivities } from './activity-proxies.js';
import {
  countShardCancelled,
  countShardFinished,
  countShardStarted,
  progressOf,
} from './campaign-counters.js';
import { describeFailure } from './shard-failure.js';
import { ShardWorkflow } from './shard-workflow.js';
import {
  type CampaignState,
  type CampaignWorkflowInput,
  type CampaignWorkflowResult,
  pauseSignal,
  progressQuery,
  resumeSignal,
} from './workflow-types.js';

/** Children in flight, so that a cancelled run waits for them before it records its final state. */
type RunningShards = Set<Promise<void>>;

/**
 * One run of a campaign (DESIGN §3). Creates the run and its planned shards (model versions pinned),
 * has the pinned Ef model's reference energies prepared, then works the shards as child workflows,
 * at most `maxParallelShards` at a time, a page of `shardsPerExecution` per execution (continue-as-new
 * keeps the history small at 10,000 shards). Failed shards are re-attempted for `shardRetryRounds`
 * rounds; then dedupe, summary, the diff against the previous run, and the final status.
 */
export async function CampaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignWorkflowResult> {
  const { runId, taskQueues, settings } = input;
  const books = bookkeeping();
  const screening = screeningActivities(taskQueues, settings);
  const running: RunningShards = new Set();
  // Signals may arrive before the run exists; the flag is folded into the state once it does.
  let paused = input.state?.paused ?? false;
  let state = input.state;
  setHandler(progressQuery, () => {
    if (!state) throw new Error(`run ${runId} is still being created`);
    return progressOf(runId, { ...state, paused });
  });
  setHandler(pauseSignal, () => {
    paused = true;
  });
  setHandler(resumeSignal, () => {
    paused = false;
  });

  try {
    state ??= await openRun(input);
    const current = state;
    current.executions++;
    const control = { isPaused: () => paused };
    while (current.round < current.rounds) {
      // Inputs recorded before the setting existed have no delay (replay stays deterministic).
      if (current.round > 0 && current.afterIndex === -1 && settings.retryRoundDelayMs) {
        await sleep(settings.retryRoundDelayMs * 2 ** (current.round - 1));
      }
      const page = await books.listShardPage({
        runId,
        status: current.round === 0 && input.mode === 'new' ? 'PLANNED' : 'FAILED',
        ...(input.errorTypes && { errorTypes: input.errorTypes }),
        afterIndex: current.afterIndex,
        limit: settings.shardsPerExecution,
      });
      await runShards(input, current, page, running, control);
      if (page.length === settings.shardsPerExecution) {
        current.afterIndex = page.at(-1)?.index ?? current.afterIndex;
        await continueAsNew<typeof CampaignWorkflow>({ ...input, state: { ...current, paused } });
      }
      current.round++;
      current.afterIndex = -1;
      if (current.counts.failed === 0) break;
    }
    await screening.dedupeRun(runId);
    await screening.summariseRun(runId);
    if (input.previousRunId) await books.diffRun({ runId });
    const { status } = await books.finishRun({ runId, outcome: 'completed' });
    return {
      runId,
      status: status === 'COMPLETED' ? 'COMPLETED' : 'COMPLETED_WITH_FAILURES',
      progress: progressOf(runId, { ...current, paused }),
    };
  } catch (error) {
    if (error instanceof ContinueAsNew) throw error;
    const outcome = isCancellation(error) ? 'cancelled' : 'failed';
    const message = error instanceof Error ? error.message : String(error);
    await CancellationScope.nonCancellable(async () => {
      // Cancelled children stop their activities first; only then is the run's state final.
      await Promise.allSettled(running);
      await books.finishRun({ runId, outcome, error: message });
    });
    throw error;
  }
}

async function openRun(input: CampaignWorkflowInput): Promise<CampaignState> {
  const run = await bookkeeping().openRun({
    runId: input.runId,
    campaignId: input.campaignId,
    workflowId: workflowInfo().workflowId,
    trigger: input.trigger,
    mode: input.mode,
    ...(input.previousRunId && { previousRunId: input.previousRunId }),
  });
  // Every hull of the run compares model energies with model energies (DESIGN §7).
  const { referenceEnergies } = gpuActivities(input.taskQueues, input.settings);
  await referenceEnergies.prepareReferenceEnergies({ efModelVersionId: run.efModelVersionId });
  return {
    round: 0,
    afterIndex: -1,
    // Round 0 is the first pass; each retry round re-attempts the shards still failed.
    rounds: 1 + run.shardRetryRounds,
    maxParallelShards: run.maxParallelShards,
    counts: run.counts,
    candidates: run.candidates,
    bestTcKelvin: run.bestTcKelvin,
    paused: false,
    executions: 0,
  };
}

/** The sliding window: keeps up to maxParallelShards children running; pausing stops new starts. */
async function runShards(
  input: CampaignWorkflowInput,
  state: CampaignState,
  page: readonly { id: string; index: number }[],
  running: RunningShards,
  control: { isPaused: () => boolean },
): Promise<void> {
  const books = bookkeeping();
  const from = state.round === 0 && input.mode === 'new' ? 'planned' : 'failed';
  const hasSlot = () => running.size < state.maxParallelShards;
  for (const shard of page) {
    await condition(() => control.isPaused() || hasSlot());
    if (control.isPaused()) {
      await books.setRunPaused({ runId: input.runId, paused: true });
      await condition(() => !control.isPaused() && hasSlot());
      await books.setRunPaused({ runId: input.runId, paused: false });
    }
    countShardStarted(state, from);
    const child = executeChild(ShardWorkflow, {
      workflowId: `${workflowInfo().workflowId}/shard-${shard.index}`,
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
  }
  await Promise.all(running);
}
