import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { findTool, REPO_ROOT, runTool } from './deploy-tools.ts';
import type { K8sObject } from './k8s-object.ts';

export const KUSTOMIZE_OVERLAYS = ['dev', 'prod', 'prod-keda'] as const;
export const HELM_CHART = 'helm/kiago';
export const HELM_RELEASE = 'kiago';
export const HELM_NAMESPACE = 'kiago';

/** One way of rendering the manifests that CI validates. */
export interface RenderTarget {
  label: string;
  tool: 'kustomize' | 'helm';
  args: string[];
}

/** Example values files shipped with the chart (each is rendered on its own). */
export function helmExampleFiles(): string[] {
  return readdirSync(join(REPO_ROOT, HELM_CHART, 'examples'))
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => join(HELM_CHART, 'examples', file));
}

export function renderTargets(): RenderTarget[] {
  const kustomize = KUSTOMIZE_OVERLAYS.map((overlay) => ({
    label: `kustomize k8s/overlays/${overlay}`,
    tool: 'kustomize' as const,
    args: ['build', `k8s/overlays/${overlay}`],
  }));
  const helmBase = ['template', HELM_RELEASE, HELM_CHART, '--namespace', HELM_NAMESPACE];
  const helm = [
    { label: 'helm default values', tool: 'helm' as const, args: helmBase },
    ...helmExampleFiles().map((file) => ({
      label: `helm -f ${file}`,
      tool: 'helm' as const,
      args: [...helmBase, '-f', file],
    })),
  ];
  return [...kustomize, ...helm];
}

/** Value combinations beyond the example files that must render (and apply) clean too. */
export const HELM_SET_VARIANTS: readonly (readonly string[])[] = [
  ['keda.enabled=true', 'orchestrator.autoscaler.enabled=false'],
  ['gpuWorker.gpu.enabled=false', 'gpuWorker.tfBackend=wasm', 'gpuWorker.cpuSlots=3'],
  [
    'temporal.tls.enabled=true',
    'gpuWorker.gpu.perPod=4',
    `orchestrator.image.digest=sha256:${'a'.repeat(64)}`,
  ],
];

export function helmSetTarget(sets: readonly string[]): RenderTarget {
  return {
    label: `helm --set ${sets.join(',')}`,
    tool: 'helm',
    args: [
      'template',
      HELM_RELEASE,
      HELM_CHART,
      '--namespace',
      HELM_NAMESPACE,
      ...sets.flatMap((s) => ['--set', s]),
    ],
  };
}

export class RenderError extends Error {}

/** Runs the target's tool and parses every YAML document into an object (empty documents dropped). */
export function render(target: RenderTarget): K8sObject[] {
  const binary = findTool(target.tool);
  if (binary === null) throw new RenderError(`${target.tool} not found: run scripts/setup-helm.sh`);
  return renderWith(binary, target.args, target.label);
}

export function renderWith(binary: string, args: readonly string[], label: string): K8sObject[] {
  const run = runTool(binary, args);
  if (run.status !== 0) throw new RenderError(`${label} failed:\n${run.stderr}`);
  return parseManifests(run.stdout, label);
}

export function parseManifests(text: string, source: string): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) throw new RenderError(`${source}: ${document.errors[0]?.message}`);
    const value: unknown = document.toJS();
    if (value === null || value === undefined) continue;
    objects.push(value as K8sObject);
  }
  return objects;
}
