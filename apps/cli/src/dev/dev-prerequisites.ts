import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '@kiago/db';
import type { ModelKind } from '@kiago/optimiser';
import {
  findReferenceSet,
  importReferences,
  mpBinariesReferenceRows,
  mpReferenceRows,
  ReferenceSetNotFoundError,
} from '@kiago/screening';

type Log = (line: string) => void;

/**
 * Registers and promotes the shipped CPU-sized models (models/shipped) for every kind that has no
 * usable active version; a version someone promoted is left alone while its directory exists (a
 * shipped model replaced by a newer release is gone after an update). Registers the shipped Tc
 * ensemble members (models/shipped/ensemble) too, inactive, so a spec can name them.
 */
export async function ensureActiveModels(db: Db, log: Log): Promise<void> {
  const { listModelVersions, promoteModelVersion, registerModelVersion, shippedModelDir, shippedModelsDir } =
    await import('@kiago/optimiser');
  for (const kind of ['tc', 'ef'] as const satisfies readonly ModelKind[]) {
    const active = (await listModelVersions(db, { kind })).find((version) => version.active);
    if (active && existsSync(active.path)) continue;
    const registered = await registerModelVersion(db, await shippedModelDir(kind));
    await promoteModelVersion(db, kind, registered.version);
    const replaced = active ? ` (the active ${active.version} is gone from ${active.path})` : '';
    log(`[kiago] registered and promoted the shipped ${kind} model ${registered.version}${replaced}`);
  }
  const ensembleDir = join(shippedModelsDir(), SHIPPED_ENSEMBLE_DIR);
  if (!existsSync(ensembleDir)) return;
  for (const entry of await readdir(ensembleDir, { withFileTypes: true })) {
    if (entry.isDirectory()) await registerModelVersion(db, join(ensembleDir, entry.name));
  }
}

/** Extra Tc ensemble members beside the shipped Tc model (which is a member too; examples/demo.yaml). */
const SHIPPED_ENSEMBLE_DIR = 'ensemble';

/** Imports a reference set for the hull (default "mp", from the data directory) unless it is there. */
export async function ensureReferenceSet(
  db: Db,
  name: 'mp' | 'mp-binaries',
  log: Log,
  dataDir: string,
): Promise<void> {
  try {
    await findReferenceSet(db, name);
    return;
  } catch (error) {
    if (!(error instanceof ReferenceSetNotFoundError)) throw error;
  }
  log(`[kiago] importing the ${name} reference set for the convex hull (once)`);
  const source = await (name === 'mp' ? mpReferenceRows : mpBinariesReferenceRows)({ dataDir });
  const result = await importReferences(db, { set: name, ...source });
  log(`[kiago] ${name}: ${result.inserted} reference entries imported`);
}
