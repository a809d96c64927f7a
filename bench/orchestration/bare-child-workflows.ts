// Workflows of bare-child-latency.ts: a ShardWorkflow's shape (a child, two activities on two task
// queues) with no KIAGO code in it.
import { executeChild, proxyActivities } from '@temporalio/workflow';

export interface BareActivities {
  work(): Promise<void>;
}

export interface BareQueues {
  first: string;
  second: string;
}

export async function bareChild(queues: BareQueues): Promise<void> {
  const first = proxyActivities<BareActivities>({ taskQueue: queues.first, startToCloseTimeout: '1 minute' });
  const second = proxyActivities<BareActivities>({
    taskQueue: queues.second,
    startToCloseTimeout: '1 minute',
  });
  await first.work();
  await second.work();
}

export async function bareParent(input: {
  children: number;
  prefix: string;
  queues: BareQueues;
}): Promise<void> {
  for (let i = 0; i < input.children; i++) {
    await executeChild(bareChild, { workflowId: `${input.prefix}/child-${i}`, args: [input.queues] });
  }
}
