import { access } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { Db } from '@kiago/db';
import { NotFoundError, TC_ENSEMBLE_MAX_MEMBERS } from '@kiago/shared';
import {
  createEfInference,
  createTcInference,
  type EfInference,
  type InferenceOptions,
  type TcInference,
} from '../inference/inference.js';
import { loadModelArtifact } from '../models/manifest-artifact.js';
import type { ShardModels } from '../optimiser/optimiser-step.js';
import { ModelArtifactError } from './activity-errors.js';

export interface ModelCacheOptions {
  db: Pick<Db, 'prisma'>;
  /** KIAGO_MODELS_DIR: where model directories are mounted when their registered path is not. */
  modelsDir?: string;
  inference?: InferenceOptions;
  /** Versions kept loaded per kind (a nightly run and a pinned old run may alternate). */
  capacity?: number;
}

interface Loaded<T> {
  inference: Promise<T>;
  dispose(): void;
}

export interface ModelCache {
  /** The folded Tc and Ef models of a run's pinned versions, loaded once per version. */
  shardModels(versions: { tcModelVersionId: string; efModelVersionId: string }): Promise<ShardModels>;
  ef(efModelVersionId: string): Promise<EfInference>;
  /** The folded members of a run's Tc ensemble, in order; kept apart from the optimising models. */
  tcEnsemble(tcModelVersionIds: readonly string[]): Promise<TcInference[]>;
  dispose(): void;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Loads registered model versions (ModelVersion rows) onto the active tfjs backend and keeps them. */
export function createModelCache(options: ModelCacheOptions): ModelCache {
  const capacity = options.capacity ?? 2;
  const loaded = {
    tc: new Map<string, Loaded<TcInference>>(),
    ef: new Map<string, Loaded<EfInference>>(),
    // Its own cache, sized for one whole ensemble: members must not evict the run's optimising models.
    tcEnsemble: new Map<string, Loaded<TcInference>>(),
  };

  async function directoryOf(id: string, kind: 'TC' | 'EF') {
    const row = await options.db.prisma.modelVersion.findUnique({ where: { id } });
    if (!row) throw new NotFoundError('model version', id);
    if (row.kind !== kind)
      throw new ModelArtifactError(id, `is a ${row.kind} model, a ${kind} model is needed`);
    const candidates = [isAbsolute(row.path) ? row.path : resolve(options.modelsDir ?? '.', row.path)];
    if (options.modelsDir) candidates.push(join(options.modelsDir, basename(row.path)));
    for (const dir of candidates) if (await exists(dir)) return { dir, version: row.version };
    throw new ModelArtifactError(
      id,
      `${kind} ${row.version}: no model directory at ${candidates.join(' or ')}`,
    );
  }

  function load<T extends { dispose(): void }>(
    cache: Map<string, Loaded<T>>,
    id: string,
    kind: 'TC' | 'EF',
    fold: (model: Awaited<ReturnType<typeof loadModelArtifact>>['model']) => T,
    cacheCapacity = capacity,
  ): Promise<T> {
    const hit = cache.get(id);
    if (hit) {
      cache.delete(id); // re-insert: Map order is the LRU order
      cache.set(id, hit);
      return hit.inference;
    }
    const inference = (async () => {
      const { dir, version } = await directoryOf(id, kind);
      const artifact = await loadModelArtifact(dir, { expectedKind: kind === 'TC' ? 'tc' : 'ef' });
      if (artifact.manifest.version !== version) {
        artifact.model.dispose();
        throw new ModelArtifactError(id, `${dir} holds version ${artifact.manifest.version}, not ${version}`);
      }
      // The folded copy holds its own weights; the layers model is not needed any more.
      const folded = fold(artifact.model);
      artifact.model.dispose();
      return folded;
    })();
    const entry: Loaded<T> = {
      inference,
      dispose: () =>
        void inference.then(
          (folded) => folded.dispose(),
          () => undefined,
        ),
    };
    // A failed load is not cached: the next shard tries again (the files may have been mounted since).
    entry.inference.catch(() => cache.delete(id));
    cache.set(id, entry);
    for (const [oldId, old] of cache) {
      if (cache.size <= cacheCapacity) break;
      cache.delete(oldId);
      old.dispose();
    }
    return entry.inference;
  }

  const tc = (id: string) =>
    load(loaded.tc, id, 'TC', (model) => createTcInference(model, options.inference));
  const ef = (id: string) =>
    load(loaded.ef, id, 'EF', (model) => createEfInference(model, options.inference));
  return {
    async shardModels({ tcModelVersionId, efModelVersionId }) {
      const [tcModel, efModel] = await Promise.all([tc(tcModelVersionId), ef(efModelVersionId)]);
      return { tc: tcModel, ef: efModel };
    },
    ef,
    tcEnsemble: (ids) =>
      Promise.all(
        ids.map((id) =>
          load(
            loaded.tcEnsemble,
            id,
            'TC',
            (model) => createTcInference(model, options.inference),
            TC_ENSEMBLE_MAX_MEMBERS,
          ),
        ),
      ),
    dispose() {
      for (const cache of [loaded.tc, loaded.ef, loaded.tcEnsemble] as Map<string, Loaded<unknown>>[]) {
        for (const entry of cache.values()) entry.dispose();
        cache.clear();
      }
    },
  };
}
