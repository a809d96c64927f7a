import { createGpuAutoscaler, createK8sApi, type TickOutcome } from '@kiago/autoscaler';
import { AppsV1Api, type KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { beforeAll, expect, it } from 'vitest';
import {
  autoscalerConfig as config,
  installProd,
  recordingLogger,
  AUTOSCALER_SA as SA,
  WORKER,
} from './lib/autoscaler-fixture.ts';
import { findTool } from './lib/deploy-tools.ts';
import { reviewAllows, serviceAccountUser } from './lib/kube-access.ts';
import { adminKubeConfig, describeWithControlPlane, until } from './lib/kube-test-cluster.ts';
import { MERGE_PATCH } from './lib/server-apply.ts';

describeWithControlPlane('the GPU autoscaler meets real 409s and 403s', () => {
  let admin: KubeConfig;
  beforeAll(() => {
    admin = adminKubeConfig();
  });

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
