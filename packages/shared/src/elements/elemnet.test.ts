import { describe, expect, it } from 'vitest';
import { ELEMENTS } from './element-lookup.js';
import { ELEMNET_INDICES, ELEMNET_SYMBOLS } from './elemnet.js';

describe('ElemNet inputs', () => {
  it('are the 86 elements H..Pu without noble gases He/Ne/Ar/Rn and Po, At, Fr, Ra', () => {
    expect(ELEMNET_SYMBOLS).toHaveLength(86);
    expect(ELEMNET_SYMBOLS[0]).toBe('H');
    expect(ELEMNET_SYMBOLS[1]).toBe('Li');
    expect(ELEMNET_SYMBOLS.at(-1)).toBe('Pu');
    for (const excluded of ['He', 'Ne', 'Ar', 'Po', 'At', 'Rn', 'Fr', 'Ra', 'Am']) {
      expect(ELEMNET_SYMBOLS, excluded).not.toContain(excluded);
    }
    expect(ELEMNET_SYMBOLS).toEqual(expect.arrayContaining(['Kr', 'Xe', 'Bi', 'Ac', 'Th', 'Pa', 'U', 'Np']));
    expect(
      ELEMNET_SYMBOLS.slice(ELEMNET_SYMBOLS.indexOf('Bi') - 1, ELEMNET_SYMBOLS.indexOf('Bi') + 2),
    ).toEqual(['Pb', 'Bi', 'Ac']);
  });

  it('index the 118-vector in ascending Z', () => {
    expect(ELEMNET_INDICES).toHaveLength(86);
    expect(ELEMNET_INDICES.map((index) => ELEMENTS[index]?.symbol)).toEqual(ELEMNET_SYMBOLS);
    expect([...ELEMNET_INDICES].sort((a, b) => a - b)).toEqual(ELEMNET_INDICES);
  });
});
