/**
 * The floor under scale-run.ts's "shard latency": a child workflow of a ShardWorkflow's shape (its
 * first workflow task schedules an activity on one task queue, the next one on another, then it
 * completes) with activities that only sleep, no database and no KIAGO code. Prints the child's wall
 * time minus its activities' run time (server-side, started → completed) and where it goes, as
 * medians over the children, on the same Temporal server the scale run uses.
 *   node bench/orchestration/bare-child-latency.ts [--children 60] [--activity-ms 100]
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureTemporalAddress } from '@kiago/cli';
import { parseOrThrow } from '@kiago/shared';
import { installTemporalRuntime } from '@kiago/worker-runtime';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { z } from 'zod';
import { percentile } from './scale-figures.ts';

const options = parseOrThrow(
  z.object({
    children: z.coerce.number({ error: '--children must be a number' }).int().min(1).default(60),
    'activity-ms': z.coerce.number({ error: '--activity-ms must be a number' }).int().min(0).default(100),
  }),
  parseArgs({ options: { children: { type: 'string' }, 'activity-ms': { type: 'string' } } }).values,
  'bare-child-latency options',
);

installTemporalRuntime('warn');
const address = await ensureTemporalAddress();
const id = `bare-${randomUUID().slice(0, 8)}`;
const queues = { workflows: `${id}-wf`, first: `${id}-first`, second: `${id}-second` };
const sleep = () => new Promise<void>((resolve) => setTimeout(resolve, options['activity-ms']));
// As in the scale run, each activity worker has its own connection (there: its own process).
const workers = [
  await Worker.create({
    connection: await NativeConnection.connect({ address }),
    taskQueue: queues.workflows,
    workflowsPath: fileURLToPath(new URL('./bare-child-workflows.ts', import.meta.url)),
  }),
  ...(await Promise.all(
    [queues.first, queues.second].map(async (taskQueue) =>
      Worker.create({
        connection: await NativeConnection.connect({ address }),
        taskQueue,
        activities: { work: sleep },
      }),
    ),
  )),
];
const running = Promise.all(workers.map((worker) => worker.run()));
const connection = await Connection.connect({ address });
const client = new Client({ connection });
await client.workflow.execute('bareParent', {
  taskQueue: queues.workflows,
  workflowId: id,
  args: [{ children: options.children, prefix: id, queues: { first: queues.first, second: queues.second } }],
});

type Event = { ms: number; kind: string };
const segments = new Map<string, number[]>();
const add = (name: string, ms: number) => segments.set(name, [...(segments.get(name) ?? []), ms]);
for await (const execution of client.workflow.list({ query: `WorkflowId STARTS_WITH '${id}/child-'` })) {
  const history = await client.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();
  const events: Event[] = (history.events ?? []).map((event) => ({
    ms: Number(event.eventTime?.seconds ?? 0) * 1000 + (event.eventTime?.nanos ?? 0) / 1e6,
    kind: Object.keys(event).find((key) => key.endsWith('EventAttributes')) ?? '',
  }));
  let activityMs = 0;
  let task = 0;
  let activity = 0;
  events.forEach((event, i) => {
    const since = event.ms - (events[i - 1]?.ms ?? event.ms);
    if (event.kind === 'workflowTaskStartedEventAttributes')
      add(`workflow task ${++task}: scheduled → picked up`, since);
    if (event.kind === 'workflowTaskCompletedEventAttributes')
      add(`workflow task ${task}: run by the worker`, since);
    if (event.kind === 'activityTaskStartedEventAttributes')
      add(`activity ${++activity}: scheduled → picked up`, since);
    if (event.kind === 'activityTaskCompletedEventAttributes') activityMs += since;
  });
  add('child wall − activities', (events.at(-1)?.ms ?? 0) - (events[0]?.ms ?? 0) - activityMs);
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
console.log(
  `bare child latency: ${options.children} children, activities of ${options['activity-ms']} ms, server ${address}`,
);
for (const [name, values] of [...segments].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`${name.padEnd(42)} median ${median(values).toFixed(1)} ms`);
}
for (const worker of workers) worker.shutdown();
await running;
await connection.close();
