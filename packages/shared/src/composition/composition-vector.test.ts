import { describe, expect, it } from 'vitest';
import { parseFormula } from '../formula/parse-formula.js';
import { CompositionError } from './composition-error.js';
import { compositionToVector, vectorToComposition } from './composition-vector.js';
import { normaliseComposition } from './normalise-composition.js';

describe('normaliseComposition', () => {
  it('scales to fractions summing to 1 and keeps the order', () => {
    expect([...normaliseComposition(parseFormula('La2CuO4'))]).toEqual([
      ['La', 2 / 7],
      ['Cu', 1 / 7],
      ['O', 4 / 7],
    ]);
  });
});

describe('composition vectors', () => {
  it('puts fractions at index Z - 1', () => {
    const vector = compositionToVector(parseFormula('Fe2O3'));
    expect(vector).toHaveLength(118);
    expect(vector[25]).toBeCloseTo(0.4, 15);
    expect(vector[7]).toBeCloseTo(0.6, 15);
    expect(vector.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(vector.filter((v) => v > 0)).toHaveLength(2);
  });

  it('turns a vector back into a Z-ordered composition, dropping entries at or below minFraction', () => {
    const vector = new Float64Array(118);
    vector[25] = 2; // Fe
    vector[7] = 3; // O
    vector[0] = 0.001; // H, 0.02 % of the total
    expect([...vectorToComposition(vector, 0.001)]).toEqual([
      ['O', 0.6],
      ['Fe', 0.4],
    ]);
    const all = vectorToComposition(vector);
    expect([...all.keys()]).toEqual(['H', 'O', 'Fe']);
    expect(all.get('H')).toBeCloseTo(0.001 / 5.001, 15);
  });

  it('rejects vectors of the wrong length, negative or non-finite entries, and all-zero vectors', () => {
    expect(() => vectorToComposition(new Float64Array(117))).toThrow(/length 117/);
    const negative = new Float64Array(118);
    negative[3] = -1;
    expect(() => vectorToComposition(negative)).toThrow(/entry 3 \(Be\)/);
    expect(() => vectorToComposition(new Float64Array(118))).toThrow(CompositionError);
    expect(() => vectorToComposition(new Float64Array(118).fill(1), 1)).toThrow(/minFraction/);
  });
});
