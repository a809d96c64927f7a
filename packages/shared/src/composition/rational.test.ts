import { describe, expect, it } from 'vitest';
import { gcd, limitDenominator } from './rational.js';

const approx = (x: number, maxDenominator: number) => {
  const r = limitDenominator(x, maxDenominator);
  return `${r.numerator}/${r.denominator}`;
};

describe('limitDenominator', () => {
  // Expected values from Python: Fraction(x).limit_denominator(n)
  it.each([
    [Math.PI, 1000, '355/113'],
    [Math.PI, 100, '311/99'],
    [0.333, 1000, '333/1000'],
    [0.333, 100, '1/3'],
    [1.85 / 0.15, 1000, '37/3'],
    [0.1 + 0.2, 1000, '3/10'],
    [2, 1000, '2/1'],
    [0.5, 1, '0/1'], // a tie goes to the convergent, as in Python
    [1.6180339887, 10, '13/8'],
  ])('%d with denominator ≤ %d → %s', (x, maxDenominator, expected) => {
    expect(approx(x, maxDenominator)).toBe(expected);
  });

  it('returns exactly representable dyadic values unchanged', () => {
    expect(approx(0.375, 8)).toBe('3/8');
  });
});

describe('gcd', () => {
  it('handles zero and signs', () => {
    expect(gcd(0n, 12n)).toBe(12n);
    expect(gcd(-18n, 12n)).toBe(6n);
  });
});
