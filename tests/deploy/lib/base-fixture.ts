import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './deploy-tools.ts';
import type { K8sObject } from './k8s-object.ts';
import { parseManifests } from './render.ts';
import { workloads } from './workloads.ts';

/**
 * k8s/base as an overlay would render it for the `kiago` namespace with the built-in autoscaler on:
 * what the invariant checkers are tested against without needing kustomize.
 */
export function renderedBase(): K8sObject[] {
  const dir = join(REPO_ROOT, 'k8s', 'base');
  const objects = readdirSync(dir)
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
    .sort()
    .flatMap((file) => parseManifests(readFileSync(join(dir, file), 'utf8'), file));
  for (const object of objects) {
    object.metadata.namespace = 'kiago';
    for (const subject of (object.subjects as { namespace?: string }[] | undefined) ?? [])
      subject.namespace = 'kiago';
  }
  for (const { containers } of workloads(objects)) {
    for (const container of containers) {
      container.image = `registry.example.com/kiago/${container.image}:0.1.0`;
      const enabled = container.env?.find((e) => e.name === 'KIAGO_AUTOSCALER_ENABLED');
      if (enabled) enabled.value = 'true';
    }
  }
  return objects;
}
