import { ELEMENTS } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { fixedPartUnit, substitutionCounts } from './substitution-counts.js';

const at = (symbol: string) => ELEMENTS.findIndex((e) => e.symbol === symbol);

describe('substitution integer form', () => {
  // Bi2Sr2CaCu2O8 with Bi replaced: Sr 2/15, Ca 1/15, Cu 2/15, O 8/15 fixed, 2/15 free.
  const fixed = new Float32Array(118);
  for (const [symbol, atoms] of [
    ['Sr', 2],
    ['Ca', 1],
    ['Cu', 2],
    ['O', 8],
  ] as const)
    fixed[at(symbol)] = atoms / 15;
  const fixedIndices = ['O', 'Ca', 'Cu', 'Sr'].map(at).sort((a, b) => a - b);

  it('finds the formula unit of the preserved part', () => {
    expect(fixedPartUnit(fixed, fixedIndices, 199)).toBe(15);
    expect(fixedPartUnit(fixed, fixedIndices, 14)).toBeNull();
  });

  it('keeps the preserved atoms exact and fills N* with substitutes by largest remainder', () => {
    const x = Float32Array.from(fixed);
    x[at('Y')] = (2 / 15) * 0.61; // 1.22 of 2 free atoms at N = 15
    x[at('La')] = (2 / 15) * 0.39;
    const form = substitutionCounts(
      x,
      fixed,
      fixedIndices,
      Array.from({ length: 199 }, (_, i) => i + 1),
    );
    expect(form).not.toBeNull();
    const { nUnits, counts } = form!;
    expect(nUnits % 15).toBe(0);
    const cells = nUnits / 15;
    expect(counts.get(at('Sr'))).toBe(2 * cells);
    expect(counts.get(at('Ca'))).toBe(cells);
    expect(counts.get(at('Cu'))).toBe(2 * cells);
    expect(counts.get(at('O'))).toBe(8 * cells);
    expect((counts.get(at('Y')) ?? 0) + (counts.get(at('La')) ?? 0)).toBe(2 * cells);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(nUnits);
  });

  it('gives up when no N in the set holds whole formula units', () => {
    const x = Float32Array.from(fixed);
    x[at('Y')] = 2 / 15;
    expect(substitutionCounts(x, fixed, fixedIndices, [4, 8, 14])).toBeNull();
  });
});
