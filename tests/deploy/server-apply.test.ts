import { ApiextensionsV1Api, type KubeConfig } from '@kubernetes/client-node';
import { beforeAll, expect, it } from 'vitest';
import { findTool } from './lib/deploy-tools.ts';
import { objectId } from './lib/k8s-object.ts';
import {
  adminKubeConfig,
  createRestrictedNamespace,
  describeWithControlPlane,
  until,
} from './lib/kube-test-cluster.ts';
import { HELM_SET_VARIANTS, helmSetTarget, render, renderTargets } from './lib/render.ts';
import {
  applyServerSide,
  intoNamespace,
  kedaCrds,
  podTemplateRefusals,
  replicaSetsOf,
} from './lib/server-apply.ts';

const toolsBuilt = findTool('helm') !== null && findTool('kustomize') !== null;

/** KEDA's CRDs (from the KEDA Go module), so ScaledObject/TriggerAuthentication meet their real schemas. */
async function installKedaCrds(admin: KubeConfig): Promise<void> {
  const crds = kedaCrds();
  expect(await applyServerSide(admin, crds)).toEqual([]);
  const api = admin.makeApiClient(ApiextensionsV1Api);
  for (const crd of crds) {
    await until(`CRD ${crd.metadata.name} Established`, async () => {
      const { status } = await api.readCustomResourceDefinition({ name: crd.metadata.name });
      return status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') || undefined;
    });
  }
}

describeWithControlPlane('every rendered manifest on a real API server (restricted namespaces)', () => {
  let admin: KubeConfig;
  beforeAll(async () => {
    admin = adminKubeConfig();
    await installKedaCrds(admin);
  });

  const targets = [...renderTargets(), ...HELM_SET_VARIANTS.map(helmSetTarget)];
  it.runIf(toolsBuilt).each(targets.map((t) => [t.label, t] as const))(
    '%s: every object accepted by server-side apply, every pod template admitted, ReplicaSets created',
    async (_, target) => {
      const namespace = await createRestrictedNamespace(admin, 'apply');
      const objects = intoNamespace(render(target), namespace);
      // Dry run first: all refusals at once, none half-applied.
      expect(await applyServerSide(admin, objects, { dryRun: true })).toEqual([]);
      expect(await applyServerSide(admin, objects)).toEqual([]);
      expect(await podTemplateRefusals(admin, namespace, objects)).toEqual([]);
      const deployments = objects.filter((o) => o.kind === 'Deployment').map((o) => o.metadata.name);
      expect(deployments.length).toBeGreaterThanOrEqual(3);
      const replicaSets = await replicaSetsOf(admin, namespace, deployments);
      expect(replicaSets.map((rs) => rs?.metadata?.ownerReferences?.[0]?.name).sort()).toEqual(
        [...deployments].sort(),
      );
      expect(objects.map(objectId).length).toBeGreaterThan(10);
    },
  );
});
