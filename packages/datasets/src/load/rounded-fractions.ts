import type { Composition } from '@kiago/shared';
import { z } from 'zod';
import { compositionCell, formulaCell } from './cells.js';

/** The largest formula unit tried when recovering integer counts (OQMD cells stay far below it). */
export const MAX_ATOMS_PER_FORMULA_UNIT = 200;

/**
 * Integer counts behind atomic fractions printed with `decimals` decimals: the smallest N ≤ maxAtoms
 * for which every fraction × N lies within rounding error of a positive integer. Roost's OQMD file
 * writes Pr2Pt2O5 as `O0.555600Pr0.222200Pt0.222200` (4 significant decimals); taken at face value
 * the 0.5556/0.2222 ratio keys as a 1000-denominator fraction, not as the compound it rounds.
 * Returns undefined when no N fits.
 */
export function countsFromRoundedFractions(
  composition: Composition,
  decimals: number,
  maxAtoms = MAX_ATOMS_PER_FORMULA_UNIT,
): Map<string, number> | undefined {
  // The printed fractions are used as they are: renormalising a sum of 1.0001 would shift every
  // fraction by more than its own rounding error.
  const fractions = [...composition];
  const roundingError = 0.5 * 10 ** -decimals * 1.01; // half a unit in the last decimal, plus float slack
  for (let atoms = 1; atoms <= maxAtoms; atoms++) {
    const counts = new Map<string, number>();
    for (const [symbol, fraction] of fractions) {
      const count = Math.round(fraction * atoms);
      if (count < 1 || Math.abs(fraction * atoms - count) > atoms * roundingError + 1e-9) break;
      counts.set(symbol, count);
    }
    if (counts.size === fractions.length) return counts;
  }
  return undefined;
}

/** A formula written as rounded atomic fractions → CompositionCell over the recovered integer counts. */
export function roundedFractionsCell(decimals: number) {
  return formulaCell.transform((cell, ctx) => {
    const counts = countsFromRoundedFractions(cell.composition, decimals);
    if (counts) return compositionCell(cell.formula, counts);
    ctx.addIssue({
      code: 'custom',
      message: `no formula unit of up to ${MAX_ATOMS_PER_FORMULA_UNIT} atoms matches the fractions`,
      params: { dropReason: 'fractions-without-integer-counts' },
    });
    return z.NEVER;
  });
}
