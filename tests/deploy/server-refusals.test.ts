import type { KubeConfig } from '@kubernetes/client-node';
import { beforeAll, expect, it } from 'vitest';
import { renderedBase } from './lib/base-fixture.ts';
import type { K8sObject } from './lib/k8s-object.ts';
import {
  adminKubeConfig,
  createRestrictedNamespace,
  describeWithControlPlane,
} from './lib/kube-test-cluster.ts';
import { applyServerSide, intoNamespace, podTemplateRefusals } from './lib/server-apply.ts';
import { byComponent, type Container, type Workload } from './lib/workloads.ts';

type Breakage = (workload: Workload, container: Container) => void;

/**
 * The hardening the invariant checkers no longer check (security-invariants.ts) is the server's job:
 * each deliberately broken manifest must be refused by Pod Security admission or by the schema.
 */
describeWithControlPlane('the API server refuses deliberately broken manifests', () => {
  let admin: KubeConfig;
  let namespace: string;
  beforeAll(async () => {
    admin = adminKubeConfig();
    namespace = await createRestrictedNamespace(admin, 'broken');
    // The ServiceAccounts the pod templates name must exist, or ServiceAccount admission answers first.
    expect(await applyServerSide(admin, intoNamespace(renderedBase(), namespace))).toEqual([]);
  });

  function broken(component: string, change: Breakage): K8sObject[] {
    const objects = intoNamespace(renderedBase(), namespace);
    const workload = byComponent(objects, component);
    if (!workload?.containers[0]) throw new Error(`no ${component}`);
    change(workload, workload.containers[0]);
    return [workload.object];
  }

  it.each<[string, string, Breakage, string]>([
    [
      'orchestrator',
      'privilege escalation',
      (_, c) => Object.assign(c.securityContext ?? {}, { allowPrivilegeEscalation: true }),
      'allowPrivilegeEscalation != false (container "orchestrator" must set securityContext.allowPrivilegeEscalation=false)',
    ],
    [
      'gpu-worker',
      'capabilities kept',
      (_, c) => Object.assign(c.securityContext ?? {}, { capabilities: { drop: ['NET_RAW'] } }),
      'unrestricted capabilities (container "gpu-worker" must set securityContext.capabilities.drop=["ALL"])',
    ],
    [
      'gpu-worker',
      'hostPath',
      (w) => (w.podSpec.volumes as object[]).push({ name: 'host', hostPath: { path: '/' } }),
      'restricted volume types (volume "host" uses restricted volume type "hostPath")',
    ],
    [
      'screening',
      'no seccomp profile',
      (w) => delete (w.podSpec.securityContext as { seccompProfile?: unknown }).seccompProfile,
      'seccompProfile (pod or container "screening" must set securityContext.seccompProfile.type',
    ],
    [
      'migrate',
      'root allowed',
      (w) => Object.assign(w.podSpec.securityContext as object, { runAsNonRoot: false }),
      'runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false)',
    ],
  ])('Pod Security restricted refuses %s: %s', async (component, _what, change, violation) => {
    const refusals = await podTemplateRefusals(admin, namespace, broken(component, change));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toContain('HTTP 403');
    expect(refusals[0]).toContain('violates PodSecurity "restricted:latest"');
    expect(refusals[0]).toContain(violation);
  });

  it('server-side apply refuses a misspelt field', async () => {
    const objects = broken('orchestrator', (_, c) =>
      Object.assign(c.securityContext ?? {}, { readOnlyRootFileSystem: true }),
    );
    const refusals = await applyServerSide(admin, objects, { dryRun: true });
    expect(refusals).toHaveLength(1);
    // The server answers 500 here (it cannot build the typed apply patch), naming the field.
    expect(refusals[0]).toMatch(/^Deployment\/kiago-orchestrator: HTTP \d+: /);
    expect(refusals[0]).toContain('readOnlyRootFileSystem: field not declared in schema');
  });
});
