/** The three task queues (DESIGN §2); tests and scale runs pass suffixed names to stay apart. */
export interface TaskQueues {
  orchestrator: string;
  gpu: string;
  screening: string;
}

export const DEFAULT_TASK_QUEUES: TaskQueues = {
  orchestrator: 'kiago-orchestrator',
  gpu: 'kiago-gpu',
  screening: 'kiago-screening',
};

/** `kiago-gpu-<suffix>` etc.: an isolated set of queues on a shared Temporal namespace. */
export function suffixedTaskQueues(suffix: string): TaskQueues {
  return {
    orchestrator: `${DEFAULT_TASK_QUEUES.orchestrator}-${suffix}`,
    gpu: `${DEFAULT_TASK_QUEUES.gpu}-${suffix}`,
    screening: `${DEFAULT_TASK_QUEUES.screening}-${suffix}`,
  };
}
