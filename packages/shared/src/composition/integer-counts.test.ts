import { describe, expect, it } from 'vitest';
import { parseFormula } from '../formula/parse-formula.js';
import { CompositionError } from './composition-error.js';
import { toIntegerCounts } from './integer-counts.js';

const counts = (formula: string, maxDenominator?: number) =>
  Object.fromEntries(toIntegerCounts(parseFormula(formula), maxDenominator));

describe('toIntegerCounts worked examples', () => {
  it('La1.85Sr0.15CuO4: ratios to Sr are 37/3, 1, 20/3, 80/3 → LCM 3', () => {
    expect(counts('La1.85Sr0.15CuO4')).toEqual({ La: 37, Sr: 3, Cu: 20, O: 80 });
  });

  it('divides integer counts by their GCD', () => {
    expect(counts('Fe4O6')).toEqual({ Fe: 2, O: 3 });
    expect(counts('C6H12O6')).toEqual({ C: 1, H: 2, O: 1 });
  });

  it('gives the same counts at any scale', () => {
    expect(counts('Fe0.4O0.6')).toEqual({ Fe: 2, O: 3 });
    expect(counts('Ba0.4K0.6Fe2As2')).toEqual({ Ba: 2, K: 3, Fe: 10, As: 10 });
  });

  it('takes rounded fraction strings literally at the default limit; a smaller limit recovers 5:2:2', () => {
    // 0.5556 / 0.2222 = 2.50045…, closest within 1000 is 2498/999; within 100 it is 5/2.
    expect(counts('O0.555600Pr0.222200Pt0.222200')).toEqual({ O: 2498, Pr: 999, Pt: 999 });
    expect(counts('O0.555600Pr0.222200Pt0.222200', 100)).toEqual({ O: 5, Pr: 2, Pt: 2 });
  });

  it('is exact for the optimiser output form count/N with N ≤ 199 (DESIGN §5)', () => {
    const comp = new Map([
      ['Nb', 101 / 199],
      ['Sn', 98 / 199],
    ]);
    expect(Object.fromEntries(toIntegerCounts(comp))).toEqual({ Nb: 101, Sn: 98 });
  });

  it('keeps oxygen content to the written decimals: YBa2Cu3O6.94 → O347', () => {
    expect(counts('Y1Ba2Cu3O6.94')).toEqual({ Y: 50, Ba: 100, Cu: 150, O: 347 });
  });

  it('honours maxDenominator: 0.333/0.667 is literal at 1000, 1:2 at 100', () => {
    expect(counts('Ho0.333Ce0.667')).toEqual({ Ho: 333, Ce: 667 });
    expect(counts('Ho0.333Ce0.667', 100)).toEqual({ Ho: 1, Ce: 2 });
  });

  it('snaps float noise from fractions back to small integers', () => {
    const comp = new Map([
      ['Ga', 1 / 3],
      ['As', 1 / 3],
      ['Mn', 1 / 3],
    ]);
    expect(Object.fromEntries(toIntegerCounts(comp))).toEqual({ Ga: 1, As: 1, Mn: 1 });
  });

  it('never rounds a trace element away', () => {
    expect(counts('Nb1Ti0.0001')).toEqual({ Nb: 10000, Ti: 1 });
  });

  it('refuses counts beyond 2^53 and bad limits', () => {
    // Ratios 1 + 1/p for six primes near 1000 need LCM ≈ 8.5e17 > 2^53.
    const primes = [997, 991, 983, 977, 971, 967];
    const comp = new Map([
      ['Fe', 1],
      ...['Co', 'Ni', 'Cu', 'Zn', 'Ga', 'Ge'].map((s, i) => [s, 1 + 1 / primes[i]!] as const),
    ]);
    expect(() => toIntegerCounts(comp)).toThrow(CompositionError);
    expect(() => toIntegerCounts(comp)).toThrow(/exceeds 2\^53/);
    expect(() => toIntegerCounts(parseFormula('Fe2O3'), 0)).toThrow(/maxDenominator/);
  });
});
