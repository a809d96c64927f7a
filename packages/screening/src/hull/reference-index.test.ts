import { ELEMENTS, parseFormula, SpecError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { groupReferencesBySystem, systemKey } from './reference-index.js';

const refs = [
  'Cu',
  'O2',
  'CuO',
  'Cu2O',
  'La2O3',
  'La2CuO4',
  'LaCuO3',
  'SrO',
  'La2SrCuO5',
  'SrCuO2',
  'FeO',
].map((formula) => ({ formula, composition: parseFormula(formula) }));

describe('groupReferencesBySystem', () => {
  const index = groupReferencesBySystem(refs);

  it('keys systems by sorted symbols', () => {
    expect(systemKey(['O', 'La', 'Cu', 'O'])).toBe('Cu-La-O');
    expect(index.systems.get('Cu-La-O')?.map((r) => r.formula)).toEqual(['La2CuO4', 'LaCuO3']);
    expect(index.systems.get('Cu-O')?.map((r) => r.formula)).toEqual(['CuO', 'Cu2O']);
  });

  it('gathers exactly the references whose element set is a subset of the candidate’s', () => {
    const gathered = index.referencesWithin(['La', 'Cu', 'O']).map((r) => r.formula);
    expect(gathered.sort()).toEqual(['Cu', 'Cu2O', 'CuO', 'La2CuO4', 'La2O3', 'LaCuO3', 'O2'].sort());
    // Same answer as a linear scan, for every subset-closed query.
    for (const elements of [['Sr', 'Cu', 'O'], ['La', 'Sr', 'Cu', 'O'], ['Fe'], ['Fe', 'O', 'Sr']]) {
      const scan = refs.filter((r) => [...r.composition.keys()].every((s) => elements.includes(s)));
      expect(
        index
          .referencesWithin(elements)
          .map((r) => r.formula)
          .sort(),
      ).toEqual(scan.map((r) => r.formula).sort());
    }
  });

  it('refuses systems too large to enumerate', () => {
    const seventeen = ELEMENTS.slice(0, 17).map((element) => element.symbol);
    expect(() => index.referencesWithin(seventeen)).toThrow(SpecError);
  });
});
