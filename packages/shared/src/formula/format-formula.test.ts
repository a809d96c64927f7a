import { describe, expect, it } from 'vitest';
import { CompositionError } from '../composition/composition-error.js';
import { formatFormula } from './format-formula.js';
import { parseFormula } from './parse-formula.js';

describe('formatFormula', () => {
  it('orders by Z by default, omits amount 1 and trims trailing zeros', () => {
    expect(formatFormula(parseFormula('La1.85Sr0.15Cu1O4.000'))).toBe('O4CuSr0.15La1.85');
    expect(formatFormula(parseFormula('Ag(AuS)2'))).toBe('S2AgAu2');
  });

  it('keeps the input order on request', () => {
    expect(formatFormula(parseFormula('La1.85Sr0.15Cu1O4'), { order: 'input' })).toBe('La1.85Sr0.15CuO4');
  });

  it('rounds to maxDecimals (default 6)', () => {
    const comp = new Map([
      ['Fe', 1 / 3],
      ['O', 0.1 + 0.2],
    ]);
    expect(formatFormula(comp)).toBe('O0.3Fe0.333333');
    expect(formatFormula(comp, { maxDecimals: 2 })).toBe('O0.3Fe0.33');
    expect(formatFormula(new Map([['Fe', 0.9999999]]), { maxDecimals: 3 })).toBe('Fe');
  });

  it('keeps one significant digit of an amount that would round to 0', () => {
    expect(formatFormula(new Map([['Fe', 2e-8]]))).toBe('Fe0.00000002');
  });

  it('rejects bad compositions and options', () => {
    expect(() => formatFormula(new Map())).toThrow(CompositionError);
    expect(() => formatFormula(new Map([['Xx', 1]]))).toThrow(/unknown element symbol "Xx"/);
    expect(() => formatFormula(new Map([['Fe', 0]]))).toThrow(/Fe has amount 0/);
    expect(() => formatFormula(new Map([['Fe', Number.NaN]]))).toThrow(CompositionError);
    expect(() => formatFormula(new Map([['Fe', 1]]), { maxDecimals: 1.5 })).toThrow(/maxDecimals/);
  });
});
