import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  type KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { REPO_ROOT } from './deploy-tools.ts';
import { type K8sObject, objectId } from './k8s-object.ts';
import { type RawAnswer, rawRequest, refusalMessage } from './kube-raw-request.ts';
import { until } from './kube-test-cluster.ts';
import { parseManifests } from './render.ts';
import { workloads } from './workloads.ts';

export const FIELD_MANAGER = 'kiago-deploy-tests';

/** A refusal thrown by the generated client, as `HTTP code: Status.message`. */
export function serverRefusal(error: unknown): string {
  if (!(error instanceof ApiException)) return error instanceof Error ? error.message : String(error);
  return refusalMessage({
    status: error.code,
    body: typeof error.body === 'string' ? error.body : JSON.stringify(error.body),
  });
}
/** What `kubectl patch --type merge` sends; the generated client defaults to JSON Patch. */
export const MERGE_PATCH = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

/** The objects moved into `namespace`, RoleBinding subjects included (kustomize overlays hard-code `kiago`). */
export function intoNamespace(objects: readonly K8sObject[], namespace: string): K8sObject[] {
  return objects.map((original) => {
    const object = structuredClone(original);
    object.metadata.namespace = namespace;
    for (const subject of (object.subjects as { namespace?: string }[] | undefined) ?? []) {
      subject.namespace = namespace;
    }
    return object;
  });
}

/**
 * Server-side apply of every object (`kubectl apply --server-side --validate=strict`): the API server
 * checks each against its schema (unknown and duplicate fields refused), defaults it, and runs
 * admission. The objects are sent as rendered. Returns one line per refused object; [] when all were accepted.
 */
export async function applyServerSide(
  kubeConfig: KubeConfig,
  objects: readonly K8sObject[],
  options: { dryRun?: boolean } = {},
): Promise<string[]> {
  // Only its discovery-backed URL mapping is used (specUriPath is protected in the typings).
  const paths = KubernetesObjectApi.makeApiClient(kubeConfig) as unknown as {
    specUriPath(spec: K8sObject, action: 'patch'): Promise<string>;
  };
  const query = new URLSearchParams({
    fieldManager: FIELD_MANAGER,
    force: 'true',
    fieldValidation: 'Strict',
  });
  if (options.dryRun) query.set('dryRun', 'All');
  const refusals: string[] = [];
  for (const object of objects) {
    let answer: RawAnswer;
    try {
      const path = await paths.specUriPath(object, 'patch');
      answer = await rawRequest(kubeConfig, 'PATCH', `${path}?${query}`, {
        json: object,
        contentType: 'application/apply-patch+yaml',
      });
    } catch (error) {
      refusals.push(`${objectId(object)}: ${serverRefusal(error)}`);
      continue;
    }
    if (answer.status >= 300) refusals.push(`${objectId(object)}: ${refusalMessage(answer)}`);
  }
  return refusals;
}

/**
 * Creates (dry run) a Pod from each workload's pod template in `namespace`: Pod Security admission
 * enforces only on Pods, so this is how a Deployment or Job's template meets `restricted`.
 */
export async function podTemplateRefusals(
  kubeConfig: KubeConfig,
  namespace: string,
  objects: readonly K8sObject[],
): Promise<string[]> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const refusals: string[] = [];
  for (const workload of workloads(objects)) {
    const name = `${workload.object.metadata.name}-template-check`;
    try {
      await core.createNamespacedPod({
        namespace,
        dryRun: 'All',
        body: { metadata: { name, namespace }, spec: workload.podSpec as never },
      });
    } catch (error) {
      refusals.push(`${objectId(workload.object)} pod template: ${serverRefusal(error)}`);
    }
  }
  return refusals;
}

/** Waits until each Deployment has a ReplicaSet that created all its Pods (admitted, Pending: no kubelet). */
export async function replicaSetsOf(
  kubeConfig: KubeConfig,
  namespace: string,
  deployments: readonly string[],
) {
  const apps = kubeConfig.makeApiClient(AppsV1Api);
  return until(`ReplicaSets with Pods for ${deployments.join(', ')} in ${namespace}`, async () => {
    const { items } = await apps.listNamespacedReplicaSet({ namespace });
    const byOwner = new Map(
      items.map((rs) => [rs.metadata?.ownerReferences?.find((o) => o.kind === 'Deployment')?.name, rs]),
    );
    const ready = deployments.every((name) => {
      const rs = byOwner.get(name);
      return rs !== undefined && (rs.status?.replicas ?? 0) === (rs.spec?.replicas ?? 0);
    });
    return ready ? deployments.map((name) => byOwner.get(name)) : undefined;
  });
}

/** KEDA's CRDs as scripts/setup-kube.sh copied them from the KEDA Go module (.tools/kube/crds/keda-*). */
export function kedaCrds(): K8sObject[] {
  const root = join(REPO_ROOT, '.tools', 'kube', 'crds');
  const dir = readdirSync(root).find((name) => name.startsWith('keda-'));
  if (!dir) throw new Error(`no KEDA CRDs under ${root}: run bash scripts/setup-kube.sh`);
  return readdirSync(join(root, dir))
    .sort()
    .flatMap((file) => parseManifests(readFileSync(join(root, dir, file), 'utf8'), file));
}
