import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';

const modelOptionsSchema = z.object({
  width: z
    .number({ error: 'width must be a number' })
    .positive('width must be > 0')
    .max(4, 'width must be ≤ 4')
    .default(1),
});

export interface ModelOptions {
  /** Channel / unit multiplier: 1 = the paper's size, e.g. 0.25 for CPU-sized variants. */
  width?: number;
}

/** Validated options with defaults applied; throws a SpecError naming the bad field. */
export function parseModelOptions(options: ModelOptions, source: string): Required<ModelOptions> {
  return parseOrThrow(modelOptionsSchema, options, source);
}

/** Channels or units after the width multiplier (at least 1). */
export function scaled(base: number, width: number): number {
  return Math.max(1, Math.round(base * width));
}
