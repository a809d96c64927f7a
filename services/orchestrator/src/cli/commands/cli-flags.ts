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

/** A plain decimal (NaN, Infinity and hex are refused rather than read as numbers). */
export function decimalFlag(flag: string, unit: string) {
  return (
    z
      .string({ error: `${flag} must be a number of ${unit}` })
      .regex(/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/, `${flag} must be a number of ${unit}, e.g. 0.1`)
      .transform(Number)
      // 1e999 reads as Infinity: refuse it here, in the flag's name, not deeper down in a query's.
      .pipe(z.number({ error: `${flag} must be a finite number of ${unit}` }))
  );
}

export function countFlag(flag: string, { min, max }: { min: number; max: number }) {
  return z
    .string({ error: `${flag} must be a whole number` })
    .regex(/^\d+$/, `${flag} must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.int().min(min, `${flag} must be at least ${min}`).max(max, `${flag} must be at most ${max}`));
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
