import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';

/**
 * Tc-model stems (models/tc-model.ts): `wide` keeps the 7×32 map through a stride-1 stem;
 * `reference` is torchvision's ImageNet stem (stride 2 + 3×3/2 max-pool), as the reference code has it.
 */
export const TC_STEMS = ['wide', 'reference'] as const;
export type TcStem = (typeof TC_STEMS)[number];
/** The stem a Tc model gets unless told otherwise (chosen by measurement: docs/models.md). */
export const DEFAULT_TC_STEM: TcStem = 'reference';

const modelOptionsSchema = z.object({
  width: z
    .number({ error: 'width must be a number' })
    .positive('width must be > 0')
    .max(4, 'width must be ≤ 4')
    .default(1),
  stem: z.enum(TC_STEMS, { error: `stem must be one of ${TC_STEMS.join(', ')}` }).default(DEFAULT_TC_STEM),
});

export interface ModelOptions {
  /** Channel / unit multiplier: 1 = the paper's size, e.g. 0.25 for CPU-sized variants. */
  width?: number;
  /** Tc model only (ElemNet ignores it). */
  stem?: TcStem;
}

/** Validated options with defaults applied; throws a SpecError naming the bad field. */
export function parseModelOptions(options: ModelOptions, source: string): Required<ModelOptions> {
  return parseOrThrow(modelOptionsSchema, options, source);
}

/** Channels or units after the width multiplier (at least 1). */
export function scaled(base: number, width: number): number {
  return Math.max(1, Math.round(base * width));
}
