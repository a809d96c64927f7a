import type { GpuActivities, PredictFormulasInput, TaskQueues } from '@kiago/worker-runtime';
import { proxyActivities } from '@temporalio/workflow';

export interface PredictWorkflowInput {
  request: PredictFormulasInput;
  taskQueues: TaskQueues;
}

/**
 * GET /predict for the orchestrator, which carries no TensorFlow: one predictFormulas activity on the
 * gpu workers' queue. Bad input (an unreadable formula, an unknown model) fails at once, typed.
 */
export async function PredictWorkflow({ request, taskQueues }: PredictWorkflowInput): Promise<object> {
  const { predictFormulas } = proxyActivities<GpuActivities>({
    taskQueue: taskQueues.gpu,
    scheduleToCloseTimeout: '2 minutes',
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', maximumAttempts: 3 },
  });
  return predictFormulas(request);
}
