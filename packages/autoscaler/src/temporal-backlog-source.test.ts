import { describe, expect, it } from 'vitest';
import {
  createTemporalBacklogSource,
  TASK_QUEUE_KIND_NORMAL,
  TASK_QUEUE_TYPE_ACTIVITY,
  type TaskQueueDescriber,
} from './temporal-backlog-source.js';

// What @temporalio/client's workflowService returns for int64 fields: a protobufjs Long.
const long = (n: number) => ({ low: n, high: 0, unsigned: false, toNumber: () => n });

function describer(stats: Awaited<ReturnType<TaskQueueDescriber['describeTaskQueue']>>['stats']) {
  const calls: Parameters<TaskQueueDescriber['describeTaskQueue']>[0][] = [];
  const service: TaskQueueDescriber = {
    describeTaskQueue: async (request) => {
      calls.push(request);
      return { stats };
    },
  };
  return { service, calls };
}

describe('createTemporalBacklogSource', () => {
  it('asks for the activity queue stats of kiago-gpu and adds the running shards', async () => {
    const { service, calls } = describer({ approximateBacklogCount: long(37) });
    const source = createTemporalBacklogSource({
      workflowService: service,
      namespace: 'kiago-prod',
      countRunningShards: async () => 5,
    });
    expect(await source()).toEqual({ backlog: 37, runningShards: 5 });
    expect(calls).toEqual([
      {
        namespace: 'kiago-prod',
        taskQueue: { name: 'kiago-gpu', kind: TASK_QUEUE_KIND_NORMAL },
        taskQueueType: TASK_QUEUE_TYPE_ACTIVITY,
        reportStats: true,
      },
    ]);
  });

  it('reads plain numbers and strings, and an absent stats block as an empty queue', async () => {
    const running = async () => 0;
    for (const [stats, backlog] of [
      [{ approximateBacklogCount: 4 }, 4],
      [{ approximateBacklogCount: '12' }, 12],
      [null, 0],
      [{}, 0],
    ] as const) {
      const { service } = describer(stats);
      const source = createTemporalBacklogSource({
        workflowService: service,
        namespace: 'n',
        countRunningShards: running,
      });
      expect((await source()).backlog).toBe(backlog);
    }
  });
});
