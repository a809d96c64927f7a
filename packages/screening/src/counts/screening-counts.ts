import { type Composition, CompositionError, toIntegerCounts } from '@kiago/shared';

/**
 * The charge search holds its reachable sums as bitsets one bit per unit of charge, so a formula's
 * atom count bounds its memory; 100,000 atoms is far above SuperCon (≤ 2000) and the optimiser's
 * N ≤ 10,000, and keeps one search to a few MB (Cu0.000000001O1 → O1000000000Cu1 would need GBs).
 */
export const MAX_SCREENING_ATOMS = 100_000;

/**
 * The integer formula screening works on: the amounts themselves when all are integers (the
 * optimiser writes round(x·N*), and the hydride rule needs those counts unreduced), otherwise the
 * smallest integer counts in the same proportions (La1.85Sr0.15CuO4 → La37Sr3Cu20O80).
 */
export function screeningCounts(composition: Composition): ReadonlyMap<string, number> {
  const allIntegers = [...composition.values()].every((amount) => Number.isSafeInteger(amount));
  const counts = allIntegers ? composition : toIntegerCounts(composition);
  const atoms = [...counts.values()].reduce((sum, count) => sum + count, 0);
  if (atoms > MAX_SCREENING_ATOMS) {
    throw new CompositionError(
      'counts-too-large',
      `${atoms} atoms in its integer formula; screening takes at most ${MAX_SCREENING_ATOMS}`,
    );
  }
  return counts;
}
