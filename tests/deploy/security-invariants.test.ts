import { describe, expect, it } from 'vitest';
import { renderedBase } from './lib/base-fixture.ts';
import { deployViolations } from './lib/deploy-invariants.ts';
import type { K8sObject } from './lib/k8s-object.ts';
import { rbacViolations } from './lib/rbac-invariants.ts';
import { podSecurityViolations } from './lib/security-invariants.ts';
import { byComponent, type Container, type Workload } from './lib/workloads.ts';

function allViolations(objects: K8sObject[]): string[] {
  return [...podSecurityViolations(objects), ...rbacViolations(objects), ...deployViolations(objects)];
}

function mutated(
  component: string,
  change: (workload: Workload, container: Container, objects: K8sObject[]) => void,
) {
  const objects = renderedBase();
  const workload = byComponent(objects, component);
  if (!workload?.containers[0]) throw new Error(`no ${component}`);
  change(workload, workload.containers[0], objects);
  return allViolations(objects);
}

describe('deploy invariant checkers', () => {
  it('accept the base manifests', () => {
    expect(allViolations(renderedBase())).toEqual([]);
  });

  it.each<[string, string, (w: Workload, c: Container, all: K8sObject[]) => void, string]>([
    [
      'gpu-worker',
      'root user',
      (w) => Object.assign(w.podSpec.securityContext as object, { runAsUser: 0 }),
      'runAsUser must be a non-zero uid',
    ],
    [
      'screening',
      'writable root FS',
      (_, c) => Object.assign(c.securityContext ?? {}, { readOnlyRootFilesystem: false }),
      'readOnlyRootFilesystem must be true',
    ],
    [
      'migrate',
      'no memory limit',
      (_, c) => delete c.resources?.limits?.memory,
      'resources.limits.memory must be set',
    ],
    ['screening', 'no readiness probe', (_, c) => delete c.readinessProbe, 'readinessProbe must GET /readyz'],
    [
      'orchestrator',
      'latest image',
      (_, c) => Object.assign(c, { image: 'kiago-orchestrator:latest' }),
      'must be pinned',
    ],
    [
      'orchestrator',
      'literal database URL',
      (_, c) => c.env?.splice(0, 1, { name: 'DATABASE_URL', value: 'postgres://u:p@db/kiago' }),
      'DATABASE_URL must come from a secretKeyRef',
    ],
    [
      'gpu-worker',
      'writable models volume',
      (_, c) => Object.assign(c.volumeMounts?.[1] ?? {}, { readOnly: false }),
      'must be readOnly (only /tmp may be writable)',
    ],
    [
      'gpu-worker',
      'slots != GPUs',
      (_, c) => Object.assign(c.env?.find((e) => e.name === 'KIAGO_GPU_SLOTS') ?? {}, { value: '2' }),
      'KIAGO_GPU_SLOTS (2) must equal the nvidia.com/gpu limit (1)',
    ],
    [
      'gpu-worker',
      'no GPU toleration',
      (w) => Object.assign(w.podSpec, { tolerations: [] }),
      'toleration for the nvidia.com/gpu taint',
    ],
    [
      'gpu-worker',
      'replicas fixed under the autoscaler',
      (w) => Object.assign(w.object.spec as object, { replicas: 2 }),
      'spec.replicas must be omitted',
    ],
    [
      'gpu-worker',
      'token mounted',
      (w) => Object.assign(w.podSpec, { automountServiceAccountToken: true }),
      'automountServiceAccountToken must be false',
    ],
    [
      'screening',
      'wrong command',
      (_, c) => Object.assign(c, { command: ['node', 'dist/index.js'] }),
      'command must be node services/screening-worker/dist/worker.js',
    ],
  ])('flag %s: %s', (component, _what, change, message) => {
    expect(mutated(component, change).join('\n')).toContain(message);
  });

  it('flag RBAC beyond the gpu-worker scale', () => {
    const widen = (rule: Record<string, unknown>) => {
      const objects = renderedBase();
      const role = objects.find((o) => o.kind === 'Role');
      (role as unknown as { rules: unknown[] }).rules.push(rule);
      return rbacViolations(objects).join('\n');
    };
    const scale = {
      apiGroups: ['apps'],
      resources: ['deployments/scale'],
      resourceNames: ['kiago-gpu-worker'],
    };
    expect(widen({ ...scale, verbs: ['get', 'patch', 'update'] })).toContain(
      'verbs get,patch,update exceed get,patch',
    );
    expect(widen({ ...scale, resourceNames: ['kiago-screening'], verbs: ['get'] })).toContain(
      'resourceNames must be exactly [kiago-gpu-worker]',
    );
    expect(widen({ ...scale, resourceNames: [], verbs: ['get'] })).toContain('resourceNames must be exactly');
    expect(
      widen({ apiGroups: [''], resources: ['pods'], resourceNames: ['kiago-gpu-worker'], verbs: ['delete'] }),
    ).toContain('resource pods is not allowed');
    const objects = renderedBase();
    objects.push({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'x' },
      rules: [],
    });
    expect(rbacViolations(objects).join('\n')).toContain('cluster-wide RBAC is not allowed');
  });

  it('flag a Role while the autoscaler is off, and a missing default-deny policy or PDB', () => {
    const objects = renderedBase();
    const orchestrator = byComponent(objects, 'orchestrator')?.containers[0];
    Object.assign(orchestrator?.env?.find((e) => e.name === 'KIAGO_AUTOSCALER_ENABLED') ?? {}, {
      value: 'false',
    });
    expect(rbacViolations(objects).join('\n')).toContain(
      'a Role must exist exactly when KIAGO_AUTOSCALER_ENABLED=true',
    );

    const open = renderedBase().filter((o) => o.metadata.name !== 'kiago-default-deny');
    expect(deployViolations(open).join('\n')).toContain(
      'Deployment/kiago-gpu-worker: no default-deny NetworkPolicy selects it',
    );
    const undrained = renderedBase().filter(
      (o) => !(o.kind === 'PodDisruptionBudget' && o.metadata.name === 'kiago-screening'),
    );
    expect(deployViolations(undrained)).toContain(
      'Deployment/kiago-screening: no PodDisruptionBudget selects it',
    );
  });
});
