import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toSpecIssues } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { ModelFormatError } from '../errors.js';

export const MODEL_JSON = 'model.json';
export const MODEL_WEIGHTS = 'weights.bin';

/**
 * A tfjs IOHandler for a directory holding `model.json` + `weights.bin`: the layers format that
 * tfjs-node's `file://` handler writes, available on every backend (wasm and cpu included).
 */
export function modelDirectory(dir: string): tf.io.IOHandler {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      if (artifacts.modelTopology instanceof ArrayBuffer || artifacts.modelTopology === undefined) {
        throw new ModelFormatError(dir, 'only layers models (JSON topology) can be saved');
      }
      const weights =
        artifacts.weightData === undefined
          ? new ArrayBuffer(0)
          : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const modelJson: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format ?? 'layers-model',
        generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: artifacts.convertedBy ?? null,
        weightsManifest: [{ paths: [`./${MODEL_WEIGHTS}`], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig === undefined ? {} : { trainingConfig: artifacts.trainingConfig }),
        ...(artifacts.userDefinedMetadata === undefined
          ? {}
          : { userDefinedMetadata: artifacts.userDefinedMetadata }),
      };
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, MODEL_WEIGHTS), new Uint8Array(weights));
      // model.json last, through a rename: a reader never sees it pointing at missing weights.
      const partial = join(dir, `${MODEL_JSON}.partial`);
      await writeFile(partial, JSON.stringify(modelJson));
      await rename(partial, join(dir, MODEL_JSON));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },

    async load(): Promise<tf.io.ModelArtifacts> {
      const modelJson = await readModelJson(dir);
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const buffers = await Promise.all(
          manifest.flatMap((group) => group.paths).map((path) => readFile(join(dir, path))),
        );
        const weights = tf.io.CompositeArrayBuffer.join(buffers.map((buffer) => toArrayBuffer(buffer)));
        return [tf.io.getWeightSpecs(manifest), weights];
      });
    },
  };
}

/** Saves a layers model into `dir` (created if needed) as model.json + weights.bin. */
export async function saveLayersModel(model: tf.LayersModel, dir: string): Promise<void> {
  await model.save(modelDirectory(dir));
}

/** Loads a layers model saved by saveLayersModel (or tfjs-node's `file://` handler). */
export async function loadLayersModel(dir: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(modelDirectory(dir));
}

async function readModelJson(dir: string): Promise<tf.io.ModelJSON> {
  const path = join(dir, MODEL_JSON);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ModelFormatError(path, `cannot read the model description (${String(error)})`, {
      cause: error,
    });
  }
  const result = modelJsonSchema.safeParse(parsed);
  if (!result.success) {
    const issues = toSpecIssues(result.error).map((issue) => `${issue.path || '(root)'}: ${issue.message}`);
    throw new ModelFormatError(path, `not a tfjs layers model.json: ${issues.join('; ')}`);
  }
  // The schema checks what this module reads; the rest is tfjs's to interpret.
  return result.data as tf.io.ModelJSON;
}

const modelJsonSchema = z.looseObject({
  modelTopology: z.record(z.string(), z.unknown(), { error: 'modelTopology must be an object' }),
  weightsManifest: z.array(
    z.looseObject({
      paths: z.array(z.string().regex(/^[^/\\]+$|^\.\/[^/\\]+$/, 'weight files must sit next to model.json')),
      weights: z.array(
        z.looseObject({
          name: z.string(),
          shape: z.array(z.number().int().nonnegative()),
          dtype: z.string(),
        }),
      ),
    }),
  ),
});

function toArrayBuffer(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}
