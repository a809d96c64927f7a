import { resolve } from 'node:path';
import { type Db, Prisma, withTransaction } from '@kiago/db';
import { KiagoError, NotFoundError } from '@kiago/shared';
import type { ModelKind, ModelManifest } from '../models/manifest.js';
import { checkManifestCompatibility, readModelManifest } from '../models/manifest-artifact.js';
import { DB_KIND, type ModelVersionRecord, toRecord } from './model-version-record.js';

/** (kind, version) is already registered with another manifest: versions are immutable. */
export class ModelVersionConflictError extends KiagoError {
  readonly code = 'MODEL_VERSION_CONFLICT';
  readonly nonRetryable = true;
}

type RegistryDb = Pick<Db, 'prisma'>;

/**
 * Registers the model in `dir` as a ModelVersion row (inactive). The manifest is validated and
 * checked against this code's element list and atom map first. Registering the same model again
 * returns the existing row (with the file's manifest when only its metrics were recomputed); a
 * different model under the same (kind, version) is refused.
 */
export async function registerModelVersion(db: RegistryDb, dir: string): Promise<ModelVersionRecord> {
  const path = resolve(dir);
  const manifest = await readModelManifest(path);
  checkManifestCompatibility(path, manifest);
  const key = { kind: DB_KIND[manifest.kind], version: manifest.version };
  const existing = await db.prisma.modelVersion.findUnique({ where: { kind_version: key } });
  if (existing) {
    const record = sameOrConflict(toRecord(existing), manifest.created, manifest.data.dataHash);
    return refreshedManifest(db, record, manifest);
  }
  try {
    const row = await db.prisma.modelVersion.create({
      data: { ...key, path, manifest: manifest as Prisma.InputJsonObject },
    });
    return toRecord(row);
  } catch (error) {
    // A concurrent register of the same version won the insert.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
    const row = await db.prisma.modelVersion.findUniqueOrThrow({ where: { kind_version: key } });
    return sameOrConflict(toRecord(row), manifest.created, manifest.data.dataHash);
  }
}

function sameOrConflict(record: ModelVersionRecord, created: string, dataHash: string): ModelVersionRecord {
  if (record.manifest.created === created && record.manifest.data.dataHash === dataHash) return record;
  throw new ModelVersionConflictError(
    `${record.kind} model version ${JSON.stringify(record.version)} is already registered (${record.path}, ` +
      `created ${record.manifest.created}) with a different manifest; give the new model another version`,
  );
}

/**
 * Same weights (created, data hash), newer manifest: metrics recomputed by `kiago models evaluate
 * --write`. The row takes the file's manifest so `models show` and the report print what is on disk.
 */
async function refreshedManifest(
  db: RegistryDb,
  record: ModelVersionRecord,
  manifest: ModelManifest,
): Promise<ModelVersionRecord> {
  if (JSON.stringify(record.manifest) === JSON.stringify(manifest)) return record;
  const row = await db.prisma.modelVersion.update({
    where: { id: record.id },
    data: { manifest: manifest as Prisma.InputJsonObject },
  });
  return toRecord(row);
}

/** Makes (kind, version) the active model of its kind; the previous one is deactivated in the same transaction. */
export async function promoteModelVersion(
  db: Pick<Db, 'prisma' | 'pool'>,
  kind: ModelKind,
  version: string,
): Promise<ModelVersionRecord> {
  // SERIALIZABLE and retried: two promotions racing must not leave two active versions.
  await withTransaction(
    db,
    async (client) => {
      const { rows } = await client.query<{ id: string }>(
        'SELECT id FROM model_versions WHERE kind = $1::model_kind AND version = $2',
        [DB_KIND[kind], version],
      );
      const targetId = rows[0]?.id;
      if (!targetId) throw new NotFoundError(`${kind} model version`, version);
      await client.query(
        'UPDATE model_versions SET active = false WHERE kind = $1::model_kind AND active AND id <> $2',
        [DB_KIND[kind], targetId],
      );
      await client.query('UPDATE model_versions SET active = true WHERE id = $1', [targetId]);
    },
    { isolationLevel: 'SERIALIZABLE', maxAttempts: 5 },
  );
  return showModelVersion(db, kind, version);
}

/** Registered versions, newest first, optionally of one kind. */
export async function listModelVersions(
  db: RegistryDb,
  options: { kind?: ModelKind } = {},
): Promise<ModelVersionRecord[]> {
  const rows = await db.prisma.modelVersion.findMany({
    where: options.kind ? { kind: DB_KIND[options.kind] } : {},
    orderBy: [{ kind: 'asc' }, { createdAt: 'desc' }],
  });
  return rows.map(toRecord);
}

/** One version; NotFoundError when it is not registered. */
export async function showModelVersion(
  db: RegistryDb,
  kind: ModelKind,
  version: string,
): Promise<ModelVersionRecord> {
  const row = await db.prisma.modelVersion.findUnique({
    where: { kind_version: { kind: DB_KIND[kind], version } },
  });
  if (!row) throw new NotFoundError(`${kind} model version`, version);
  return toRecord(row);
}

/** `latest` is the active version of the kind (promoted, not merely newest); anything else an exact version. */
export async function resolveModelVersion(
  db: RegistryDb,
  kind: ModelKind,
  version: string,
): Promise<ModelVersionRecord> {
  if (version !== 'latest') return showModelVersion(db, kind, version);
  const row = await db.prisma.modelVersion.findFirst({ where: { kind: DB_KIND[kind], active: true } });
  if (!row) throw new NotFoundError(`active ${kind} model version (run kiago models promote)`, 'latest');
  return toRecord(row);
}
