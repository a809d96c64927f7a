import { parseFormula } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { type HullReference, hullDistance } from './hull-distance.js';

const ref = (id: string, formula: string, efEvPerAtom: number): HullReference => ({
  id,
  composition: parseFormula(formula),
  efEvPerAtom,
});
const at = (formula: string, efEvPerAtom = 0) => ({ composition: parseFormula(formula), efEvPerAtom });
const parts = (decomposition: { id: string | null; fraction: number }[]) =>
  Object.fromEntries(decomposition.map((p) => [p.id ?? 'element', Number(p.fraction.toFixed(12))]));

describe('hullDistance — binary Fe–Al by hand', () => {
  // Points (x_Al, Ef): Fe (0, 0), Fe2Al (1/3, −0.5), FeAl (1/2, −1.0), Al (1, 0).
  // The chord Fe–FeAl is −2x, −2/3 at x = 1/3 < −0.5, so Fe2Al sits 1/6 above the hull, whose
  // facets are Fe–FeAl (E = −2x) and FeAl–Al (E = −2(1 − x)).
  const references = [ref('FeAl', 'FeAl', -1.0), ref('Fe2Al', 'Fe2Al', -0.5)];

  it('x_Al = 1/4: E_hull = −0.5, half Fe and half FeAl by atoms', () => {
    const result = hullDistance(at('Fe3Al', -0.3), references);
    expect(result.eHullEvPerAtom).toBeCloseTo(-0.5, 12);
    expect(result.eAboveHullEvPerAtom).toBeCloseTo(0.2, 12);
    expect(parts(result.decomposition)).toEqual({ FeAl: 0.5, element: 0.5 });
    expect(result.decomposition.find((p) => p.id === null)?.formula).toBe('Fe');
  });

  it('x_Al = 3/4: E_hull = −0.5 on the FeAl–Al facet', () => {
    const result = hullDistance(at('FeAl3', -0.5), references);
    expect(result.eHullEvPerAtom).toBeCloseTo(-0.5, 12);
    expect(result.eAboveHullEvPerAtom).toBeCloseTo(0, 12);
    expect(result.decomposition.map((p) => p.formula).sort()).toEqual(['Al', 'AlFe']);
  });

  it('a stable entry is at 0 and decomposes into itself; the unstable one is 1/6 above', () => {
    const stable = hullDistance(at('FeAl', -1.0), references);
    expect(stable.eAboveHullEvPerAtom).toBeCloseTo(0, 12);
    expect(parts(stable.decomposition)).toEqual({ FeAl: 1 });
    const unstable = hullDistance(at('Fe2Al', -0.5), references);
    expect(unstable.eHullEvPerAtom).toBeCloseTo(-2 / 3, 12);
    expect(unstable.eAboveHullEvPerAtom).toBeCloseTo(1 / 6, 12);
    // x_Al = 1/3 = λ_FeAl · 1/2 → λ_FeAl = 2/3, λ_Fe = 1/3.
    expect(parts(unstable.decomposition)).toEqual({
      FeAl: Number((2 / 3).toFixed(12)),
      element: Number((1 / 3).toFixed(12)),
    });
  });

  it('a candidate below the hull gets a negative distance', () => {
    expect(hullDistance(at('FeAl', -1.2), references).eAboveHullEvPerAtom).toBeCloseTo(-0.2, 12);
  });

  it('is unmoved by duplicates, positive-Ef references, outsiders and NaN energies (which are counted)', () => {
    const noisy = [
      ...references,
      ref('FeAl-dup', 'Fe2Al2', -1.0),
      ref('FeAl-worse', 'FeAl', -0.9),
      ref('Fe3Al-positive', 'Fe3Al', 0.3),
      ref('FeAlO-outside', 'FeAlO3', -3),
      ref('FeAl2-nan', 'FeAl2', Number.NaN),
    ];
    const result = hullDistance(at('Fe3Al', -0.3), noisy);
    expect(result.eHullEvPerAtom).toBeCloseTo(-0.5, 12);
    expect(result.referencesSkipped).toBe(1);
    expect(result.referencesUsed).toBe(5);
  });

  it('gives E_hull = 0 when no reference covers the system (pure elements are implicit)', () => {
    const result = hullDistance(at('NbTi', -0.05), [ref('FeAl', 'FeAl', -1)]);
    expect(result.eHullEvPerAtom).toBe(0);
    expect(result.eAboveHullEvPerAtom).toBeCloseTo(-0.05, 15);
    expect(result.decomposition.map((p) => [p.formula, p.fraction])).toEqual([
      ['Nb', 0.5],
      ['Ti', 0.5],
    ]);
  });

  it('returns NaN distance (never a number) for a NaN candidate energy, with the hull still computed', () => {
    const result = hullDistance(at('FeAl', Number.NaN), references);
    expect(result.eAboveHullEvPerAtom).toBeNaN();
    expect(result.eHullEvPerAtom).toBeCloseTo(-1, 12);
  });
});

describe('hullDistance — ternary A–B–C by hand (Li–Mg–Zn)', () => {
  // Edges: LiMg −1.0, MgZn −0.6, LiZn −0.4; centre LiMgZn −1.2. The plane through Li, LiMg and
  // LiMgZn is f = 0·x_Li − 2·x_Mg − 1.6·x_Zn; every other point lies on or above it (LiZn: −0.8 <
  // −0.4, MgZn: −1.8 < −0.6, Mg: −2 < 0, Zn: −1.6 < 0), so it is a hull facet.
  const references = [
    ref('LiMg', 'LiMg', -1.0),
    ref('MgZn', 'MgZn', -0.6),
    ref('LiZn', 'LiZn', -0.4),
    ref('LiMgZn', 'LiMgZn', -1.2),
  ];

  it('the centre compound is on the hull (the edge plane gives only −2/3 there)', () => {
    const result = hullDistance(at('LiMgZn', -1.2), references);
    expect(result.eAboveHullEvPerAtom).toBeCloseTo(0, 12);
  });

  it('x = (1/2, 1/4, 1/4) lies on the Li–LiMgZn edge: 3/4 LiMgZn + 1/4 Li, E_hull = −0.9', () => {
    const result = hullDistance(at('Li2MgZn', -0.5), references);
    expect(result.eHullEvPerAtom).toBeCloseTo(-0.9, 12);
    expect(result.eAboveHullEvPerAtom).toBeCloseTo(0.4, 12);
    expect(parts(result.decomposition)).toEqual({ LiMgZn: 0.75, element: 0.25 });
  });

  it('LiZn is stable although higher than the other edges (nothing else lies on the Mg-free edge)', () => {
    expect(hullDistance(at('LiZn', -0.4), references).eAboveHullEvPerAtom).toBeCloseTo(0, 12);
  });
});
