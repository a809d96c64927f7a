import type { BacklogSnapshot, BacklogSource } from './autoscaler-types.js';

// Values of temporal.api.enums.v1.TaskQueueKind / TaskQueueType (stable wire numbers).
export const TASK_QUEUE_KIND_NORMAL = 1;
export const TASK_QUEUE_TYPE_ACTIVITY = 2;

/** int64 fields arrive as protobufjs `Long` objects (or numbers/strings, depending on the codec). */
type Int64Like = number | string | { toNumber(): number };

/**
 * The slice of `client.workflowService` (@temporalio/client) the backlog source calls, typed
 * structurally so this package needs no Temporal dependency.
 */
export interface TaskQueueDescriber {
  describeTaskQueue(request: {
    namespace: string;
    taskQueue: { name: string; kind: number };
    taskQueueType: number;
    reportStats: boolean;
  }): Promise<{ stats?: { approximateBacklogCount?: Int64Like | null } | null }>;
}

export interface TemporalBacklogSourceOptions {
  workflowService: TaskQueueDescriber;
  namespace: string;
  /** Defaults to the gpu-worker's queue. */
  taskQueue?: string;
  /** Shards in flight on gpu-workers (e.g. Shard rows with status running); Temporal's stats count only waiting tasks. */
  countRunningShards: () => Promise<number>;
}

/** Backlog of the `kiago-gpu` activity task queue from DescribeTaskQueue with `reportStats`. */
export function createTemporalBacklogSource(options: TemporalBacklogSourceOptions): BacklogSource {
  const taskQueue = options.taskQueue ?? 'kiago-gpu';
  return async (): Promise<BacklogSnapshot> => {
    const [response, runningShards] = await Promise.all([
      options.workflowService.describeTaskQueue({
        namespace: options.namespace,
        taskQueue: { name: taskQueue, kind: TASK_QUEUE_KIND_NORMAL },
        taskQueueType: TASK_QUEUE_TYPE_ACTIVITY,
        reportStats: true,
      }),
      options.countRunningShards(),
    ]);
    return { backlog: int64ToNumber(response.stats?.approximateBacklogCount), runningShards };
  };
}

function int64ToNumber(value: Int64Like | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Number.parseInt(value, 10);
  return value.toNumber();
}
