import { NotFoundError } from '@kiago/shared';
import {
  type Backfill,
  type ScheduleDescription,
  type ScheduleHandle,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
} from '@temporalio/client';
import type { OrchestrationContext } from '../temporal/orchestration-context.js';
import type { NightlyWorkflow } from '../workflows/nightly-workflow.js';
import { DEFAULT_ORCHESTRATION_SETTINGS } from '../workflows/workflow-settings.js';
import { type NightlyScheduleSpecInput, parseNightlyScheduleSpec } from './nightly-schedule-spec.js';

export const NIGHTLY_SCHEDULE_ID = 'kiago-nightly';

function scheduleHandle(ctx: OrchestrationContext): ScheduleHandle {
  return ctx.client.schedule.getHandle(ctx.nightlyScheduleId ?? NIGHTLY_SCHEDULE_ID);
}

function nightlyAction(ctx: OrchestrationContext, force: boolean) {
  return {
    type: 'startWorkflow' as const,
    workflowType: 'NightlyWorkflow',
    workflowId: 'kiago-nightly',
    taskQueue: ctx.taskQueues.orchestrator,
    args: [
      { force, taskQueues: ctx.taskQueues, settings: ctx.settings ?? DEFAULT_ORCHESTRATION_SETTINGS },
    ] as Parameters<typeof NightlyWorkflow>,
  };
}

async function described(handle: ScheduleHandle): Promise<ScheduleDescription> {
  try {
    return await handle.describe();
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) {
      throw new NotFoundError('schedule (create it: kiago schedule nightly --cron …)', handle.scheduleId);
    }
    throw error;
  }
}

export interface NightlyScheduleInfo {
  scheduleId: string;
  paused: boolean;
  note: string | undefined;
  timezone: string | undefined;
  nextRuns: Date[];
  recentRuns: { scheduledAt: Date; workflowId: string }[];
}

function info(description: ScheduleDescription): NightlyScheduleInfo {
  return {
    scheduleId: description.scheduleId,
    paused: description.state.paused,
    note: description.state.note,
    timezone: description.spec.timezone,
    nextRuns: description.info.nextActionTimes,
    recentRuns: description.info.recentActions.map((action) => ({
      scheduledAt: action.scheduledAt,
      workflowId: action.action.workflow.workflowId,
    })),
  };
}

/**
 * Creates the nightly Schedule, or updates its cron, time zone and force flag when it exists. Runs
 * never overlap (a night still running makes the next one skip) and missed nights within a day are caught up.
 */
export async function setNightlySchedule(
  ctx: OrchestrationContext,
  input: NightlyScheduleSpecInput,
): Promise<NightlyScheduleInfo & { created: boolean }> {
  const spec = parseNightlyScheduleSpec(input);
  const scheduleSpec = { cronExpressions: [spec.cron], timezone: spec.timezone };
  const handle = scheduleHandle(ctx);
  const exists = await handle.describe().then(
    () => true,
    (error: unknown) => {
      if (error instanceof ScheduleNotFoundError) return false;
      throw error;
    },
  );
  if (exists) {
    await handle.update((previous) => ({
      ...previous,
      spec: scheduleSpec,
      action: nightlyAction(ctx, spec.force),
      state: { ...previous.state, ...(spec.note !== undefined && { note: spec.note }) },
    }));
  } else {
    await ctx.client.schedule.create({
      scheduleId: handle.scheduleId,
      spec: scheduleSpec,
      action: nightlyAction(ctx, spec.force),
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      state: { note: spec.note ?? `kiago nightly re-runs (${spec.cron} ${spec.timezone})` },
    });
  }
  return { ...info(await described(handle)), created: !exists };
}

export async function describeNightlySchedule(ctx: OrchestrationContext): Promise<NightlyScheduleInfo> {
  return info(await described(scheduleHandle(ctx)));
}

export async function pauseNightlySchedule(ctx: OrchestrationContext, note?: string): Promise<void> {
  const handle = scheduleHandle(ctx);
  await described(handle);
  await handle.pause(note ?? 'paused with kiago schedule nightly pause');
}

export async function unpauseNightlySchedule(ctx: OrchestrationContext, note?: string): Promise<void> {
  const handle = scheduleHandle(ctx);
  await described(handle);
  await handle.unpause(note ?? 'resumed with kiago schedule nightly resume');
}

/** Starts the nightly workflow now (through the Schedule, so it shows in its recent runs). */
export async function triggerNightlySchedule(ctx: OrchestrationContext): Promise<void> {
  const handle = scheduleHandle(ctx);
  await described(handle);
  await handle.trigger(ScheduleOverlapPolicy.ALLOW_ALL);
}

/** Runs the nights between `start` and `end` that the Schedule would have run (e.g. after an outage). */
export async function backfillNightlySchedule(
  ctx: OrchestrationContext,
  range: Omit<Backfill, 'overlap'>,
): Promise<void> {
  const handle = scheduleHandle(ctx);
  await described(handle);
  // Each backfilled night is one NightlyWorkflow; they run one after another.
  await handle.backfill({ ...range, overlap: ScheduleOverlapPolicy.BUFFER_ALL });
}

export async function deleteNightlySchedule(ctx: OrchestrationContext): Promise<void> {
  const handle = scheduleHandle(ctx);
  await described(handle);
  await handle.delete();
}

/** Starts one NightlyWorkflow outside the Schedule (e.g. `--force` to re-run unchanged campaigns). */
export async function runNightlyNow(
  ctx: OrchestrationContext,
  options: { force?: boolean } = {},
): Promise<string> {
  const workflowId = `kiago-nightly-manual-${Date.now().toString(36)}`;
  await ctx.client.workflow.start<typeof NightlyWorkflow>('NightlyWorkflow', {
    workflowId,
    taskQueue: ctx.taskQueues.orchestrator,
    args: nightlyAction(ctx, options.force ?? false).args,
  });
  return workflowId;
}
