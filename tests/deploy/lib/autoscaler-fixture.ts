import type { AutoscalerLogger, GpuAutoscalerConfig } from '@kiago/autoscaler';
import type { KubeConfig } from '@kubernetes/client-node';
import { expect } from 'vitest';
import { createRestrictedNamespace, serviceAccountKubeConfig } from './kube-test-cluster.ts';
import { render } from './render.ts';
import { applyServerSide, intoNamespace } from './server-apply.ts';

export const WORKER = 'kiago-gpu-worker';
export const AUTOSCALER_SA = 'kiago-orchestrator';

/** Short windows so a real-clock test sees both directions within seconds. */
export const autoscalerConfig = (namespace: string): GpuAutoscalerConfig => ({
  namespace,
  deployment: WORKER,
  minReplicas: 1,
  maxReplicas: 4,
  shardsPerReplica: 2,
  scaleUpStabilisationMs: 0,
  scaleDownStabilisationMs: 3_000,
  intervalMs: 500,
});

export function recordingLogger(): AutoscalerLogger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const push = (level: string) => (message: string) => void lines.push({ level, message });
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

/** The prod chart in a fresh restricted namespace, with the autoscaler's ServiceAccount client. */
export async function installProd(admin: KubeConfig, prefix: string) {
  const namespace = await createRestrictedNamespace(admin, prefix);
  const objects = intoNamespace(
    render({
      label: 'prod',
      tool: 'helm',
      args: ['template', 'kiago', 'helm/kiago', '-f', 'helm/kiago/examples/prod.yaml'],
    }),
    namespace,
  );
  expect(await applyServerSide(admin, objects)).toEqual([]);
  return { namespace, asAutoscaler: await serviceAccountKubeConfig(admin, namespace, AUTOSCALER_SA) };
}
