import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  type AutoscalerLogger,
  type BacklogSnapshot,
  createGpuAutoscaler,
  createK8sApi,
  createTemporalBacklogSource,
  type GpuAutoscalerConfig,
  type TickOutcome,
} from '@kiago/orchestrator';
import { AppsV1Api, type KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { temporalTestAddress } from '../setup/temporal-address.ts';
import { findTool } from './lib/deploy-tools.ts';
import { reviewAllows, serviceAccountUser } from './lib/kube-access.ts';
import {
  adminKubeConfig,
  createRestrictedNamespace,
  describeWithControlPlane,
  serviceAccountKubeConfig,
  until,
} from './lib/kube-test-cluster.ts';
import { render } from './lib/render.ts';
import { applyServerSide, intoNamespace, MERGE_PATCH } from './lib/server-apply.ts';

const WORKER = 'kiago-gpu-worker';
const SA = 'kiago-orchestrator';
const TEMPORAL_NAMESPACE = 'default';
const WORKFLOWS = fileURLToPath(new URL('./fixtures/gpu-backlog-workflow.ts', import.meta.url));
// Its own queue: test files share the Temporal dev server, and nothing else may drain this backlog.
const gpuQueue = `kiago-gpu-e2e-${randomBytes(3).toString('hex')}`;
const workflowQueue = `${gpuQueue}-workflows`;

const config = (namespace: string): GpuAutoscalerConfig => ({
  namespace,
  deployment: WORKER,
  minReplicas: 1,
  maxReplicas: 4,
  shardsPerReplica: 2,
  scaleUpStabilisationMs: 0,
  scaleDownStabilisationMs: 3_000,
  intervalMs: 500,
});

function recordingLogger(): AutoscalerLogger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const push = (level: string) => (message: string) => void lines.push({ level, message });
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

/** The prod chart in a fresh restricted namespace, with the autoscaler's ServiceAccount client. */
async function installProd(admin: KubeConfig, prefix: string) {
  const namespace = await createRestrictedNamespace(admin, prefix);
  const objects = intoNamespace(
    render({
      label: 'prod',
      tool: 'helm',
      args: ['template', 'kiago', 'helm/kiago', '-f', 'helm/kiago/examples/prod.yaml'],
    }),
    namespace,
  );
  expect(await applyServerSide(admin, objects)).toEqual([]);
  return { namespace, asAutoscaler: await serviceAccountKubeConfig(admin, namespace, SA) };
}

describeWithControlPlane('the GPU autoscaler against the real API server and Temporal', () => {
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

  it.runIf(findTool('helm') !== null)(
    'survives a concurrent writer: real 409s, re-read, then its own count',
    async () => {
      const { namespace, asAutoscaler } = await installProd(admin, 'conflict');
      const adminApps = admin.makeApiClient(AppsV1Api);
      const autoscalerApps = asAutoscaler.makeApiClient(AppsV1Api);
      let interleaved = 0;
      // Another writer (a person with kubectl scale) changes the scale between the autoscaler's read and patch.
      const racingApps = new Proxy(autoscalerApps, {
        get(target, property, receiver) {
          if (property !== 'readNamespacedDeploymentScale') return Reflect.get(target, property, receiver);
          return async (params: { name: string; namespace: string }) => {
            const read = await target.readNamespacedDeploymentScale(params);
            if (interleaved < 2) {
              interleaved += 1;
              await adminApps.patchNamespacedDeploymentScale(
                { ...params, body: { spec: { replicas: 7 + interleaved } } },
                MERGE_PATCH,
              );
            }
            return read;
          };
        },
      });
      const logger = recordingLogger();
      const autoscaler = createGpuAutoscaler({
        k8s: { apps: racingApps },
        backlogSource: async () => ({ backlog: 6, runningShards: 0 }),
        config: config(namespace),
        logger,
      });
      // The deployment controller writes the Deployment's status while it creates the 8-9 Pods, so even
      // a fresh read can be stale by the time the patch lands: a tick may give up (conflict-unresolved)
      // and the next one retries. It must get there within a few ticks, never overwriting blindly.
      const outcomes: TickOutcome[] = [];
      const scaled = await until('the autoscaler scaled through the conflicts', async () => {
        const outcome = await autoscaler.tick();
        outcomes.push(outcome);
        return outcome.kind === 'scaled' ? outcome : undefined;
      });
      expect(scaled).toMatchObject({ toReplicas: 3, desiredReplicas: 3 });
      expect(outcomes.every((o) => o.kind === 'scaled' || o.kind === 'conflict-unresolved')).toBe(true);
      const conflicts = logger.lines.filter((l) => l.level === 'warn' && l.message.includes('re-reading'));
      expect(conflicts.length).toBeGreaterThanOrEqual(2);
      expect(conflicts[0]?.message).toContain('the object has been modified');
      expect(
        (await adminApps.readNamespacedDeploymentScale({ name: WORKER, namespace })).spec?.replicas,
      ).toBe(3);
    },
  );

  it.runIf(findTool('helm') !== null)('a Role without patch: the clear 403 line, then back-off', async () => {
    const { namespace, asAutoscaler } = await installProd(admin, 'nopatch');
    const rbac = admin.makeApiClient(RbacAuthorizationV1Api);
    await rbac.patchNamespacedRole(
      {
        name: 'kiago-gpu-autoscaler',
        namespace,
        body: {
          rules: [
            {
              apiGroups: ['apps'],
              resources: ['deployments/scale'],
              resourceNames: [WORKER],
              verbs: ['get'],
            },
          ],
        },
      },
      MERGE_PATCH,
    );
    // RBAC answers from an informer cache: wait until the server has seen the narrower Role.
    const patchScale = {
      verb: 'patch',
      group: 'apps',
      resource: 'deployments',
      subresource: 'scale',
      name: WORKER,
      namespace,
    } as const;
    await until('the Role without patch in effect', async () =>
      (await reviewAllows(admin, serviceAccountUser(namespace, SA), patchScale)) ? undefined : true,
    );
    const logger = recordingLogger();
    const autoscaler = createGpuAutoscaler({
      k8s: createK8sApi({ kubeConfig: asAutoscaler }),
      backlogSource: async () => ({ backlog: 6, runningShards: 0 }),
      config: config(namespace),
      logger,
    });
    const before = Date.now();
    const refused = await autoscaler.tick();
    expect(refused).toMatchObject({ kind: 'forbidden' });
    expect(refused.kind === 'forbidden' && refused.retryAtMs - before).toBeGreaterThanOrEqual(2 * 500);
    const line = logger.lines.find((l) => l.level === 'error')?.message ?? '';
    expect(line).toContain(`forbidden to patch deployments/scale "${WORKER}" in namespace "${namespace}"`);
    expect(line).toContain('needs a Role granting get and patch on deployments/scale');
    expect(line).toContain(`system:serviceaccount:${namespace}:${SA}`);
    expect(line).toContain('cannot patch resource "deployments/scale"');
    expect(await autoscaler.tick()).toMatchObject({ kind: 'backing-off' });
  });
});
