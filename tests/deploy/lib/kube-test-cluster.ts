import { randomBytes } from 'node:crypto';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { describe, inject } from 'vitest';

// The provided keys (kiagoKubeconfig, kiagoKubeMissing) are declared by the global setup.
import type {} from '../../setup/kube.ts';

/** The admin kubeconfig file of this run's control plane, or null when scripts/setup-kube.sh has not run. */
export function kubeconfigFile(): string | null {
  return inject('kiagoKubeconfig') || null;
}

/** `describe` against the real control plane; otherwise a skipped suite whose title says why. */
export function describeWithControlPlane(title: string, body: () => void): void {
  if (kubeconfigFile() !== null) {
    describe(title, body);
    return;
  }
  const why = inject('kiagoKubeMissing') || 'no control plane was started (tests/setup/kube.ts)';
  console.warn(`[deploy tests] skipping "${title}": ${why}`);
  describe.skip(`${title} (skipped: ${why})`, body);
}

export function adminKubeConfig(): KubeConfig {
  const file = kubeconfigFile();
  if (file === null) throw new Error('no control plane in this test run: bash scripts/setup-kube.sh');
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(file);
  return kubeConfig;
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * A fresh namespace enforcing the `restricted` Pod Security Standard (latest version), once the
 * controller-manager has given it its `default` ServiceAccount (Pod admission needs it).
 */
export async function createRestrictedNamespace(admin: KubeConfig, prefix: string): Promise<string> {
  const core = admin.makeApiClient(CoreV1Api);
  const name = `${prefix}-${randomBytes(3).toString('hex')}`;
  await core.createNamespace({
    body: {
      metadata: {
        name,
        labels: {
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'latest',
        },
      },
    },
  });
  await until(`the default ServiceAccount of ${name}`, async () =>
    core.readNamespacedServiceAccount({ name: 'default', namespace: name }).catch(() => undefined),
  );
  return name;
}

/** A client acting as `serviceAccount`, with a short-lived token from the TokenRequest API. */
export async function serviceAccountKubeConfig(
  admin: KubeConfig,
  namespace: string,
  serviceAccount: string,
): Promise<KubeConfig> {
  const core = admin.makeApiClient(CoreV1Api);
  const tokenRequest = await core.createNamespacedServiceAccountToken({
    name: serviceAccount,
    namespace,
    body: { spec: { audiences: [], expirationSeconds: 3600 } },
  });
  const token = tokenRequest.status?.token;
  if (!token) throw new Error(`TokenRequest for ${namespace}/${serviceAccount} returned no token`);
  const cluster = admin.getCurrentCluster();
  if (!cluster) throw new Error('admin kubeconfig has no cluster');
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [cluster],
    users: [{ name: serviceAccount, token }],
    contexts: [{ name: 'sa', cluster: cluster.name, user: serviceAccount }],
    currentContext: 'sa',
  });
  return kubeConfig;
}
