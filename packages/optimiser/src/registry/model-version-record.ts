import type { ModelVersion } from '@kiago/db';
import type { ModelKind, ModelManifest } from '../models/manifest.js';

/** A registered model version as callers see it (kind in the manifest's lower case). */
export interface ModelVersionRecord {
  id: string;
  kind: ModelKind;
  version: string;
  /** Absolute directory holding model.json, weights.bin and manifest.json. */
  path: string;
  active: boolean;
  createdAt: Date;
  manifest: ModelManifest;
}

export const DB_KIND = { tc: 'TC', ef: 'EF' } as const satisfies Record<ModelKind, ModelVersion['kind']>;

export function toRecord(row: ModelVersion): ModelVersionRecord {
  return {
    id: row.id,
    kind: row.kind === 'TC' ? 'tc' : 'ef',
    version: row.version,
    path: row.path,
    active: row.active,
    createdAt: row.createdAt,
    // Validated on registration; the column is written only by registerModelVersion.
    manifest: row.manifest as unknown as ModelManifest,
  };
}
