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
 * active version yet; a version someone promoted is left alone.
 */
export async function ensureActiveModels(db: Db, log: Log): Promise<void> {
  const { listModelVersions, promoteModelVersion, registerModelVersion, shippedModelDir } = await import(
    '@kiago/optimiser'
  );
  for (const kind of ['tc', 'ef'] as const satisfies readonly ModelKind[]) {
    const active = (await listModelVersions(db, { kind })).find((version) => version.active);
    if (active) continue;
    const registered = await registerModelVersion(db, await shippedModelDir(kind));
    await promoteModelVersion(db, kind, registered.version);
    log(`[kiago] registered and promoted the shipped ${kind} model ${registered.version}`);
  }
}

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
