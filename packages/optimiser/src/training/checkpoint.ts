import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseOrThrow } from '@kiago/shared';
import type * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { loadLayersModel, saveLayersModel } from '../models/model-files.js';

export interface EpochRecord {
  epoch: number;
  /** Mean training loss (scaled targets) over the epoch's batches. */
  trainLoss: number;
  /** Validation MAE in the target's unit (K, eV/atom). */
  valMae: number;
  learningRate: number;
  seconds: number;
}

const epochRecordSchema = z.object({
  epoch: z.number().int(),
  trainLoss: z.number(),
  valMae: z.number(),
  learningRate: z.number(),
  seconds: z.number(),
});

const checkpointStateSchema = z.object({
  /** Identifies the run; a resume against other data or options is refused. */
  fingerprint: z.string(),
  completedEpochs: z.number().int().min(0),
  bestEpoch: z.number().int().min(0),
  bestValMae: z.number(),
  learningRate: z.number().positive(),
  epochsSinceBest: z.number().int().min(0),
  epochsSinceLrChange: z.number().int().min(0),
  history: z.array(epochRecordSchema),
});

export type CheckpointState = z.infer<typeof checkpointStateSchema>;

const STATE_FILE = 'state.json';
/** Weights after the last finished epoch (resume point) and at the best validation MAE (the result). */
export const LAST_DIR = 'last';
export const BEST_DIR = 'best';

/** Saves the last-epoch model, the best model when it improved, then the state (last, so it never points ahead). */
export async function writeCheckpoint(
  dir: string,
  model: tf.LayersModel,
  state: CheckpointState,
  improved: boolean,
): Promise<void> {
  await saveLayersModel(model, join(dir, LAST_DIR));
  if (improved) await saveLayersModel(model, join(dir, BEST_DIR));
  const partial = join(dir, `${STATE_FILE}.partial`);
  await writeFile(partial, `${JSON.stringify(state, null, 2)}\n`);
  await rename(partial, join(dir, STATE_FILE));
}

/** The saved state, or null when the directory holds no checkpoint. */
export async function readCheckpointState(dir: string): Promise<CheckpointState | null> {
  let text: string;
  try {
    text = await readFile(join(dir, STATE_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseOrThrow(checkpointStateSchema, JSON.parse(text), join(dir, STATE_FILE));
}

/** Copies the weights saved under `dir/which` into `model` (same architecture). */
export async function restoreWeights(
  dir: string,
  which: typeof LAST_DIR | typeof BEST_DIR,
  model: tf.LayersModel,
) {
  const saved = await loadLayersModel(join(dir, which));
  model.setWeights(saved.getWeights());
  saved.dispose();
}
