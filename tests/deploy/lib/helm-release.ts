import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchV1Api, type KubeConfig } from '@kubernetes/client-node';
import { REPO_ROOT, type ToolRun } from './deploy-tools.ts';
import { MERGE_PATCH } from './server-apply.ts';

// Helm keeps caches and repository settings under $HOME; a test run keeps its own.
const helmHome = mkdtempSync(join(tmpdir(), 'kiago-helm-'));
const helmEnv = {
  ...process.env,
  HELM_CACHE_HOME: join(helmHome, 'cache'),
  HELM_CONFIG_HOME: join(helmHome, 'config'),
  HELM_DATA_HOME: join(helmHome, 'data'),
};

/** Runs helm against the test control plane without blocking the event loop (hooks need answering). */
export function helmAgainst(
  binary: string,
  kubeconfigFile: string,
  args: readonly string[],
): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args, '--kubeconfig', kubeconfigFile], { cwd: REPO_ROOT, env: helmEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? 1, stdout, stderr }));
  });
}

/**
 * Stands in for the kubelet and the Job controller, which this control plane lacks: every Helm hook
 * Job that appears in `namespace` is marked succeeded through its status subresource, so `helm install`
 * and `upgrade` get past their pre-install/pre-upgrade hook. Returns the uids of the Jobs it completed.
 */
export function completeHookJobs(
  admin: KubeConfig,
  namespace: string,
  signal: AbortSignal,
): Promise<string[]> {
  const batch = admin.makeApiClient(BatchV1Api);
  const completed: string[] = [];
  return (async () => {
    while (!signal.aborted) {
      const { items } = await batch.listNamespacedJob({ namespace });
      for (const job of items) {
        const uid = job.metadata?.uid ?? '';
        if (!job.metadata?.annotations?.['helm.sh/hook'] || completed.includes(uid)) continue;
        const now = new Date();
        const conditions = ['SuccessCriteriaMet', 'Complete'].map((type) => ({
          type,
          status: 'True',
          lastProbeTime: now,
          lastTransitionTime: now,
        }));
        await batch.patchNamespacedJobStatus(
          {
            name: job.metadata.name ?? '',
            namespace,
            body: { status: { startTime: now, completionTime: now, succeeded: 1, conditions } },
          },
          MERGE_PATCH,
        );
        completed.push(uid);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return completed;
  })();
}
