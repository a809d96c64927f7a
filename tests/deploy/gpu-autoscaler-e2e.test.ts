import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  type BacklogSnapshot,
  createGpuAutoscaler,
  createK8sApi,
  createTemporalBacklogSource,
  type TickOutcome,
} from '@kiago/autoscaler';
import { AppsV1Api, type KubeConfig } from '@kubernetes/client-node';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { temporalTestAddress } from '../setup/temporal-address.ts';
import {
  autoscalerConfig as config,
  installProd,
  recordingLogger,
  WORKER,
} from './lib/autoscaler-fixture.ts';
import { findTool } from './lib/deploy-tools.ts';
import { adminKubeConfig, describeWithControlPlane, until } from './lib/kube-test-cluster.ts';

const TEMPORAL_NAMESPACE = 'default';
const WORKFLOWS = fileURLToPath(new URL('./fixtures/gpu-backlog-workflow.ts', import.meta.url));
// Its own queue: test files share the Temporal dev server, and nothing else may drain this backlog.
const gpuQueue = `kiago-gpu-e2e-${randomBytes(3).toString('hex')}`;
const workflowQueue = `${gpuQueue}-workflows`;

describeWithControlPlane('the GPU autoscaler follows a Temporal backlog on the real API server', () => {
  let admin: KubeConfig;
  let client: Client;
  let workflowWorker: Worker;
  let workerRun: Promise<void>;
  let nativeConnection: NativeConnection;
  const backlogs: { atMs: number; snapshot: BacklogSnapshot }[] = [];

  beforeAll(async () => {
    admin = adminKubeConfig();
    const address = await temporalTestAddress();
    client = new Client({ connection: await Connection.connect({ address }), namespace: TEMPORAL_NAMESPACE });
    nativeConnection = await NativeConnection.connect({ address });
    workflowWorker = await Worker.create({
      connection: nativeConnection,
      namespace: TEMPORAL_NAMESPACE,
      taskQueue: workflowQueue,
      workflowsPath: WORKFLOWS,
    });
    workerRun = workflowWorker.run();
  }, 180_000);
  afterAll(async () => {
    workflowWorker?.shutdown();
    await workerRun;
    await nativeConnection?.close();
    await client?.connection.close();
  });

  const backlogSource = () => {
    const source = createTemporalBacklogSource({
      workflowService: client.workflowService,
      namespace: TEMPORAL_NAMESPACE,
      taskQueue: gpuQueue,
      countRunningShards: async () => 0,
    });
    return async () => {
      const snapshot = await source();
      backlogs.push({ atMs: Date.now(), snapshot });
      return snapshot;
    };
  };

  it.runIf(findTool('helm') !== null)(
    'follows a growing and shrinking kiago-gpu backlog within bounds and windows, as its ServiceAccount',
    async () => {
      const { namespace, asAutoscaler } = await installProd(admin, 'autoscale');
      const apps = admin.makeApiClient(AppsV1Api);
      const replicas = async () =>
        (await apps.readNamespacedDeploymentScale({ name: WORKER, namespace })).spec?.replicas ?? -1;
      const autoscaler = createGpuAutoscaler({
        k8s: createK8sApi({ kubeConfig: asAutoscaler }),
        backlogSource: backlogSource(),
        config: config(namespace),
        logger: recordingLogger(),
      });
      const outcomes: TickOutcome[] = [];
      const tickUntil = (what: string, done: (replicas: number) => boolean) =>
        until(
          what,
          async () => {
            outcomes.push(await autoscaler.tick());
            const now = await replicas();
            return done(now) ? now : undefined;
          },
          60_000,
        );

      // An empty queue: the Deployment (1 replica by default) stays at min = 1.
      expect(await autoscaler.tick()).toEqual({ kind: 'steady', replicas: 1, desiredReplicas: 1 });
      await client.workflow.start('gpuBacklog', {
        taskQueue: workflowQueue,
        workflowId: `${gpuQueue}-grow`,
        args: [11, gpuQueue],
      });
      // 11 waiting shards at 2 per replica want 6; max is 4.
      expect(await tickUntil('scale-up to max', (n) => n === 4)).toBe(4);

      const drain = await Worker.create({
        connection: nativeConnection,
        namespace: TEMPORAL_NAMESPACE,
        taskQueue: gpuQueue,
        activities: { runShard: async () => undefined },
      });
      const drained = drain.run();
      await client.workflow.getHandle(`${gpuQueue}-grow`).result();
      drain.shutdown();
      await drained;
      await tickUntil('scale-down to min', (n) => n === 1);

      const scaled = outcomes.flatMap((o) => (o.kind === 'scaled' ? [o.toReplicas] : []));
      expect(Math.max(...scaled)).toBe(4);
      expect(Math.min(...scaled)).toBe(1);
      // The scale-down window held: the empty queue first left replicas at 4 ...
      expect(outcomes).toContainEqual({ kind: 'steady', replicas: 4, desiredReplicas: 1 });
      // ... until 3 s after the last non-empty reading (stamped just before the autoscaler's own clock).
      const lastBusy = backlogs.findLast((b) => b.snapshot.backlog > 0);
      expect((backlogs.at(-1)?.atMs ?? 0) - (lastBusy?.atMs ?? 0)).toBeGreaterThan(2_900);
    },
  );
});
