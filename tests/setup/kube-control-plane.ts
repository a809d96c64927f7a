import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kubeconfigYaml, writeControlPlanePki } from './kube-pki.js';
import { freePort, httpsStatus, launch, stopProcess, waitFor } from './kube-processes.js';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** The binaries scripts/setup-kube.sh provides: three built into .tools/kube/bin, and Debian's etcd. */
export interface ControlPlaneBinaries {
  apiserver: string;
  controllerManager: string;
  scheduler: string;
  etcd: string;
}

export interface RunningControlPlane {
  /** https://127.0.0.1:PORT */
  server: string;
  caFile: string;
  caPem: string;
  /** cluster-admin kubeconfig (system:masters token) for the harness and for helm. */
  kubeconfigFile: string;
  /** Folder with the component logs (etcd.log, apiserver.log, kcm.log), for failure messages. */
  dir: string;
  stop(): Promise<void>;
}

// Only what the tests need: Deployments get ReplicaSets and Pods; namespaces get their default
// ServiceAccount and kube-root-ca.crt; claims bind to volumes (the scheduler needs bound claims);
// deleted namespaces and owned objects are cleaned up.
const CONTROLLERS = [
  'deployment-controller',
  'replicaset-controller',
  'serviceaccount-controller',
  'serviceaccount-token-controller',
  'namespace-controller',
  'garbage-collector-controller',
  'persistentvolume-binder-controller',
  'root-ca-certificate-publisher-controller',
].join(',');

/** The binaries, or a sentence saying what is missing and the one command that provides it. */
export function findControlPlaneBinaries(): ControlPlaneBinaries | string {
  const binDir = join(REPO_ROOT, '.tools', 'kube', 'bin');
  const apiserver = join(binDir, 'kube-apiserver');
  const controllerManager = join(binDir, 'kube-controller-manager');
  const scheduler = join(binDir, 'kube-scheduler');
  const etcd = (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'etcd'))
    .find((file) => existsSync(file));
  const missing = [
    existsSync(apiserver) ? null : 'kube-apiserver',
    existsSync(controllerManager) ? null : 'kube-controller-manager',
    existsSync(scheduler) ? null : 'kube-scheduler',
    etcd ? null : 'etcd',
  ].filter((name): name is string => name !== null);
  if (missing.length > 0 || !etcd) {
    return `${missing.join(', ')} not installed: run 'bash scripts/setup-kube.sh' (needs Go ≥ 1.25 and apt), then npm test`;
  }
  return { apiserver, controllerManager, scheduler, etcd };
}

/**
 * etcd + kube-apiserver + kube-controller-manager + kube-scheduler on 127.0.0.1, on free ports, in a
 * fresh temporary folder (data, PKI, logs). RBAC and Pod Security admission are on as in a real
 * cluster; there is no kubelet, so Pods are at most bound to a Node and stay Pending.
 * stop() ends the four processes and removes the folder.
 */
export async function startControlPlane(binaries: ControlPlaneBinaries): Promise<RunningControlPlane> {
  const dir = mkdtempSync(join(tmpdir(), 'kiago-kube-'));
  const pki = writeControlPlanePki(dir);
  const [etcdPort, etcdPeerPort, apiPort, kcmPort, schedulerPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const etcdUrl = `http://127.0.0.1:${etcdPort}`;
  const peerUrl = `http://127.0.0.1:${etcdPeerPort}`;
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children.reverse()) await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    children.push(
      launch(dir, 'etcd', binaries.etcd, [
        `--name=kiago-test`,
        `--data-dir=${join(dir, 'etcd-data')}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=kiago-test=${peerUrl}`,
        '--listen-metrics-urls=',
      ]),
    );
    const server = `https://127.0.0.1:${apiPort}`;
    children.push(
      launch(dir, 'apiserver', binaries.apiserver, [
        `--etcd-servers=${etcdUrl}`,
        '--bind-address=127.0.0.1',
        `--secure-port=${apiPort}`,
        '--advertise-address=127.0.0.1',
        '--endpoint-reconciler-type=none',
        `--tls-cert-file=${pki.certFile}`,
        `--tls-private-key-file=${pki.keyFile}`,
        `--token-auth-file=${pki.tokenAuthFile}`,
        '--authorization-mode=RBAC',
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        `--service-account-key-file=${pki.serviceAccountPublicKeyFile}`,
        `--service-account-signing-key-file=${pki.serviceAccountPrivateKeyFile}`,
        '--service-cluster-ip-range=10.0.0.0/24',
        // Without it a privileged pod gets a 422 before Pod Security admission can answer.
        '--allow-privileged=true',
        '--enable-admission-plugins=NamespaceLifecycle,LimitRanger,ServiceAccount,PodSecurity,ResourceQuota',
      ]),
    );
    await waitFor(
      'kube-apiserver',
      dir,
      async () => (await httpsStatus(`${server}/readyz`, pki.caPem)) === 'ok',
      120_000,
    );
    const kubeconfigFile = join(dir, 'admin.kubeconfig');
    writeFileSync(kubeconfigFile, kubeconfigYaml(server, pki.certFile, 'admin', pki.adminToken), {
      mode: 0o600,
    });
    children.push(
      launch(dir, 'kcm', binaries.controllerManager, [
        `--kubeconfig=${kubeconfigFile}`,
        '--bind-address=127.0.0.1',
        `--secure-port=${kcmPort}`,
        '--leader-elect=false',
        `--service-account-private-key-file=${pki.serviceAccountPrivateKeyFile}`,
        `--root-ca-file=${pki.certFile}`,
        '--use-service-account-credentials=false',
        `--controllers=${CONTROLLERS}`,
      ]),
    );
    children.push(
      launch(dir, 'scheduler', binaries.scheduler, [
        `--kubeconfig=${kubeconfigFile}`,
        `--authentication-kubeconfig=${kubeconfigFile}`,
        `--authorization-kubeconfig=${kubeconfigFile}`,
        '--bind-address=127.0.0.1',
        `--secure-port=${schedulerPort}`,
        '--leader-elect=false',
      ]),
    );
    return { server, caFile: pki.certFile, caPem: pki.caPem, kubeconfigFile, dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
