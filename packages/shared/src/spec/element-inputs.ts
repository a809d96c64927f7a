import { z } from 'zod';
import { ELEMNET_SYMBOLS, elementBySymbol } from '../elements/index.js';
import { FormulaError } from '../errors.js';
import { parseFormula } from '../formula/parse-formula.js';

const elemNetSymbols = new Set(ELEMNET_SYMBOLS);

export function isElemNetElement(symbol: string): boolean {
  return elemNetSymbols.has(symbol);
}

/** A case-sensitive element symbol (`Cu`, not `cu` or `CU`). */
export const elementSymbolSchema = z.string().superRefine((symbol, ctx) => {
  if (elementBySymbol(symbol) === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `unknown element symbol ${JSON.stringify(symbol)}`,
      input: symbol,
    });
  }
});

/** A chemical formula, validated by the shared parser and kept as written (trimmed). */
export const formulaSchema = z
  .string()
  .trim()
  .min(1, 'must be a chemical formula, e.g. "La1.85Sr0.15CuO4"')
  .superRefine((text, ctx) => {
    try {
      parseFormula(text);
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message, input: text });
    }
  });

/** Amounts from a formula string, read literally: `H0.4` is `{ H: 0.4 }`, never renormalised. */
function formulaToRecord(value: unknown, ctx: z.RefinementCtx): unknown {
  if (typeof value !== 'string') return value;
  try {
    return Object.fromEntries(parseFormula(value));
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message, input: value });
    return z.NEVER;
  }
}

/**
 * An element → amount map, written either as a map (`{ H: 0.4 }`) or as a formula (`H0.4`).
 * The output is a plain record so a parsed spec stays JSON (database column, workflow payload).
 */
export function elementAmountsSchema(
  amount: z.ZodNumber,
  options: { elemNetOnly: boolean },
): z.ZodType<Record<string, number>, string | Record<string, number>> {
  const record = z
    .record(z.string(), amount, 'must be a formula such as "Cu0.1O0.4" or a map such as { Cu: 0.1, O: 0.4 }')
    .superRefine((amounts, ctx) => {
      for (const symbol of Object.keys(amounts)) {
        if (elementBySymbol(symbol) === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [symbol],
            message: `unknown element symbol ${JSON.stringify(symbol)}`,
          });
        } else if (options.elemNetOnly && !isElemNetElement(symbol)) {
          ctx.addIssue({
            code: 'custom',
            path: [symbol],
            message: `${symbol} is not an ElemNet input element, so its formation energy cannot be predicted`,
          });
        }
      }
    });
  // preprocess types its input as unknown; callers write a formula or a map, so say so.
  return z.preprocess(formulaToRecord, record) as z.ZodType<
    Record<string, number>,
    string | Record<string, number>
  >;
}
