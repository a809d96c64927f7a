import { z } from 'zod';

export const SPLIT_NAMES = ['train', 'val', 'test'] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];

/** Share of rows per split; they sum to 1. */
export type SplitFractions = Record<SplitName, number>;

/** DESIGN §6: 80/5/15. */
export const DEFAULT_SPLIT_FRACTIONS: Readonly<SplitFractions> = { train: 0.8, val: 0.05, test: 0.15 };

/** `grouped`: whole element sets per split (the default); `random`: row-level, for comparison only. */
export const SPLIT_KINDS = ['grouped', 'random'] as const;
export type SplitKind = (typeof SPLIT_KINDS)[number];

/** The seed is a uint32 because mulberry32's state is one. */
export const splitSeedSchema = z
  .number({ error: 'seed must be a number' })
  .int('seed must be an integer')
  .min(0, 'seed must be ≥ 0')
  .max(0xffffffff, 'seed must be ≤ 4294967295');

const fractionSchema = z.number({ error: 'must be a number' }).min(0, 'must be ≥ 0').max(1, 'must be ≤ 1');

export const splitFractionsSchema = z
  .object({ train: fractionSchema, val: fractionSchema, test: fractionSchema })
  .refine(({ train, val, test }) => Math.abs(train + val + test - 1) < 1e-9, {
    error: 'train + val + test must sum to 1',
  });

const splitKindSchema = z.enum(SPLIT_KINDS, {
  error: `split must be one of ${SPLIT_KINDS.join(', ')}`,
});

/** What every data-set builder takes: where the data is and how to split it. */
export interface DatasetBuildOptions {
  /** Data directory, from the caller (`resolveDataDir` of @kiago/datasets turns flag + env into one). */
  dataDir: string;
  /** Split seed (uint32), recorded in the model manifest. */
  seed: number;
  split?: SplitKind | undefined;
  fractions?: SplitFractions | undefined;
}

/** Parses DatasetBuildOptions; builders `.extend` it with their own options. */
export const datasetBuildOptionsSchema = z.object({
  dataDir: z.string().trim().min(1, 'dataDir must not be empty'),
  seed: splitSeedSchema,
  split: splitKindSchema.default('grouped'),
  fractions: splitFractionsSchema.default({ ...DEFAULT_SPLIT_FRACTIONS }),
});
