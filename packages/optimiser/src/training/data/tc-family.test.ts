import { parseFormula } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { classifyTcFamily } from './tc-family.js';

const family = (formula: string, label?: Parameters<typeof classifyTcFamily>[1]) =>
  classifyTcFamily(parseFormula(formula), label);

describe('classifyTcFamily', () => {
  it('trusts the SuperDiff label for cuprates and iron pnictides', () => {
    expect(family('Y1Ba2Cu2.94Fe0.06S0.06O7', 'cuprate')).toBe('cuprate');
    expect(family('Ba0.6K0.4Fe2As2', 'iron_based_pnictide')).toBe('iron-based');
  });

  it('keeps a labelled `other` row as other unless it is hydrogen-rich', () => {
    expect(family('Fe0.05Ta1S2', 'other')).toBe('other');
    expect(family('H2S1', 'other')).toBe('hydride');
    expect(family('H0.81Pd1', 'other')).toBe('hydride');
    expect(family('H0.6Pd1', 'other')).toBe('other');
  });

  it('applies the composition rule to unlabelled rows', () => {
    expect(family('La2CuO4')).toBe('cuprate');
    expect(family('CuS')).toBe('other');
    expect(family('FeSe')).toBe('iron-based');
    expect(family('LaFeAsO')).toBe('iron-based');
    expect(family('Fe0.05TaS2')).toBe('other');
    expect(family('Fe2O3')).toBe('other');
    expect(family('LaH10')).toBe('hydride');
    expect(family('Nb3Sn')).toBe('other');
  });

  it('puts the hydrogen threshold at exactly 0.4', () => {
    expect(family('H2Pd3')).toBe('hydride');
    expect(family('H1.99Pd3')).toBe('other');
  });
});
