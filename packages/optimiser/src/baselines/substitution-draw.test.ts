import { mulberry32 } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { drawSubstitution, type SubstitutionDraw } from './substitution-draw.js';

const SUBSTITUTES = ['Y', 'La', 'Nd', 'Sm', 'Gd', 'Bi'];

describe('drawSubstitution', () => {
  it('replaces the target atoms by substitutes, scaling the rest to a whole cell ≤ maxAtoms', () => {
    // La1.85Sr0.15CuO4 with Sr replaced: the cell must make 1.85 and 0.15 whole (×20: 140 atoms).
    const draw: SubstitutionDraw = {
      remain: new Map([
        ['La', 1.85],
        ['Cu', 1],
        ['O', 4],
      ]),
      targetAmount: 0.15,
      substitutes: ['Ca', 'Ba', 'Mg', 'Zn'],
      maxAtoms: 199,
      maxSubstitutes: 5,
      divisorCount: true,
    };
    const random = mulberry32(4);
    for (let i = 0; i < 50; i++) {
      const counts = drawSubstitution(draw, random)!;
      expect(counts.get('La')).toBe(37);
      expect(counts.get('Cu')).toBe(20);
      expect(counts.get('O')).toBe(80);
      const substituted = [...counts].filter(([symbol]) => draw.substitutes.includes(symbol));
      expect(substituted.reduce((sum, [, count]) => sum + count, 0)).toBe(3);
      for (const [, count] of counts) expect(Number.isInteger(count) && count > 0).toBe(true);
    }
  });

  it('draws several substitutes, a random cell multiple and nothing above the limits', () => {
    const draw: SubstitutionDraw = {
      remain: new Map([
        ['Fe', 1],
        ['As', 1],
        ['O', 1],
      ]),
      targetAmount: 1,
      substitutes: SUBSTITUTES,
      maxAtoms: 40,
      maxSubstitutes: 3,
      divisorCount: false,
    };
    const random = mulberry32(8);
    const cells = new Set<number>();
    const sizes = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const counts = drawSubstitution(draw, random)!;
      const cell = counts.get('Fe')!;
      cells.add(cell);
      expect(counts.get('As')).toBe(cell);
      const substituted = [...counts].filter(([symbol]) => SUBSTITUTES.includes(symbol));
      sizes.add(substituted.length);
      expect(substituted.length).toBeLessThanOrEqual(3);
      expect(substituted.reduce((sum, [, count]) => sum + count, 0)).toBe(cell);
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(40);
    }
    expect([...cells].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect([...sizes].sort()).toEqual([1, 2, 3]);
  });

  it('returns null when no whole cell fits maxAtoms', () => {
    // Bi2Sr2CaCu1.98Fe0.02O8: whole counts need ×50 = 750 atoms (the reference skips this base too).
    const draw: SubstitutionDraw = {
      remain: new Map([
        ['Bi', 2],
        ['Sr', 2],
        ['Ca', 1],
        ['Fe', 0.02],
        ['O', 8],
      ]),
      targetAmount: 1.98,
      substitutes: ['Ni', 'Zn'],
      maxAtoms: 199,
      maxSubstitutes: 3,
      divisorCount: true,
    };
    expect(drawSubstitution(draw, mulberry32(1))).toBeNull();
  });
});
