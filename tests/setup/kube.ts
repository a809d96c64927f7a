import type { TestProject } from 'vitest/node';
import {
  findControlPlaneBinaries,
  type RunningControlPlane,
  startControlPlane,
} from './kube-control-plane.js';

/**
 * One real Kubernetes control plane per test run (etcd, kube-apiserver, controller-manager, scheduler on
 * free 127.0.0.1 ports, tests/setup/kube-control-plane.ts), when scripts/setup-kube.sh has installed
 * it. Tests reach it with kubeTestCluster(); without it they skip and say which command installs it.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin kubeconfig of this test run's control plane; '' when none. */
    kiagoKubeconfig: string;
    /** Why there is none: what is missing and the command that installs it; '' when there is one. */
    kiagoKubeMissing: string;
  }
}

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
