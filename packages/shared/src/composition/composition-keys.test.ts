import { describe, expect, it } from 'vitest';
import { parseFormula } from '../formula/parse-formula.js';
import { canonicalKey, elementSetKey, reducedFormula } from './composition-keys.js';

describe('composition keys', () => {
  it('reduced formula orders elements by Z', () => {
    expect(reducedFormula(parseFormula('La2CuO4'))).toBe('O4CuLa2');
    expect(reducedFormula(parseFormula('La1.85Sr0.15CuO4'))).toBe('O80Cu20Sr3La37');
    expect(reducedFormula(parseFormula('Ag(AuS)2'))).toBe('S2AgAu2');
  });

  it('canonical key is shared by every scale of one composition', () => {
    const key = canonicalKey(parseFormula('Fe2O3'));
    expect(key).toBe('O3Fe2');
    for (const same of ['Fe4O6', 'O0.6Fe0.4', 'Fe1O1.5', '(Fe2O3)7'])
      expect(canonicalKey(parseFormula(same))).toBe(key);
    expect(canonicalKey(parseFormula('Fe3O4'))).not.toBe(key);
  });

  it('element-set key sorts symbols alphabetically', () => {
    expect(elementSetKey(parseFormula('La2CuO4'))).toBe('Cu-La-O');
    expect(elementSetKey(parseFormula('Ba0.4K0.6Fe2As2'))).toBe('As-Ba-Fe-K');
    expect(elementSetKey(parseFormula('Nb'))).toBe('Nb');
  });
});
