import { asArray, asRecord, at, type K8sObject, objectId } from './k8s-object.ts';
import { type Container, type Workload, workloads } from './workloads.ts';

// Environment variables that carry credentials: they must come from a Secret, never a literal.
const SECRET_ENV = /^(DATABASE_URL|.*(TOKEN|PASSWORD|SECRET|API_KEY).*)$/;

/**
 * The pod and container hardening every KIAGO workload must have (docs/deploy.md, security
 * checklist) beyond what the API server enforces: Pod Security `restricted` (runAsNonRoot, seccomp
 * RuntimeDefault, no privilege escalation, capabilities drop ALL, not privileged, no host namespaces
 * or hostPath) and schema typos are checked by the real server in server-apply.test.ts. What stays
 * here the server cannot know: a numeric uid set in the manifest, a read-only root filesystem, no
 * added capabilities at all, resources, pinned images, read-only mounts, credentials only from
 * Secrets, health probes, no rendered Secrets. Returns one message per violation.
 */
export function podSecurityViolations(objects: readonly K8sObject[]): string[] {
  const violations: string[] = [];
  for (const secret of objects.filter((o) => o.kind === 'Secret')) {
    violations.push(
      `${objectId(secret)}: credentials must not be rendered into manifests; reference an existing Secret`,
    );
  }
  for (const workload of workloads(objects)) {
    const id = objectId(workload.object);
    const pod = workload.podSpec;
    const podSecurity = asRecord(pod.securityContext);
    // `restricted` only refuses uid 0; an unset uid would run as the image's USER, unchecked here.
    if (!(typeof podSecurity.runAsUser === 'number' && podSecurity.runAsUser > 0)) {
      violations.push(`${id}: pod securityContext.runAsUser must be a non-zero uid`);
    }
    for (const container of workload.containers) violations.push(...containerViolations(workload, container));
  }
  return violations;
}

function containerViolations(workload: Workload, container: Container): string[] {
  const where = `${objectId(workload.object)} container ${container.name}`;
  const v: string[] = [];
  const sc = container.securityContext ?? {};
  if (sc.readOnlyRootFilesystem !== true) v.push(`${where}: readOnlyRootFilesystem must be true`);
  // `restricted` still allows adding NET_BIND_SERVICE; KIAGO adds none.
  if (asArray(at(sc, 'capabilities', 'add')).length > 0) v.push(`${where}: capabilities.add must be empty`);
  for (const kind of ['requests', 'limits'] as const) {
    for (const resource of ['cpu', 'memory']) {
      if (!container.resources?.[kind]?.[resource])
        v.push(`${where}: resources.${kind}.${resource} must be set`);
    }
  }
  const image = container.image ?? '';
  if (!/(:[\w][\w.-]*|@sha256:[a-f0-9]{64})$/.test(image) || /:latest$/.test(image)) {
    v.push(`${where}: image ${JSON.stringify(image)} must be pinned to a version tag or digest (not latest)`);
  }
  v.push(...writableMountViolations(workload, container, where));
  for (const entry of container.env ?? []) {
    if (
      SECRET_ENV.test(entry.name) &&
      (entry.value !== undefined || entry.valueFrom?.secretKeyRef === undefined)
    ) {
      v.push(`${where}: ${entry.name} must come from a secretKeyRef, not a literal`);
    }
  }
  if (workload.object.kind === 'Deployment') v.push(...probeViolations(container, where));
  return v;
}

// The only writable place is an emptyDir at /tmp; everything else is mounted read-only.
function writableMountViolations(workload: Workload, container: Container, where: string): string[] {
  const volumes = new Map(
    asArray(workload.podSpec.volumes).map((vol) => [asRecord(vol).name, asRecord(vol)]),
  );
  const v: string[] = [];
  for (const mount of container.volumeMounts ?? []) {
    if (mount.readOnly === true) continue;
    const volume = volumes.get(mount.name);
    if (!(mount.mountPath === '/tmp' && volume?.emptyDir !== undefined)) {
      v.push(
        `${where}: volumeMount ${mount.name} at ${mount.mountPath} must be readOnly (only /tmp may be writable)`,
      );
    }
  }
  return v;
}

function probeViolations(container: Container, where: string): string[] {
  const v: string[] = [];
  const health = container.ports?.find((p) => p.name === 'health');
  if (health?.containerPort !== 9090) v.push(`${where}: must expose the health port 9090 named "health"`);
  const expect = [
    ['livenessProbe', '/healthz'],
    ['readinessProbe', '/readyz'],
  ] as const;
  for (const [probe, path] of expect) {
    const httpGet = asRecord(at(container, probe, 'httpGet'));
    if (httpGet.path !== path || (httpGet.port !== 'health' && httpGet.port !== 9090)) {
      v.push(`${where}: ${probe} must GET ${path} on the health port`);
    }
  }
  return v;
}
