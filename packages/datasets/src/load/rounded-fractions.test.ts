import { parseFormula } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { countsFromRoundedFractions } from './rounded-fractions.js';

const countsOf = (formula: string) =>
  Object.fromEntries(countsFromRoundedFractions(parseFormula(formula), 4) ?? []);

describe('countsFromRoundedFractions', () => {
  it('recovers the integer formula behind 4-decimal fractions', () => {
    expect(countsOf('O0.555600Pr0.222200Pt0.222200')).toEqual({ O: 5, Pr: 2, Pt: 2 });
    expect(countsOf('H0.636400Li0.030300N0.212100P0.030300S0.090900')).toEqual({
      H: 21,
      Li: 1,
      N: 7,
      P: 1,
      S: 3,
    });
  });

  it('uses the printed fractions even when their sum is off by rounding (1.0001)', () => {
    expect(countsOf('O0.571400Na0.142900Ge0.142900Gd0.142900')).toEqual({ O: 4, Na: 1, Ge: 1, Gd: 1 });
  });

  it('gives up when no small formula unit matches', () => {
    expect(countsFromRoundedFractions(parseFormula('Fe0.123456O0.876544'), 6, 50)).toBeUndefined();
  });
});
