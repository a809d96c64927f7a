import { elementBySymbol } from '@kiago/shared';
import { z } from 'zod';
import { outputFormatSchema } from '../output/format.js';

/** Flag schemas shared by the campaign, run, candidates, materials, schedule and report commands. */
export const formatFlag = z.enum(outputFormatSchema.options, {
  error: '--format must be table, json or csv',
});

export const runIdArgument = z.uuid({
  error: 'RUN must be a run id (a uuid, e.g. from kiago campaign show)',
});

// The one way a command reads a number flag: the text must be a plain number written out (NaN,
// Infinity, hex and '' are refused rather than read as numbers), then the range is checked.
const WHOLE_NUMBER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export interface FlagRange {
  min?: number;
  max?: number;
}

/** A whole-number flag (counts, seeds, indices) within `range`. */
export function integerFlag(flag: string, { min, max }: FlagRange = {}) {
  let value = z.int(`${flag} must be a whole number`);
  if (min !== undefined) value = value.min(min, `${flag} must be at least ${min}`);
  if (max !== undefined) value = value.max(max, `${flag} must be at most ${max}`);
  return z
    .string({ error: `${flag} must be a whole number` })
    .regex(WHOLE_NUMBER, `${flag} must be a whole number${rangeText(min, max)}`)
    .transform(Number)
    .pipe(value);
}

/** A decimal flag in `unit`; `positive` refuses 0 and below. */
export function decimalFlag(
  flag: string,
  unit: string,
  { positive = false, max }: { positive?: boolean; max?: number } = {},
) {
  // 1e999 reads as Infinity: refuse it here, in the flag's name, not deeper down in a query's.
  let value = z.number({ error: `${flag} must be a finite number of ${unit}` });
  if (positive) value = value.positive(`${flag} must be more than 0 ${unit}`);
  if (max !== undefined) value = value.max(max, `${flag} must be at most ${max} ${unit}`);
  return z
    .string({ error: `${flag} must be a number of ${unit}` })
    .regex(DECIMAL, `${flag} must be a number of ${unit}, e.g. 0.1`)
    .transform(Number)
    .pipe(value);
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  return max !== undefined ? ` ≤ ${max}` : '';
}

/** `Cu,O` or `Cu O` (repeatable flag) → ['Cu', 'O'], every symbol a real element. */
export function elementListFlag(flag: string) {
  return z
    .array(z.string())
    .transform((values) =>
      values.flatMap((value) => value.split(/[\s,]+/)).filter((symbol) => symbol.length > 0),
    )
    .superRefine((symbols, ctx) => {
      for (const symbol of symbols) {
        if (!elementBySymbol(symbol)) {
          ctx.addIssue({
            code: 'custom',
            message: `${flag}: ${JSON.stringify(symbol)} is not an element symbol`,
          });
        }
      }
    })
    .default([]);
}
