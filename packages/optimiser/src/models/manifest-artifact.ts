import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseOrThrow } from '@kiago/shared';
import type * as tf from '@tensorflow/tfjs';
import { ModelFormatError } from '../errors.js';
import {
  CURRENT_INPUTS,
  elementListHash,
  MODEL_MANIFEST,
  type ModelKind,
  type ModelManifest,
  modelManifestSchema,
} from './manifest.js';
import { ModelMismatchError } from './manifest-errors.js';
import { loadLayersModel, saveLayersModel } from './model-files.js';

export interface ModelArtifact {
  model: tf.LayersModel;
  manifest: ModelManifest;
}

/** Writes model.json + weights.bin, then manifest.json (validated first, so a bad one is never written). */
export async function saveModelArtifact(dir: string, model: tf.LayersModel, manifest: ModelManifest) {
  const valid = parseOrThrow(modelManifestSchema, manifest, `${dir}/${MODEL_MANIFEST}`);
  await saveLayersModel(model, dir);
  await writeValidManifest(dir, valid);
}

/** Replaces manifest.json alone (validated first; written through a rename, never half-written). */
export async function writeModelManifest(dir: string, manifest: ModelManifest) {
  await writeValidManifest(dir, parseOrThrow(modelManifestSchema, manifest, `${dir}/${MODEL_MANIFEST}`));
}

async function writeValidManifest(dir: string, valid: ModelManifest) {
  const partial = join(dir, `${MODEL_MANIFEST}.partial`);
  await writeFile(partial, `${JSON.stringify(valid, null, 2)}\n`);
  await rename(partial, join(dir, MODEL_MANIFEST));
}

/** Reads and validates manifest.json; ModelFormatError when missing or unreadable, SpecError naming fields when invalid. */
export async function readModelManifest(dir: string): Promise<ModelManifest> {
  const path = join(dir, MODEL_MANIFEST);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ModelFormatError(path, `cannot read the model manifest (${String(error)})`, { cause: error });
  }
  return parseOrThrow(modelManifestSchema, parsed, path);
}

/**
 * Throws ModelMismatchError when the manifest's kind, element list or atom map differ from what this
 * code feeds the model: such a model would run and return plausible nonsense.
 */
export function checkManifestCompatibility(dir: string, manifest: ModelManifest, expectedKind?: ModelKind) {
  if (expectedKind !== undefined && manifest.kind !== expectedKind) {
    throw new ModelMismatchError(
      dir,
      'kind',
      `it is a ${manifest.kind} model, a ${expectedKind} model is needed`,
    );
  }
  const current = CURRENT_INPUTS[manifest.kind];
  const hash = elementListHash(current.elements);
  if (manifest.input.elementCount !== current.elements.length || manifest.input.elementListHash !== hash) {
    throw new ModelMismatchError(
      dir,
      'element-list',
      `it was trained on a ${manifest.input.elementCount}-element input list (hash ${manifest.input.elementListHash.slice(0, 12)}…), ` +
        `this code feeds ${current.elements.length} elements (hash ${hash.slice(0, 12)}…); retrain it`,
    );
  }
  if (manifest.input.atomMapId !== current.atomMapId) {
    throw new ModelMismatchError(
      dir,
      'atom-map',
      `it was trained on atom map ${manifest.input.atomMapId ?? '(none)'}, this code uses ${current.atomMapId ?? '(none)'}; retrain it`,
    );
  }
}

/** Loads a model directory after validating its manifest against this code (see checkManifestCompatibility). */
export async function loadModelArtifact(
  dir: string,
  options: { expectedKind?: ModelKind } = {},
): Promise<ModelArtifact> {
  const manifest = await readModelManifest(dir);
  checkManifestCompatibility(dir, manifest, options.expectedKind);
  const model = await loadLayersModel(dir);
  const saved = (
    model.getUserDefinedMetadata() as { kiago?: { kind?: unknown; width?: unknown } } | undefined
  )?.kiago;
  if (saved?.kind !== manifest.kind || saved.width !== manifest.width) {
    model.dispose();
    throw new ModelMismatchError(
      dir,
      saved?.kind !== manifest.kind ? 'kind' : 'width',
      `model.json says kind ${String(saved?.kind)}, width ${String(saved?.width)}; manifest.json says ${manifest.kind}, ${manifest.width}`,
    );
  }
  return { model, manifest };
}
