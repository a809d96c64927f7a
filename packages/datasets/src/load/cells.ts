import {
  type Composition,
  CompositionError,
  canonicalKey,
  elementSetKey,
  FormulaError,
  parseFormula,
} from '@kiago/shared';
import { z } from 'zod';

/** A parsed composition with its dedupe key (reduced formula) and chemical-system key. */
export interface CompositionCell {
  /** The source text, verbatim. */
  formula: string;
  composition: Composition;
  /** `canonicalKey(composition)`: reduced integer formula ordered by Z. */
  key: string;
  /** `elementSetKey(composition)`: symbols sorted alphabetically, joined by `-`. */
  elementSetKey: string;
}

/** Parses and keys a composition; a FormulaError propagates to the caller. */
export function compositionCell(formula: string, composition: Composition): CompositionCell {
  return { formula, composition, key: canonicalKey(composition), elementSetKey: elementSetKey(composition) };
}

/**
 * Formula text → CompositionCell. A FormulaError (or a CompositionError from keying, e.g. counts
 * beyond 2^53) becomes a zod issue whose `params.dropReason` is the error's reason
 * (`non-element-symbol`, `malformed`, …): that is the row's drop reason.
 */
export const formulaCell = z
  .string()
  .trim()
  .transform((text, ctx) => {
    try {
      return compositionCell(text, parseFormula(text));
    } catch (error) {
      if (!(error instanceof FormulaError || error instanceof CompositionError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message, params: { dropReason: error.reason } });
      return z.NEVER;
    }
  });

export interface NumberBounds {
  min: number;
  max: number;
  /** True when `min` itself is not allowed. */
  minExclusive?: boolean;
  /** Unit suffix for the drop reason, e.g. `K`, `eV-per-atom`. */
  unit: string;
}

/** Plain decimal notation only: `Number()` alone would also accept `0x10`, `Infinity` and `` (as 0). */
const DECIMAL_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite number within `bounds`; the issue message is the drop reason (`below-0-K`, `not-a-number`). */
export function boundedNumber(bounds: NumberBounds) {
  const number = z.number({ error: 'not-a-number' });
  const lower = bounds.minExclusive
    ? number.gt(bounds.min, { error: `at-or-below-${bounds.min}-${bounds.unit}` })
    : number.gte(bounds.min, { error: `below-${bounds.min}-${bounds.unit}` });
  return lower.lte(bounds.max, { error: `above-${bounds.max}-${bounds.unit}` });
}

/** Decimal text → number within `bounds`; empty, NaN, ±Infinity and out-of-range values are issues. */
export function numberCell(bounds: NumberBounds) {
  return z
    .string()
    .trim()
    .min(1, { error: 'empty' })
    .regex(DECIMAL_NUMBER, { error: 'not-a-number' })
    .transform(Number)
    .pipe(boundedNumber(bounds));
}

/** Non-empty identifier text (material ids). */
export const idCell = z.string().trim().min(1, { error: 'empty' });

/** Python-style boolean text as written by pandas (`True` / `False`). */
export const pythonBoolCell = z
  .enum(['True', 'False'], { error: 'not-True-or-False' })
  .transform((v) => v === 'True');

/** Matbench 0/1 class labels. */
export const binaryLabelCell = z.enum(['0', '1'], { error: 'not-0-or-1' }).transform((v) => v === '1');

/** The drop reason for a failed row: a FormulaError reason, else `<column>:<problem>`. */
export function dropReasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  if (issue.code === 'custom') {
    const reason = (issue.params as { dropReason?: unknown } | undefined)?.dropReason;
    if (typeof reason === 'string') return reason;
  }
  const path = issue.path.map(String).join('.');
  return path ? `${path}:${issue.message}` : issue.message;
}
