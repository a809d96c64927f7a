import type * as tf from '@tensorflow/tfjs';
import { createEfInference, createTcInference, type InferenceOptions } from '../inference/inference.js';
import type { ModelManifest } from '../models/manifest.js';
import { loadModelArtifact } from '../models/manifest-artifact.js';
import { shippedModelDir } from '../registry/shipped-models.js';
import type { ShardModels } from './optimiser-step.js';

export interface FoldedShardModels extends ShardModels {
  dispose(): void;
}

export interface LoadedShardModels extends FoldedShardModels {
  tcManifest: ModelManifest;
  efManifest: ModelManifest;
  tcDir: string;
  efDir: string;
}

/**
 * Folds a Tc layers model and an ElemNet for inference on the active backend and disposes the
 * layers models: the folded copies hold their own weights.
 */
export function foldShardModels(
  tcModel: tf.LayersModel,
  efModel: tf.LayersModel,
  inference?: InferenceOptions,
): FoldedShardModels {
  const tc = createTcInference(tcModel, inference);
  const ef = createEfInference(efModel, inference);
  tcModel.dispose();
  efModel.dispose();
  return {
    tc,
    ef,
    dispose() {
      tc.dispose();
      ef.dispose();
    },
  };
}

/**
 * Loads the Tc model and ElemNet (default: the newest shipped ones under models/shipped), checks
 * their manifests against this code, and folds them for inference on the active backend — select
 * the backend first.
 */
export async function loadShardModels(
  options: { tcDir?: string | undefined; efDir?: string | undefined; inference?: InferenceOptions } = {},
): Promise<LoadedShardModels> {
  const tcDir = options.tcDir ?? (await shippedModelDir('tc'));
  const efDir = options.efDir ?? (await shippedModelDir('ef'));
  const tcArtifact = await loadModelArtifact(tcDir, { expectedKind: 'tc' });
  const efArtifact = await loadModelArtifact(efDir, { expectedKind: 'ef' });
  return {
    ...foldShardModels(tcArtifact.model, efArtifact.model, options.inference),
    tcManifest: tcArtifact.manifest,
    efManifest: efArtifact.manifest,
    tcDir,
    efDir,
  };
}
