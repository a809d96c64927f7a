import type { ScreeningWorkerActivities } from '@kiago/screening';
import type { GpuActivities, TaskQueues } from '@kiago/worker-runtime';
import { ActivityCancellationType, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { OrchestratorActivities } from '../activities/orchestrator-activities.js';
import type { OrchestrationSettings, StageSettings } from './workflow-settings.js';

// Wait for a cancelled activity to stop before the workflow moves on, so that when a run is marked
// cancelled no shard stage is still writing.
function stageOptions(taskQueue: string, stage: StageSettings) {
  return {
    taskQueue,
    startToCloseTimeout: stage.startToCloseMs,
    heartbeatTimeout: stage.heartbeatMs,
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
    retry: {
      initialInterval: stage.initialRetryMs,
      backoffCoefficient: 2,
      maximumInterval: stage.maximumRetryMs,
      maximumAttempts: stage.maximumAttempts,
      // Out of memory is retried by the workflow itself, with half the micro-batch.
      nonRetryableErrorTypes: ['RESOURCE_EXHAUSTED'],
    },
  };
}

export function gpuActivities(taskQueues: TaskQueues, settings: OrchestrationSettings) {
  return {
    optimise: proxyActivities<GpuActivities>(stageOptions(taskQueues.gpu, settings.optimise)),
    referenceEnergies: proxyActivities<GpuActivities>(
      stageOptions(taskQueues.gpu, settings.referenceEnergies),
    ),
  };
}

export function screeningActivities(taskQueues: TaskQueues, settings: OrchestrationSettings) {
  return proxyActivities<ScreeningWorkerActivities>(stageOptions(taskQueues.screening, settings.screening));
}

/**
 * Run and shard bookkeeping: short Postgres writes run as local activities in the workflow worker
 * (no task-queue round trip), retried until the database answers again.
 */
export function bookkeeping() {
  return proxyLocalActivities<OrchestratorActivities>({
    startToCloseTimeout: '5 minutes',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
  });
}
