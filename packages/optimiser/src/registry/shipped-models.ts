import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { findRepoRoot } from '@kiago/datasets';
import { NotFoundError } from '@kiago/shared';
import type { ModelKind } from '../models/manifest.js';

/** `<repo>/models/shipped`: the CPU-sized models committed with the code (see MODEL_CARD.md there). */
export function shippedModelsDir(): string {
  return join(findRepoRoot(), 'models', 'shipped');
}

/** Directory of the shipped model of `kind` (`<kind>-<version>`; the newest version when several). */
export async function shippedModelDir(kind: ModelKind): Promise<string> {
  const root = shippedModelsDir();
  const names = (await readdir(root, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(`${kind}-`))
    .map((entry) => entry.name)
    .sort();
  const newest = names.at(-1);
  if (newest === undefined) throw new NotFoundError(`shipped ${kind} model in ${root}`, `${kind}-*`);
  return join(root, newest);
}
