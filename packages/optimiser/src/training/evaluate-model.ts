import { KiagoError } from '@kiago/shared';
import type { ModelManifest, SplitMetrics } from '../models/manifest.js';
import { loadModelArtifact, writeModelManifest } from '../models/manifest-artifact.js';
import { buildEfDataset } from './data/build-ef-dataset.js';
import { buildTcDataset } from './data/build-tc-dataset.js';
import { EF_SOURCES, type EfSource } from './data/ef-sources.js';
import { elementalOffsetsManifest } from './elemental-offsets-manifest.js';
import { regressionMetrics } from './metrics.js';
import { tcSplitMetrics } from './tc-metrics.js';
import { predictRows } from './train-loop.js';

/** The data this checkout builds for a model's recorded split is not the data it was evaluated on. */
export class EvaluationDataMismatchError extends KiagoError {
  readonly code = 'EVALUATION_DATA_MISMATCH';
  readonly nonRetryable = true;

  constructor(
    readonly dir: string,
    readonly field: 'dataHash' | 'splitHash' | 'source',
    message: string,
  ) {
    super(`${dir}: cannot evaluate on its recorded split: ${message}`);
  }
}

export interface EvaluateModelOptions {
  /** Data directory, from the caller (the CLI resolves its flag and KIAGO_DATA_DIR). */
  dataDir: string;
  /** Saves the recomputed metrics into the directory's manifest.json (weights untouched). */
  write?: boolean;
}

export interface ModelEvaluation {
  dir: string;
  /** The manifest with the recomputed metrics (what `write` saves). */
  manifest: ModelManifest;
  written: boolean;
}

/**
 * Recomputes a model directory's val/test metrics on the split its manifest records: the data set is
 * rebuilt with the recorded seed and split kind, and its data and split hashes must equal the
 * recorded ones, else the numbers would describe another split.
 */
export async function evaluateModelDir(dir: string, options: EvaluateModelOptions): Promise<ModelEvaluation> {
  const { model, manifest } = await loadModelArtifact(dir);
  try {
    const recorded = manifest.data;
    const plan = { seed: recorded.splitSeed, split: recorded.splitKind, dataDir: options.dataDir };
    let data: Awaited<ReturnType<typeof buildEfDataset>> | Awaited<ReturnType<typeof buildTcDataset>>;
    let splitMetrics: (split: 'val' | 'test', predicted: Float32Array) => SplitMetrics;
    if (manifest.kind === 'tc') {
      const tc = await buildTcDataset(plan);
      data = tc;
      splitMetrics = (split, predicted) => tcSplitMetrics(predicted, tc[split].y, tc[split].families);
    } else {
      data = await buildEfDataset({ ...plan, source: efSourceOf(dir, recorded.source) });
      const ef = data;
      splitMetrics = (split, predicted) => ({ overall: regressionMetrics(predicted, ef[split].y) });
    }
    for (const field of ['dataHash', 'splitHash'] as const) {
      if (data[field] !== recorded[field]) {
        throw new EvaluationDataMismatchError(
          dir,
          field,
          `the ${field} of the data this checkout builds (${data[field].slice(0, 12)}…) differs from the ` +
            `manifest's (${recorded[field].slice(0, 12)}…): the data directory or the data-set code changed`,
        );
      }
    }
    const evaluate = (split: 'val' | 'test') => splitMetrics(split, predictRows(model, data[split], 2048));
    const evaluated: ModelManifest = {
      ...manifest,
      metrics: {
        unit: manifest.metrics.unit,
        val: evaluate('val'),
        test: evaluate('test'),
        evaluated: { at: new Date().toISOString(), by: 'kiago models evaluate' },
      },
      ...(manifest.kind === 'ef' ? { elementalOffsets: elementalOffsetsManifest(model, data.test) } : {}),
    };
    if (options.write) await writeModelManifest(dir, evaluated);
    return { dir, manifest: evaluated, written: options.write === true };
  } finally {
    model.dispose();
  }
}

function efSourceOf(dir: string, source: string): EfSource {
  const known = EF_SOURCES.find((name) => name === source);
  if (!known) {
    throw new EvaluationDataMismatchError(
      dir,
      'source',
      `data.source ${JSON.stringify(source)} is none of ${EF_SOURCES.join(', ')}`,
    );
  }
  return known;
}
