import { describe, expect, it } from 'vitest';
import { tallyFormulaParses } from './tally-formula-parses.js';

describe('tallyFormulaParses', () => {
  it('counts parsed rows and groups rejections by reason and token', () => {
    const tally = tallyFormulaParses(['La2CuO4', 'M0.26Ta1S2', 'M1Nb1S2', 'D0.77Pd1', 'O7+d', 'Fe2O3'], 1);
    expect(tally).toMatchObject({ total: 6, parsed: 2, rejected: 4 });
    expect(tally.byReason.get('non-element-symbol')).toEqual({
      count: 3,
      tokens: new Map([
        ['M', 2],
        ['D', 1],
      ]),
      examples: ['M0.26Ta1S2'],
    });
    expect(tally.byReason.get('malformed')?.tokens).toEqual(new Map([['+d', 1]]));
  });
});
