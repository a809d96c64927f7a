import type { Composition } from './composition.js';
import { CompositionError } from './composition-error.js';
import { gcd, limitDenominator } from './rational.js';
import { resolveComposition } from './resolve-composition.js';

/**
 * Default limit on each denominator. 1000 keeps the optimiser's integer forms (count/N, N ≤ 199) and
 * SuperCon doping levels with up to three decimals exact (`Ho0.333Ce0.667` → Ho333Ce667) while float
 * noise such as 0.30000000000000004 snaps back. Fractions rounded to 4 decimals (`O0.5556Pr0.2222`)
 * are taken literally (O2498Pr999); pass a smaller limit (100 → O5Pr2) to recover small integers.
 */
export const DEFAULT_MAX_DENOMINATOR = 1000;

/**
 * Smallest integer counts in the composition's proportions, in the map's insertion order:
 * 1. divide every amount by the smallest one (so the result does not depend on the scale, and no
 *    element can round to 0),
 * 2. approximate each ratio by the closest fraction with denominator ≤ maxDenominator,
 * 3. multiply by the LCM of the denominators, 4. divide by the GCD of the counts.
 * e.g. La1.85Sr0.15CuO4 → La37 Sr3 Cu20 O80; Fe0.4O0.6 → Fe2 O3.
 * Throws CompositionError('counts-too-large') when a count would exceed Number.MAX_SAFE_INTEGER.
 */
export function toIntegerCounts(
  comp: Composition,
  maxDenominator = DEFAULT_MAX_DENOMINATOR,
): Map<string, number> {
  if (!(Number.isInteger(maxDenominator) && maxDenominator >= 1)) {
    throw new CompositionError('bad-option', `maxDenominator ${maxDenominator} is not a positive integer`);
  }
  const entries = resolveComposition(comp);
  const smallest = Math.min(...entries.map((e) => e.amount));
  // Amounts so far apart that a ratio overflows (Cu1e-320 O1) have no exact integer form.
  const largestRatio = Math.max(...entries.map((e) => e.amount)) / smallest;
  if (!(largestRatio <= Number.MAX_SAFE_INTEGER)) {
    throw new CompositionError(
      'counts-too-large',
      `amounts differ by a factor of ${largestRatio}, above 2^53 - 1`,
    );
  }
  const ratios = entries.map((e) => limitDenominator(e.amount / smallest, maxDenominator));
  const lcm = ratios.reduce((acc, r) => (acc / gcd(acc, r.denominator)) * r.denominator, 1n);
  const scaled = ratios.map((r) => r.numerator * (lcm / r.denominator));
  const divisor = scaled.reduce((acc, count) => gcd(acc, count), 0n);
  const counts = new Map<string, number>();
  entries.forEach(({ element }, i) => {
    const count = scaled[i]! / divisor;
    if (count > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new CompositionError('counts-too-large', `${element.symbol} count ${count} exceeds 2^53 - 1`);
    }
    counts.set(element.symbol, Number(count));
  });
  return counts;
}
