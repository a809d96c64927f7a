import {
  CancellationScope,
  ContinueAsNew,
  continueAsNew,
  isCancellation,
  patched,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { bookkeeping, gpuActivities, screeningActivities } from './activity-proxies.js';
import { progressOf } from './campaign-counters.js';
import { carriedShardWindow } from './carried-shard-window.js';
import { drainingShardWindow } from './draining-shard-window.js';
import type { ShardWindow } from './shard-window.js';
import {
  CARRY_SHARD_WINDOW_PATCH,
  type CampaignState,
  type CampaignWorkflowInput,
  type CampaignWorkflowResult,
  pauseSignal,
  progressQuery,
  resumeSignal,
} from './workflow-types.js';

/**
 * One run of a campaign (DESIGN §3). Creates the run and its planned shards (model versions pinned),
 * has the pinned Ef model's reference energies prepared, then works the shards as child workflows,
 * at most `maxParallelShards` at a time, a page of `shardsPerExecution` per execution (continue-as-new
 * keeps the history small at 10,000 shards; the running children are carried over). Failed shards are
 * re-attempted for `shardRetryRounds` rounds; then dedupe, summary, the diff against the previous
 * run, and the final status.
 */
export async function CampaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignWorkflowResult> {
  // Runs recorded before the window was carried across continue-as-new replay the draining window.
  const carriesWindow = patched(CARRY_SHARD_WINDOW_PATCH);
  const { runId, settings } = input;
  const books = bookkeeping();
  const screening = screeningActivities(input.taskQueues, settings);
  // Signals may arrive before the run exists; the flag is folded into the state once it does.
  let paused = input.state?.paused ?? false;
  let state = input.state;
  let window: ShardWindow | undefined;
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
    window = (carriesWindow ? carriedShardWindow : drainingShardWindow)(input, current, control);
    while (current.round < current.rounds) {
      // Inputs recorded before the setting existed have no delay (replay stays deterministic).
      if (current.round > 0 && current.afterIndex === -1 && settings.retryRoundDelayMs) {
        await sleep(settings.retryRoundDelayMs * 2 ** (current.round - 1));
      }
      const from = current.round === 0 && input.mode === 'new' ? 'planned' : 'failed';
      const page = await books.listShardPage({
        runId,
        status: from === 'planned' ? 'PLANNED' : 'FAILED',
        ...(input.errorTypes && { errorTypes: input.errorTypes }),
        afterIndex: current.afterIndex,
        limit: settings.shardsPerExecution,
      });
      for (const shard of page) await window.launch(shard, from);
      if (page.length === settings.shardsPerExecution) {
        const inFlight = await window.endPage();
        current.afterIndex = page.at(-1)?.index ?? current.afterIndex;
        await continueAsNew<typeof CampaignWorkflow>({
          ...input,
          state: { ...current, paused, ...(inFlight && { inFlight }) },
        });
      }
      await window.drain();
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
      await window?.stop();
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
