import { formatFormula } from '../formula/format-formula.js';
import type { Composition } from './composition.js';
import { toIntegerCounts } from './integer-counts.js';
import { resolveComposition } from './resolve-composition.js';

/**
 * Reduced integer formula with elements ordered by Z (DESIGN §4), e.g. La2CuO4 → "O4CuLa2",
 * La1.85Sr0.15CuO4 → "O80Cu20Sr3La37". Counts come from toIntegerCounts with its default limit.
 */
export function reducedFormula(comp: Composition): string {
  return formatFormula(toIntegerCounts(comp), { order: 'z' });
}

/** Dedupe key of a material: its reduced formula, so Fe2O3, Fe4O6 and Fe0.4O0.6 share one key. */
export function canonicalKey(comp: Composition): string {
  return reducedFormula(comp);
}

/** Chemical system: symbols sorted alphabetically (code-unit order, as pymatgen), joined by '-': "Cu-La-O". */
export function elementSetKey(comp: Composition): string {
  return resolveComposition(comp)
    .map((e) => e.element.symbol)
    .sort()
    .join('-');
}
