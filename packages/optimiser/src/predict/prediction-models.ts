import type { Db } from '@kiago/db';
import { type LoadedShardModels, loadShardModels } from '../optimiser/load-shard-models.js';
import { resolveModelVersion } from '../registry/model-registry.js';
import { selectTfBackend } from '../tf/backend.js';
import type { TfBackendChoice } from '../tf/backend-choice.js';

export interface PredictionModels {
  tcVersion: string;
  efVersion: string;
  models: LoadedShardModels;
}

/**
 * Loads the registered Tc and Ef versions ('latest' = the active, pinned one) once per pair and
 * keeps them: `kiago predict` loads one pair, the API serves many requests from the same pair.
 * With `backend` it selects that TensorFlow backend before the first load (the API process);
 * without, the caller has selected one (the CLI).
 */
export class PredictionModelCache {
  readonly #loaded = new Map<string, Promise<PredictionModels>>();
  readonly #choice: TfBackendChoice | undefined;
  #backend: Promise<unknown> | null;

  constructor(options: { backend?: TfBackendChoice } = {}) {
    this.#choice = options.backend;
    this.#backend = options.backend ? null : Promise.resolve();
  }

  async get(db: Pick<Db, 'prisma'>, tc: string, ef: string): Promise<PredictionModels> {
    this.#backend ??= selectTfBackend(this.#choice ?? 'auto', () => undefined);
    await this.#backend;
    const [tcRecord, efRecord] = await Promise.all([
      resolveModelVersion(db, 'tc', tc),
      resolveModelVersion(db, 'ef', ef),
    ]);
    const key = `${tcRecord.version}\u0000${efRecord.version}`;
    let entry = this.#loaded.get(key);
    if (entry === undefined) {
      entry = loadShardModels({ tcDir: tcRecord.path, efDir: efRecord.path }).then((models) => ({
        tcVersion: tcRecord.version,
        efVersion: efRecord.version,
        models,
      }));
      // A failed load is not cached: the next request tries again.
      entry.catch(() => this.#loaded.delete(key));
      this.#loaded.set(key, entry);
    }
    return entry;
  }

  async dispose(): Promise<void> {
    const entries = [...this.#loaded.values()];
    this.#loaded.clear();
    for (const entry of entries) (await entry.catch(() => undefined))?.models.dispose();
  }
}
