import { CoreV1Api, type KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { beforeAll, expect, it } from 'vitest';
import { findTool } from './lib/deploy-tools.ts';
import {
  adminKubeConfig,
  createRestrictedNamespace,
  describeWithControlPlane,
  until,
} from './lib/kube-test-cluster.ts';
import { render } from './lib/render.ts';
import { applyServerSide, intoNamespace, MERGE_PATCH } from './lib/server-apply.ts';

const GPU_NODE = 'kiago-test-gpu-node';

/** A Node object as a GPU pool node with the NVIDIA device plugin would register it (no kubelet behind it). */
async function registerGpuNode(core: CoreV1Api): Promise<void> {
  await core.createNode({
    body: {
      metadata: {
        name: GPU_NODE,
        labels: { 'kiago.dev/node-pool': 'gpu', 'kubernetes.io/hostname': GPU_NODE },
      },
      spec: { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] },
    },
  });
  // Admission taints every new Node not-ready until a node lifecycle controller sees its kubelet; with
  // no kubelet here, the test reports the Node Ready and leaves only the GPU pool's own taint.
  await core.patchNode(
    {
      name: GPU_NODE,
      body: { spec: { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] } },
    },
    MERGE_PATCH,
  );
  // Other files' prod renders may land here too: room for all of them.
  const resources = { cpu: '256', memory: '1Ti', pods: '1000', 'nvidia.com/gpu': '256' };
  const ready = { type: 'Ready', status: 'True', reason: 'KubeletReady', lastHeartbeatTime: new Date() };
  await core.patchNodeStatus(
    {
      name: GPU_NODE,
      body: { status: { capacity: resources, allocatable: resources, conditions: [ready] } },
    },
    MERGE_PATCH,
  );
}

/** The models claim bound to a volume, as the operator provides it (the scheduler waits for bound claims). */
async function provideModelsVolume(core: CoreV1Api, namespace: string, createClaim: boolean) {
  if (createClaim) {
    await core.createNamespacedPersistentVolumeClaim({
      namespace,
      body: {
        metadata: { name: 'kiago-models' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } },
      },
    });
  }
  await core.createPersistentVolume({
    body: {
      metadata: { name: `models-${namespace}` },
      spec: {
        capacity: { storage: '5Gi' },
        accessModes: ['ReadWriteOnce'],
        storageClassName: '',
        hostPath: { path: '/srv/kiago-models' },
        claimRef: { namespace, name: 'kiago-models' },
      },
    },
  });
}

const component = (pod: V1Pod) => pod.metadata?.labels?.['app.kubernetes.io/component'];
const scheduled = (pod: V1Pod) => pod.status?.conditions?.find((c) => c.type === 'PodScheduled');

describeWithControlPlane(
  'GPU scheduling on a Node advertising nvidia.com/gpu (kube-scheduler, no kubelet)',
  () => {
    let admin: KubeConfig;
    let core: CoreV1Api;
    beforeAll(async () => {
      admin = adminKubeConfig();
      core = admin.makeApiClient(CoreV1Api);
      await registerGpuNode(core);
    });

    async function podsOf(overlay: 'prod' | 'dev', settled: (pods: V1Pod[]) => boolean) {
      const namespace = await createRestrictedNamespace(admin, `sched-${overlay}`);
      await provideModelsVolume(core, namespace, overlay === 'prod');
      const objects = render({
        label: overlay,
        tool: 'kustomize',
        args: ['build', `k8s/overlays/${overlay}`],
      });
      expect(await applyServerSide(admin, intoNamespace(objects, namespace))).toEqual([]);
      // The scheduler retries a Pod it refused (e.g. before its claim was bound): wait for the settled state.
      let last: V1Pod[] = [];
      try {
        return await until(`the scheduler's decisions in ${namespace}`, async () => {
          last = (await core.listNamespacedPod({ namespace })).items;
          const decided = last.length >= 3 && last.every((pod) => scheduled(pod) !== undefined);
          return decided && settled(last) ? last : undefined;
        });
      } catch (error) {
        const states = last.map((p) => `${p.metadata?.name}: ${p.spec?.nodeName ?? scheduled(p)?.message}`);
        throw new Error(`${String(error)}\n${states.join('\n')}`);
      }
    }
    const boundWorkers = (pods: V1Pod[]) =>
      pods.filter((pod) => component(pod) === 'gpu-worker').every((pod) => pod.spec?.nodeName === GPU_NODE);

    it.runIf(findTool('kustomize') !== null)(
      'prod: gpu-worker Pods are bound to the GPU node, nothing else is',
      async () => {
        const pods = await podsOf('prod', boundWorkers);
        const workers = pods.filter((pod) => component(pod) === 'gpu-worker');
        expect(workers.length).toBeGreaterThan(0);
        expect(workers.map((pod) => pod.spec?.nodeName)).toEqual(workers.map(() => GPU_NODE));
        for (const pod of pods.filter((p) => component(p) !== 'gpu-worker')) {
          expect({
            pod: pod.metadata?.name,
            node: pod.spec?.nodeName,
            reason: scheduled(pod)?.reason,
          }).toEqual({
            pod: pod.metadata?.name,
            node: undefined,
            reason: 'Unschedulable',
          });
        }
      },
    );

    it.runIf(findTool('kustomize') !== null)(
      'dev: no Pod is ever bound to the GPU node (its taint is not tolerated)',
      async () => {
        const pods = await podsOf('dev', () => true);
        expect(pods.some((pod) => component(pod) === 'gpu-worker')).toBe(true);
        for (const pod of pods) {
          expect(pod.spec?.nodeName).toBeUndefined();
          expect(scheduled(pod)?.reason).toBe('Unschedulable');
          expect(scheduled(pod)?.message).toContain('1 node(s) had untolerated taint');
        }
      },
    );
  },
);
