import { ELEMENT_COUNT } from '../elements/element.js';
import { ELEMENTS } from '../elements/element-lookup.js';
import type { Composition } from './composition.js';
import { CompositionError } from './composition-error.js';
import { resolveComposition, totalAmount } from './resolve-composition.js';

/** The 118 atomic fractions ordered by Z (H at index 0); they sum to 1. */
export function compositionToVector(comp: Composition): Float64Array {
  const entries = resolveComposition(comp);
  const total = totalAmount(entries);
  const vector = new Float64Array(ELEMENT_COUNT);
  for (const { element, amount } of entries) vector[element.z - 1] = amount / total;
  return vector;
}

/**
 * Elements whose share of the vector's total is above `minFraction` (default 0: every positive
 * entry), renormalised to sum to 1 and ordered by Z. The vector need not sum to 1.
 */
export function vectorToComposition(vector: ArrayLike<number>, minFraction = 0): Composition {
  if (vector.length !== ELEMENT_COUNT) {
    throw new CompositionError('bad-vector', `vector has length ${vector.length}, expected ${ELEMENT_COUNT}`);
  }
  if (!(minFraction >= 0 && minFraction < 1)) {
    throw new CompositionError('bad-option', `minFraction ${minFraction} is outside [0, 1)`);
  }
  let total = 0;
  for (let i = 0; i < ELEMENT_COUNT; i++) {
    const value = vector[i]!;
    if (!(value >= 0 && Number.isFinite(value))) {
      throw new CompositionError('bad-vector', `entry ${i} (${ELEMENTS[i]?.symbol}) is ${value}`);
    }
    total += value;
  }
  const kept: Array<[string, number]> = [];
  for (let i = 0; i < ELEMENT_COUNT; i++) {
    if (vector[i]! / total > minFraction) kept.push([ELEMENTS[i]!.symbol, vector[i]!]);
  }
  if (kept.length === 0) throw new CompositionError('empty', `no entry above minFraction ${minFraction}`);
  const keptTotal = kept.reduce((sum, [, value]) => sum + value, 0);
  return new Map(kept.map(([symbol, value]) => [symbol, value / keptTotal]));
}
