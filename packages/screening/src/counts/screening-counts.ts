import { type Composition, toIntegerCounts } from '@kiago/shared';

/**
 * The integer formula screening works on: the amounts themselves when all are integers (the
 * optimiser writes round(x·N*), and the hydride rule needs those counts unreduced), otherwise the
 * smallest integer counts in the same proportions (La1.85Sr0.15CuO4 → La37Sr3Cu20O80).
 */
export function screeningCounts(composition: Composition): ReadonlyMap<string, number> {
  for (const amount of composition.values()) {
    if (!Number.isSafeInteger(amount)) return toIntegerCounts(composition);
  }
  return composition;
}
