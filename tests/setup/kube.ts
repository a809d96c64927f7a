import type { TestProject } from 'vitest/node';
import {
  findControlPlaneBinaries,
  type RunningControlPlane,
  startControlPlane,
} from '../deploy/lib/control-plane.ts';
// The provided keys and their types are declared next to the tests' accessor.
import type {} from '../deploy/lib/kube-test-cluster.ts';

/**
 * One real Kubernetes control plane per test run (etcd, kube-apiserver, controller-manager, scheduler on
 * free 127.0.0.1 ports, tests/deploy/lib/control-plane.ts), when scripts/setup-kube.sh has installed
 * it. Tests reach it with kubeTestCluster(); without it they skip and say which command installs it.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const binaries = findControlPlaneBinaries();
  if (typeof binaries === 'string') {
    console.warn(`[kube-setup] no control plane: ${binaries}`);
    project.provide('kiagoKubeconfig', '');
    project.provide('kiagoKubeMissing', binaries);
    return undefined;
  }
  const startedAt = Date.now();
  const controlPlane: RunningControlPlane = await startControlPlane(binaries);
  console.log(`[kube-setup] control plane at ${controlPlane.server} ready in ${Date.now() - startedAt} ms`);
  project.provide('kiagoKubeconfig', controlPlane.kubeconfigFile);
  project.provide('kiagoKubeMissing', '');
  return () => controlPlane.stop();
}
