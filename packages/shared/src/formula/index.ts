export { type FormatFormulaOptions, formatFormula } from './format-formula.js';
export { NON_ELEMENT_SYMBOLS } from './non-element-symbols.js';
export { parseFormula } from './parse-formula.js';
export {
  type FormulaParseTally,
  type FormulaRejections,
  tallyFormulaParses,
} from './tally-formula-parses.js';
