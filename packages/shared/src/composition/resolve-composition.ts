import type { Element } from '../elements/element.js';
import { elementBySymbol } from '../elements/element-lookup.js';
import type { Composition } from './composition.js';
import { CompositionError } from './composition-error.js';

export interface CompositionEntry {
  element: Element;
  amount: number;
}

/** Checks a composition and pairs each amount with its element, in the map's insertion order. */
export function resolveComposition(comp: Composition): CompositionEntry[] {
  if (comp.size === 0) throw new CompositionError('empty', 'no elements');
  const entries: CompositionEntry[] = [];
  for (const [symbol, amount] of comp) {
    const element = elementBySymbol(symbol);
    if (!element)
      throw new CompositionError('unknown-element', `unknown element symbol ${JSON.stringify(symbol)}`);
    if (!(amount > 0 && Number.isFinite(amount))) {
      throw new CompositionError('non-positive-amount', `${symbol} has amount ${amount}`);
    }
    entries.push({ element, amount });
  }
  return entries;
}

export function totalAmount(entries: readonly CompositionEntry[]): number {
  return entries.reduce((sum, e) => sum + e.amount, 0);
}
