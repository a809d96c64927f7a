import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dropReasonOf, formulaCell, numberCell } from './cells.js';

const tcCell = numberCell({ min: 0, max: 300, unit: 'K' });
const problemOf = (schema: z.ZodType, text: string) => {
  const result = schema.safeParse(text);
  return result.success ? result.data : dropReasonOf(result.error);
};

describe('numberCell', () => {
  it('accepts plain decimals within bounds', () => {
    expect(problemOf(tcCell, ' 12.5 ')).toBe(12.5);
    expect(problemOf(tcCell, '1.5e2')).toBe(150);
  });

  it('names the problem of every bad value', () => {
    expect(
      ['', 'NaN', 'Infinity', '0x10', '1e400', '-1', '301'].map((text) => problemOf(tcCell, text)),
    ).toEqual([
      'empty',
      'not-a-number',
      'not-a-number',
      'not-a-number',
      'not-a-number',
      'below-0-K',
      'above-300-K',
    ]);
  });
});

describe('formulaCell', () => {
  it('uses the FormulaError reason as the drop reason', () => {
    expect(problemOf(formulaCell, 'M0.26Ta1S2')).toBe('non-element-symbol');
    expect(problemOf(formulaCell, 'Hg0.3Pb0.7Sr1.75La0.25Cu1O4+2')).toBe('malformed');
  });

  it('prefixes other problems with the column path', () => {
    const row = z.object({ Tc: tcCell });
    const result = row.safeParse({ Tc: '-3' });
    expect(result.success || dropReasonOf(result.error)).toBe('Tc:below-0-K');
  });
});
