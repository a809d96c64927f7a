import { asArray, asRecord, at, type K8sObject } from './k8s-object.ts';

export interface Container {
  name: string;
  image?: string;
  command?: string[];
  env?: { name: string; value?: string; valueFrom?: Record<string, unknown> }[];
  envFrom?: Record<string, unknown>[];
  ports?: { name?: string; containerPort: number }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, unknown>;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
  livenessProbe?: Record<string, unknown>;
  readinessProbe?: Record<string, unknown>;
  startupProbe?: Record<string, unknown>;
}

/** A Deployment or Job with its pod template, the unit most invariants are about. */
export interface Workload {
  object: K8sObject;
  component: string;
  podSpec: Record<string, unknown>;
  containers: Container[];
}

export function workloads(objects: readonly K8sObject[]): Workload[] {
  return objects
    .filter((o) => o.kind === 'Deployment' || o.kind === 'Job')
    .map((object) => {
      const podSpec = asRecord(at(object, 'spec', 'template', 'spec'));
      const containers = [...asArray(podSpec.initContainers), ...asArray(podSpec.containers)] as Container[];
      return {
        object,
        component: object.metadata.labels?.['app.kubernetes.io/component'] ?? '',
        podSpec,
        containers,
      };
    });
}

export function byComponent(objects: readonly K8sObject[], component: string): Workload | undefined {
  return workloads(objects).find((w) => w.component === component);
}

export function envValue(container: Container | undefined, name: string): string | undefined {
  return container?.env?.find((e) => e.name === name)?.value;
}

export function envEntry(container: Container | undefined, name: string) {
  return container?.env?.find((e) => e.name === name);
}

/** Objects whose selector (matchLabels) selects the workload's pod labels. */
export function selects(selector: unknown, podLabels: Record<string, string>): boolean {
  const matchLabels = asRecord(at(selector, 'matchLabels'));
  const keys = Object.keys(matchLabels);
  return keys.length > 0 && keys.every((key) => podLabels[key] === matchLabels[key]);
}

export function podLabels(workload: Workload): Record<string, string> {
  return asRecord(at(workload.object, 'spec', 'template', 'metadata', 'labels')) as Record<string, string>;
}
