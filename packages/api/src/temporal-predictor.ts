import { randomUUID } from 'node:crypto';
import type { OrchestrationContext, PredictWorkflow } from '@kiago/orchestration';
import { ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import type { Predictor } from './api-types.js';
import { HttpError } from './http-error.js';

const STATUS_BY_FAILURE_TYPE: Readonly<Record<string, number>> = {
  FORMULA_INVALID: 400,
  SPEC_INVALID: 400,
  NOT_FOUND: 404,
};

/**
 * GET /predict in the orchestrator, which carries no TensorFlow: a PredictWorkflow runs the gpu
 * workers' predictFormulas activity and its answer comes back as it is. A typed failure there (a bad
 * formula, an unknown model version) is answered with the same status and code as in-process.
 */
export function temporalPredictor(ctx: Pick<OrchestrationContext, 'client' | 'taskQueues'>): Predictor {
  return async (_db, request) => {
    try {
      return await ctx.client.workflow.execute<typeof PredictWorkflow>('PredictWorkflow', {
        taskQueue: ctx.taskQueues.orchestrator,
        workflowId: `kiago-predict-${randomUUID()}`,
        args: [{ request, taskQueues: ctx.taskQueues }],
        workflowExecutionTimeout: '3 minutes',
      });
    } catch (error) {
      throw asHttpError(error);
    }
  };
}

function asHttpError(error: unknown): unknown {
  if (!(error instanceof WorkflowFailedError)) return error;
  let cause: unknown = error.cause;
  while (cause instanceof Error && !(cause instanceof ApplicationFailure)) cause = cause.cause;
  if (cause instanceof ApplicationFailure && cause.type) {
    return new HttpError(STATUS_BY_FAILURE_TYPE[cause.type] ?? 503, cause.type, cause.message);
  }
  return new HttpError(503, 'PREDICT_UNAVAILABLE', `the gpu workers did not answer: ${error.message}`);
}
