import { asArray, asRecord, type K8sObject, objectId } from './k8s-object.ts';
import { byComponent, envEntry, envValue } from './workloads.ts';

const ALLOWED_VERBS: Record<string, readonly string[]> = {
  'deployments/scale': ['get', 'patch'],
  deployments: ['get'],
};

/**
 * RBAC is namespaced and limited to the GPU autoscaler's needs: get/patch of the gpu-worker's
 * `deployments/scale` (optionally get of the Deployment itself), on that one resource name, bound only
 * to the orchestrator's ServiceAccount, and present exactly when the built-in autoscaler is on.
 */
export function rbacViolations(objects: readonly K8sObject[]): string[] {
  const v: string[] = [];
  for (const o of objects.filter((x) => x.kind === 'ClusterRole' || x.kind === 'ClusterRoleBinding')) {
    v.push(`${objectId(o)}: cluster-wide RBAC is not allowed`);
  }
  const gpuWorker = byComponent(objects, 'gpu-worker');
  const orchestrator = byComponent(objects, 'orchestrator');
  const orchestratorContainer = orchestrator?.containers[0];
  const roles = objects.filter((o) => o.kind === 'Role');
  for (const role of roles) {
    const rules = asArray(role.rules).map(asRecord);
    if (rules.length === 0) v.push(`${objectId(role)}: has no rules`);
    for (const rule of rules) {
      const apiGroups = asArray(rule.apiGroups);
      const resources = asArray(rule.resources) as string[];
      const verbs = asArray(rule.verbs) as string[];
      const names = asArray(rule.resourceNames);
      if (apiGroups.length !== 1 || apiGroups[0] !== 'apps')
        v.push(`${objectId(role)}: apiGroups must be exactly ["apps"]`);
      for (const resource of resources) {
        const allowed = ALLOWED_VERBS[resource];
        if (!allowed) v.push(`${objectId(role)}: resource ${resource} is not allowed`);
        else if (verbs.some((verb) => !allowed.includes(verb))) {
          v.push(`${objectId(role)}: verbs ${verbs.join(',')} exceed ${allowed.join(',')} on ${resource}`);
        }
      }
      if (names.length !== 1 || names[0] !== gpuWorker?.object.metadata.name) {
        v.push(`${objectId(role)}: resourceNames must be exactly [${gpuWorker?.object.metadata.name}]`);
      }
    }
  }
  for (const binding of objects.filter((o) => o.kind === 'RoleBinding')) {
    const roleRef = asRecord(binding.roleRef);
    if (roleRef.kind !== 'Role' || !roles.some((r) => r.metadata.name === roleRef.name)) {
      v.push(`${objectId(binding)}: must reference a Role of this release`);
    }
    for (const subject of asArray(binding.subjects).map(asRecord)) {
      const saName = orchestrator?.podSpec.serviceAccountName;
      if (subject.kind !== 'ServiceAccount' || subject.name !== saName) {
        v.push(`${objectId(binding)}: may bind only the orchestrator's ServiceAccount ${saName}`);
      }
      if (
        typeof subject.namespace !== 'string' ||
        subject.namespace.length === 0 ||
        subject.namespace === 'default'
      ) {
        v.push(`${objectId(binding)}: ServiceAccount subject needs the release namespace`);
      }
    }
  }
  const autoscalerOn = envValue(orchestratorContainer, 'KIAGO_AUTOSCALER_ENABLED') === 'true';
  if (autoscalerOn !== roles.length > 0) {
    v.push(
      `RBAC: a Role must exist exactly when KIAGO_AUTOSCALER_ENABLED=true (autoscaler ${autoscalerOn ? 'on' : 'off'})`,
    );
  }
  if (autoscalerOn) {
    if (envValue(orchestratorContainer, 'KIAGO_AUTOSCALER_DEPLOYMENT') !== gpuWorker?.object.metadata.name) {
      v.push('orchestrator: KIAGO_AUTOSCALER_DEPLOYMENT must name the gpu-worker Deployment');
    }
    const nsRef = envEntry(orchestratorContainer, 'KIAGO_AUTOSCALER_NAMESPACE')?.valueFrom;
    if (asRecord(asRecord(nsRef).fieldRef).fieldPath !== 'metadata.namespace') {
      v.push('orchestrator: KIAGO_AUTOSCALER_NAMESPACE must come from the downward API (metadata.namespace)');
    }
  }
  for (const workload of [
    byComponent(objects, 'gpu-worker'),
    byComponent(objects, 'screening'),
    byComponent(objects, 'migrate'),
  ]) {
    if (workload && workload.podSpec.automountServiceAccountToken !== false) {
      v.push(
        `${objectId(workload.object)}: automountServiceAccountToken must be false (no API access needed)`,
      );
    }
  }
  if (orchestrator && !autoscalerOn && orchestrator.podSpec.automountServiceAccountToken !== false) {
    v.push(
      `${objectId(orchestrator.object)}: automountServiceAccountToken must be false while the autoscaler is off`,
    );
  }
  return v;
}
