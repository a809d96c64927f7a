import { ELEMENT_COUNT } from '@kiago/shared';
import { SUPERCON_ELEMENT_COUNTS } from './element-frequency.gen.js';

/** Draws an element index (Z − 1) from `random` (values in [0, 1)). */
export type ElementSampler = (random: () => number) => number;

/**
 * Element draws weighted by their SuperCon training-set frequency, limited to the elements the
 * mask lets through (the reference draws over all 118 and lets the masks erase what they forbid;
 * drawing inside the mask keeps a swapped amount instead of losing it). Allowed elements never
 * seen in SuperCon get no weight, unless none of the allowed ones was seen: then all are equally likely.
 */
export function frequencyElementSampler(
  allowedMask: ArrayLike<number>,
  counts: readonly number[] = SUPERCON_ELEMENT_COUNTS,
): ElementSampler {
  const allowed = Array.from({ length: ELEMENT_COUNT }, (_, e) => e).filter((e) => (allowedMask[e] ?? 0) > 0);
  if (allowed.length === 0) throw new RangeError('frequencyElementSampler: the mask allows no element');
  const seen = allowed.filter((e) => (counts[e] ?? 0) > 0);
  const pool = seen.length > 0 ? seen : allowed;
  const cumulative: number[] = [];
  let total = 0;
  for (const e of pool) {
    total += seen.length > 0 ? (counts[e] ?? 0) : 1;
    cumulative.push(total);
  }
  return (random) => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return pool[low]!;
  };
}
