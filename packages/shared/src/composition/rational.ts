export interface Rational {
  numerator: bigint;
  denominator: bigint;
}

export function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The exact value of a positive finite double: doubling is exact, so the denominator is 2^k. */
function exactRational(x: number): Rational {
  let scaled = x;
  let denominator = 1n;
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    denominator *= 2n;
  }
  return { numerator: BigInt(scaled), denominator };
}

/**
 * Closest fraction to `x` (> 0) with denominator ≤ maxDenominator: continued-fraction convergents plus
 * the last semiconvergent, the algorithm of Python's `Fraction(x).limit_denominator(maxDenominator)`,
 * run in exact BigInt arithmetic so float noise cannot change the answer.
 */
export function limitDenominator(x: number, maxDenominator: number): Rational {
  const exact = exactRational(x);
  const limit = BigInt(maxDenominator);
  if (exact.denominator <= limit) return exact;
  let [p0, q0, p1, q1] = [0n, 1n, 1n, 0n];
  let [n, d] = [exact.numerator, exact.denominator];
  for (;;) {
    const a = n / d;
    const q2 = q0 + a * q1;
    if (q2 > limit) break;
    [p0, q0, p1, q1] = [p1, q1, p0 + a * p1, q2];
    [n, d] = [d, n - a * d];
  }
  const k = (limit - q0) / q1;
  // p1/q1 is the last convergent, (p0 + k p1)/(q0 + k q1) the best semiconvergent; take the closer.
  if (2n * d * (q0 + k * q1) <= exact.denominator) return { numerator: p1, denominator: q1 };
  return { numerator: p0 + k * p1, denominator: q0 + k * q1 };
}
