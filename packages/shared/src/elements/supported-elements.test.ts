import { describe, expect, test } from 'vitest';
import { ELEMNET_SYMBOLS } from './elemnet.js';
import { SUPPORTED_ELEMENT_SYMBOLS } from './supported-elements.js';
import { isInTcDomain, TC_TRAINING_SUPPORT } from './tc-training-support.js';

describe('the data-supported element set', () => {
  test('is ElemNet minus noble gases, elements without a stable isotope and rare ones', () => {
    const left = ELEMNET_SYMBOLS.filter((symbol) => !SUPPORTED_ELEMENT_SYMBOLS.includes(symbol));
    expect(left).toEqual(['Kr', 'Tc', 'Xe', 'Pm', 'Ac', 'Th', 'Pa', 'U', 'Np', 'Pu']);
    expect(SUPPORTED_ELEMENT_SYMBOLS).toHaveLength(76);
    expect(SUPPORTED_ELEMENT_SYMBOLS).toContain('Bi');
  });

  test('in domain means every element is in the Tc training support', () => {
    expect(isInTcDomain(['Y', 'Ba', 'Cu', 'O'])).toBe(true);
    // U and Th are in SuperCon (UBe13, ThPd2B2C …) although left out of the optimisable set.
    expect(isInTcDomain(['U', 'Be'])).toBe(true);
    expect(isInTcDomain(['Xe', 'Cu', 'O'])).toBe(false);
    expect(isInTcDomain(['Pu', 'Co', 'Ga'])).toBe(false);
    expect(TC_TRAINING_SUPPORT).toHaveLength(79);
  });
});
