import { FormulaError } from '../errors.js';
import type { Element } from './element.js';
import { ELEMENT_TABLE } from './element-table.gen.js';

/** All 118 elements; index = Z - 1 (H at 0). */
export const ELEMENTS: readonly Element[] = ELEMENT_TABLE;

const BY_SYMBOL: ReadonlyMap<string, Element> = new Map(ELEMENTS.map((e) => [e.symbol, e]));

/** Case-sensitive lookup (`Co` is cobalt, `CO` is not a symbol). */
export function elementBySymbol(symbol: string): Element | undefined {
  return BY_SYMBOL.get(symbol);
}

/** Like elementBySymbol, but an unknown symbol is a FormulaError('unknown-element') naming it. */
export function requireElement(symbol: string): Element {
  const element = BY_SYMBOL.get(symbol);
  if (!element) throw new FormulaError(symbol, 'unknown-element', symbol, `unknown element symbol ${symbol}`);
  return element;
}
