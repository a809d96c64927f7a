import { NotFoundError, SpecError } from '@kiago/shared';
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import type { OrchestrationContext } from '../temporal/orchestration-context.js';
import type { CampaignWorkflow } from '../workflows/campaign-workflow.js';
import { campaignWorkflowId } from '../workflows/workflow-ids.js';
import { DEFAULT_ORCHESTRATION_SETTINGS } from '../workflows/workflow-settings.js';
import {
  type CampaignProgress,
  pauseSignal,
  progressQuery,
  resumeSignal,
} from '../workflows/workflow-types.js';
import { type RunProgress, readRunProgress } from './run-progress.js';

const ACTIVE = new Set(['PLANNED', 'RUNNING', 'PAUSED']);

/** The workflow driving the run now (its latest execution, whatever continue-as-new did). */
async function runHandle(
  ctx: OrchestrationContext,
  runId: string,
): Promise<WorkflowHandle<typeof CampaignWorkflow>> {
  const run = await ctx.db.prisma.run.findUnique({ where: { id: runId }, select: { workflowId: true } });
  // A run launched a moment ago may not have its row yet: its workflow id is known anyway.
  return ctx.client.workflow.getHandle(run?.workflowId ?? campaignWorkflowId(runId));
}

export interface RunStatusReport {
  /** From Postgres: status, shard counts, candidates, the running shards' last heartbeats. */
  database: RunProgress;
  /** From the workflow's `progress` query while it runs (round, paused flag, executions). */
  workflow: CampaignProgress | null;
}

/** `kiago run status`: the database view plus, while the run is active, the workflow's own counters. */
export async function getRunStatus(ctx: OrchestrationContext, runId: string): Promise<RunStatusReport> {
  const database = await readRunProgress(ctx.db, runId);
  if (!ACTIVE.has(database.status)) return { database, workflow: null };
  try {
    return { database, workflow: await (await runHandle(ctx, runId)).query(progressQuery) };
  } catch {
    // Between executions (continue-as-new) or while the run row is being created.
    return { database, workflow: null };
  }
}

export async function pauseRun(ctx: OrchestrationContext, runId: string): Promise<void> {
  await (await runHandle(ctx, runId)).signal(pauseSignal);
}

export async function resumeRun(ctx: OrchestrationContext, runId: string): Promise<void> {
  await (await runHandle(ctx, runId)).signal(resumeSignal);
}

/**
 * Cancels the run: running shards' activities are cancelled, then the run is closed as CANCELLED
 * with every unfinished shard CANCELLED. With `wait`, returns once that state is written.
 */
export async function cancelRun(
  ctx: OrchestrationContext,
  runId: string,
  options: { wait?: boolean } = {},
): Promise<void> {
  const handle = await runHandle(ctx, runId);
  await handle.cancel();
  if (options.wait) await handle.result().catch(() => undefined);
}

/** Waits for the run's workflow to finish (any outcome) and returns the run as stored. */
export async function waitForRun(ctx: OrchestrationContext, runId: string): Promise<RunProgress> {
  const handle = await runHandle(ctx, runId);
  try {
    await handle.result();
  } catch (error) {
    if (!(error instanceof WorkflowFailedError)) throw error;
  }
  // The retry-failed workflow may have replaced the one we waited on; follow it.
  const progress = await readRunProgress(ctx.db, runId);
  if (ACTIVE.has(progress.status) && progress.workflowId !== handle.workflowId) return waitForRun(ctx, runId);
  return progress;
}

export interface RetryFailedOptions {
  /** Only shards whose last error has one of these types (e.g. TIMEOUT_HEARTBEAT, RESOURCE_EXHAUSTED). */
  errorTypes?: string[];
}

/**
 * `kiago run retry-failed <run>`: re-runs only the run's FAILED shards (optionally by error type) in
 * a new workflow execution that re-opens the finished run, then dedupes, summarises and closes it again.
 */
export async function retryFailedShards(
  ctx: OrchestrationContext,
  runId: string,
  options: RetryFailedOptions = {},
): Promise<{ workflowId: string; shards: number }> {
  const run = await ctx.db.prisma.run.findUnique({ where: { id: runId } });
  if (!run) throw new NotFoundError('run', runId);
  if (ACTIVE.has(run.status)) {
    throw new SpecError('retry-failed', [
      { path: 'run', message: `run ${runId} is ${run.status}; wait for it to finish` },
    ]);
  }
  const shards = await ctx.db.prisma.shard.count({
    where: { runId, status: 'FAILED', ...(options.errorTypes && { errorType: { in: options.errorTypes } }) },
  });
  if (shards === 0) {
    const filter = options.errorTypes ? ` with error type ${options.errorTypes.join(' or ')}` : '';
    throw new SpecError('retry-failed', [
      { path: 'run', message: `run ${runId} has no failed shards${filter}` },
    ]);
  }
  const workflowId = `${campaignWorkflowId(runId)}/retry-${Date.now().toString(36)}`;
  // Claim the run for the new workflow first: two retries at once cannot both re-open it, and
  // waitForRun / status follow the new workflow from this moment.
  const claimed = await ctx.db.prisma.run.updateMany({
    where: { id: runId, status: run.status, workflowId: run.workflowId },
    data: { status: 'RUNNING', workflowId, finishedAt: null },
  });
  if (claimed.count === 0) {
    throw new SpecError('retry-failed', [
      { path: 'run', message: `run ${runId} changed meanwhile; try again` },
    ]);
  }
  try {
    await startRetry(ctx, run, workflowId, options);
  } catch (error) {
    await ctx.db.prisma.run.update({
      where: { id: runId },
      data: { status: run.status, workflowId: run.workflowId, finishedAt: run.finishedAt },
    });
    throw error;
  }
  return { workflowId, shards };
}

async function startRetry(
  ctx: OrchestrationContext,
  run: { id: string; campaignId: string; previousRunId: string | null },
  workflowId: string,
  options: RetryFailedOptions,
): Promise<void> {
  const runId = run.id;
  await ctx.client.workflow.start<typeof CampaignWorkflow>('CampaignWorkflow', {
    workflowId,
    taskQueue: ctx.taskQueues.orchestrator,
    args: [
      {
        runId,
        campaignId: run.campaignId,
        trigger: 'retry',
        mode: 'retry-failed',
        ...(options.errorTypes && { errorTypes: options.errorTypes }),
        ...(run.previousRunId && { previousRunId: run.previousRunId }),
        taskQueues: ctx.taskQueues,
        settings: ctx.settings ?? DEFAULT_ORCHESTRATION_SETTINGS,
      },
    ],
  });
}
