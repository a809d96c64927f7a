import { asArray, asRecord, at, type K8sObject, objectId } from './k8s-object.ts';
import { byComponent, envValue, podLabels, selects, workloads } from './workloads.ts';

/** The process contract: what each image is started with. */
export const CONTRACT_COMMANDS: Record<string, readonly string[]> = {
  orchestrator: ['node', 'services/orchestrator/dist/worker.js'],
  'gpu-worker': ['node', 'services/gpu-worker/dist/worker.js'],
  screening: ['node', 'services/screening-worker/dist/worker.js'],
  migrate: ['node', 'scripts/migrate.ts'],
};

const GPU_BACKENDS = ['node-gpu', 'auto'];

/** Scheduling, scaling, disruption and network rules beyond pod hardening (docs/deploy.md). */
export function deployViolations(objects: readonly K8sObject[]): string[] {
  return [
    ...contractViolations(objects),
    ...gpuViolations(objects),
    ...scalingViolations(objects),
    ...networkViolations(objects),
  ];
}

function contractViolations(objects: readonly K8sObject[]): string[] {
  const v: string[] = [];
  for (const [component, command] of Object.entries(CONTRACT_COMMANDS)) {
    const workload = byComponent(objects, component);
    if (!workload) {
      v.push(`missing workload for component ${component}`);
      continue;
    }
    const actual = workload.containers[0]?.command ?? [];
    if (actual.join(' ') !== command.join(' '))
      v.push(`${objectId(workload.object)}: command must be ${command.join(' ')}`);
    const dbUrl = workload.containers[0]?.env?.find((e) => e.name === 'DATABASE_URL');
    if (!dbUrl?.valueFrom?.secretKeyRef)
      v.push(`${objectId(workload.object)}: DATABASE_URL must come from a Secret`);
  }
  return v;
}

function gpuViolations(objects: readonly K8sObject[]): string[] {
  const worker = byComponent(objects, 'gpu-worker');
  if (!worker) return [];
  const id = objectId(worker.object);
  const container = worker.containers[0];
  const v: string[] = [];
  const gpuLimit = container?.resources?.limits?.['nvidia.com/gpu'];
  const slots = envValue(container, 'KIAGO_GPU_SLOTS');
  const backend = envValue(container, 'KIAGO_TF_BACKEND') ?? '';
  if (gpuLimit !== undefined) {
    if (container?.resources?.requests?.['nvidia.com/gpu'] !== gpuLimit)
      v.push(`${id}: nvidia.com/gpu request must equal the limit`);
    if (slots !== String(gpuLimit))
      v.push(
        `${id}: KIAGO_GPU_SLOTS (${slots}) must equal the nvidia.com/gpu limit (${gpuLimit}): one slot per GPU`,
      );
    if (Object.keys(asRecord(worker.podSpec.nodeSelector)).length === 0)
      v.push(`${id}: needs a nodeSelector for the GPU pool`);
    if (!asArray(worker.podSpec.tolerations).some((t) => asRecord(t).key === 'nvidia.com/gpu')) {
      v.push(`${id}: needs a toleration for the nvidia.com/gpu taint`);
    }
    if (!GPU_BACKENDS.includes(backend))
      v.push(`${id}: KIAGO_TF_BACKEND ${backend} does not use the GPU it requests`);
  } else if (backend === 'node-gpu') {
    v.push(`${id}: KIAGO_TF_BACKEND node-gpu without an nvidia.com/gpu limit`);
  }
  const orchestrator = byComponent(objects, 'orchestrator')?.containers[0];
  if (envValue(orchestrator, 'KIAGO_AUTOSCALER_SHARDS_PER_REPLICA') !== slots) {
    v.push(
      `orchestrator: KIAGO_AUTOSCALER_SHARDS_PER_REPLICA must equal the gpu-worker's KIAGO_GPU_SLOTS (${slots})`,
    );
  }
  return v;
}

function scalingViolations(objects: readonly K8sObject[]): string[] {
  const v: string[] = [];
  const worker = byComponent(objects, 'gpu-worker');
  const builtIn =
    envValue(byComponent(objects, 'orchestrator')?.containers[0], 'KIAGO_AUTOSCALER_ENABLED') === 'true';
  const scaledObjects = objects.filter((o) => o.kind === 'ScaledObject');
  if (builtIn && scaledObjects.length > 0)
    v.push('gpu-worker: both the built-in autoscaler and KEDA would size it');
  if (
    worker &&
    (builtIn || scaledObjects.length > 0) &&
    at(worker.object, 'spec', 'replicas') !== undefined
  ) {
    v.push(`${objectId(worker.object)}: spec.replicas must be omitted when an autoscaler owns the count`);
  }
  const slots = envValue(worker?.containers[0], 'KIAGO_GPU_SLOTS');
  for (const so of scaledObjects) {
    const trigger = asRecord(asArray(at(so, 'spec', 'triggers'))[0]);
    const metadata = asRecord(trigger.metadata);
    if (at(so, 'spec', 'scaleTargetRef', 'name') !== worker?.object.metadata.name)
      v.push(`${objectId(so)}: must target the gpu-worker`);
    if (
      trigger.type !== 'temporal' ||
      metadata.taskQueue !== 'kiago-gpu' ||
      metadata.queueTypes !== 'activity'
    ) {
      v.push(`${objectId(so)}: trigger must be temporal on the kiago-gpu activity queue`);
    }
    if (metadata.targetQueueSize !== slots)
      v.push(`${objectId(so)}: targetQueueSize must equal KIAGO_GPU_SLOTS (${slots})`);
  }
  for (const hpa of objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
    const target = workloads(objects).find(
      (w) => w.object.metadata.name === at(hpa, 'spec', 'scaleTargetRef', 'name'),
    );
    if (!target) v.push(`${objectId(hpa)}: targets no Deployment of this release`);
    else if (at(target.object, 'spec', 'replicas') !== undefined)
      v.push(`${objectId(target.object)}: spec.replicas must be omitted under an HPA`);
  }
  for (const workload of workloads(objects).filter((w) => w.object.kind === 'Deployment')) {
    const pdb = objects.find(
      (o) => o.kind === 'PodDisruptionBudget' && selects(at(o, 'spec', 'selector'), podLabels(workload)),
    );
    if (!pdb) v.push(`${objectId(workload.object)}: no PodDisruptionBudget selects it`);
  }
  return v;
}

function networkViolations(objects: readonly K8sObject[]): string[] {
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
  const v: string[] = [];
  for (const workload of workloads(objects)) {
    const labels = podLabels(workload);
    const denied = policies.some(
      (p) =>
        selects(at(p, 'spec', 'podSelector'), labels) &&
        ['Ingress', 'Egress'].every((t) => asArray(at(p, 'spec', 'policyTypes')).includes(t)) &&
        at(p, 'spec', 'ingress') === undefined &&
        at(p, 'spec', 'egress') === undefined,
    );
    if (!denied) v.push(`${objectId(workload.object)}: no default-deny NetworkPolicy selects it`);
  }
  return v;
}
