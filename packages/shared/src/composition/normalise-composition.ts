import type { Composition } from './composition.js';
import { resolveComposition, totalAmount } from './resolve-composition.js';

/** Same elements in the same order, amounts scaled to fractions that sum to 1. */
export function normaliseComposition(comp: Composition): Composition {
  const entries = resolveComposition(comp);
  const total = totalAmount(entries);
  return new Map(entries.map(({ element, amount }) => [element.symbol, amount / total]));
}
