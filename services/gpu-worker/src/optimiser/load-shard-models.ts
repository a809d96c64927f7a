import { createEfInference, createTcInference, type InferenceOptions } from '../inference/inference.js';
import type { ModelManifest } from '../models/manifest.js';
import { loadModelArtifact } from '../models/manifest-artifact.js';
import { shippedModelDir } from '../registry/shipped-models.js';
import type { ShardModels } from './optimiser-step.js';

export interface LoadedShardModels extends ShardModels {
  tcManifest: ModelManifest;
  efManifest: ModelManifest;
  tcDir: string;
  efDir: string;
  dispose(): void;
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
  const tc = createTcInference(tcArtifact.model, options.inference);
  const ef = createEfInference(efArtifact.model, options.inference);
  // The folded copies hold their own weights.
  tcArtifact.model.dispose();
  efArtifact.model.dispose();
  return {
    tc,
    ef,
    tcManifest: tcArtifact.manifest,
    efManifest: efArtifact.manifest,
    tcDir,
    efDir,
    dispose() {
      tc.dispose();
      ef.dispose();
    },
  };
}
