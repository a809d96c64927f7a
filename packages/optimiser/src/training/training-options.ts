import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';

const trainingOptionsSchema = z.object({
  epochs: z.number({ error: 'epochs must be a number' }).int('epochs must be an integer').min(1).max(10_000),
  batchSize: z
    .number({ error: 'batchSize must be a number' })
    .int('batchSize must be an integer')
    .min(1)
    .max(65_536),
  learningRate: z.number({ error: 'learningRate must be a number' }).positive('learningRate must be > 0'),
  /** Epochs without a better validation MAE before training stops. */
  patience: z.number().int().min(1, 'patience must be ≥ 1'),
  /** Epochs without improvement before the learning rate is multiplied by lrFactor. */
  lrPatience: z.number().int().min(1, 'lrPatience must be ≥ 1'),
  lrFactor: z.number().gt(0, 'lrFactor must be > 0').lt(1, 'lrFactor must be < 1'),
  minLearningRate: z.number().positive('minLearningRate must be > 0'),
  /** Seed of the per-epoch shuffle (not of the split: that is the data set's). */
  seed: z.number().int().min(0).max(0xffffffff, 'seed must be a uint32'),
  /** Targets are multiplied by this for training (Tc: 0.01, so Tc in K becomes O(1)). */
  targetScale: z.number().positive('targetScale must be > 0'),
  /** Stop after this many seconds of training (checked between epochs); null = no limit. */
  maxSeconds: z.number().positive('maxSeconds must be > 0').nullable(),
});

export type TrainingOptions = z.infer<typeof trainingOptionsSchema>;

export function parseTrainingOptions(options: TrainingOptions, source: string): TrainingOptions {
  return parseOrThrow(trainingOptionsSchema, options, source);
}
