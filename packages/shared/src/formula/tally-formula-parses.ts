import { FormulaError, type FormulaErrorReason } from '../errors.js';
import { parseFormula } from './parse-formula.js';

export interface FormulaRejections {
  count: number;
  /** How many rejected rows each offending token accounts for, e.g. M → 162. */
  tokens: Map<string, number>;
  /** The first few rejected formulas. */
  examples: string[];
}

export interface FormulaParseTally {
  total: number;
  parsed: number;
  rejected: number;
  byReason: Map<FormulaErrorReason, FormulaRejections>;
}

/** Parses every formula and counts how many parse and why the others are rejected. */
export function tallyFormulaParses(formulas: Iterable<string>, examplesPerReason = 3): FormulaParseTally {
  const tally: FormulaParseTally = { total: 0, parsed: 0, rejected: 0, byReason: new Map() };
  for (const formula of formulas) {
    tally.total += 1;
    try {
      parseFormula(formula);
      tally.parsed += 1;
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      tally.rejected += 1;
      const entry: FormulaRejections = tally.byReason.get(error.reason) ?? {
        count: 0,
        tokens: new Map(),
        examples: [],
      };
      entry.count += 1;
      entry.tokens.set(error.token, (entry.tokens.get(error.token) ?? 0) + 1);
      if (entry.examples.length < examplesPerReason) entry.examples.push(formula);
      tally.byReason.set(error.reason, entry);
    }
  }
  return tally;
}
