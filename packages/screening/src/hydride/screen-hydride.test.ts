import { parseFormula, SpecError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { screenHydride } from './screen-hydride.js';

const SMACT14 = { oxidationStateSet: 'smact14' } as const;
const screen = (formula: string, options: Parameters<typeof screenHydride>[1] = SMACT14) =>
  screenHydride(parseFormula(formula), options);
const total = (assignment: Record<string, number[]> | undefined) =>
  Object.values(assignment ?? {})
    .flat()
    .reduce((a, b) => a + b, 0);

describe('screenHydride — each H atom ±1, other atoms any of their states', () => {
  it('LaH10: ten ±1 hydrogens sum to an even number, so La2+ (not La3+) with six H− and four H+', () => {
    const result = screen('LaH10');
    expect(result).toMatchObject({
      chargeNeutral: true,
      elementCountOk: true,
      atomCountOk: true,
      hydrogenFractionOk: true,
      valid: true,
    });
    expect(result.hydrogenFraction).toBeCloseTo(10 / 11, 12);
    expect(result.assignment?.La).toEqual([2]);
    expect(result.assignment?.H).toEqual([-1, -1, -1, -1, -1, -1, 1, 1, 1, 1]);
    expect(total(result.assignment)).toBe(0);
  });

  it('H3S: S3+ with three H− (or S+ / S− with mixed H) balances; x_H = 0.75', () => {
    const result = screen('H3S');
    expect(result.valid).toBe(true);
    expect(result.assignment?.S).toHaveLength(1);
    expect(total(result.assignment)).toBe(0);
  });

  it('per-atom freedom balances what one state per element cannot (Fe3H8, like Fe3O4)', () => {
    // One state per element would need 3·f = 8 against eight H−; per atom, Fe2+ Fe3+ Fe3+ does it.
    const result = screen('Fe3H8');
    expect(result.chargeNeutral).toBe(true);
    expect(result.assignment?.Fe).toHaveLength(3);
    expect(total(result.assignment)).toBe(0);
  });

  it('H alone is neutral (±1 pairs) but x_H = 1 is outside [0.4, 1)', () => {
    const result = screen('H2');
    expect(result).toMatchObject({ chargeNeutral: true, hydrogenFractionOk: false, valid: false });
    expect(result.reason).toMatch(/hydrogen fraction 1.0000 outside \[0.4, 1\)/);
  });

  it('an odd number of H next to an element with only even states cannot balance (BaH3: 2 + odd)', () => {
    expect(screen('BaH3').chargeNeutral).toBe(false);
    expect(screen('BaH2').chargeNeutral).toBe(true);
  });

  it('an element without states cannot balance (ArH2)', () => {
    const result = screen('ArH2');
    expect(result.chargeNeutral).toBe(false);
    expect(result.assignment).toBeUndefined();
  });

  it('enforces the limits: ≤ 3 elements, ≤ 15 atoms, 0.4 ≤ x_H', () => {
    expect(screen('LaYH12')).toMatchObject({ elementCountOk: true, atomCountOk: true, valid: true });
    expect(screen('LaYCaH12')).toMatchObject({ elementCountOk: false, valid: false });
    expect(screen('LaH16')).toMatchObject({ atomCountOk: false, valid: false }); // 17 atoms
    expect(screen('La2O3H')).toMatchObject({ hydrogenFractionOk: false }); // x_H = 1/6
    expect(screen('LaH16', { ...SMACT14, maxAtoms: 20 }).atomCountOk).toBe(true);
  });

  it('does not reduce the counts: La2H20 is 22 atoms, not LaH10', () => {
    expect(
      screenHydride(
        new Map([
          ['La', 2],
          ['H', 20],
        ]),
        SMACT14,
      ).atomCountOk,
    ).toBe(false);
  });

  it('uses the requested list for the other elements (MgH2 in icsd24; BH3 as B3+ with three H−)', () => {
    expect(screen('MgH2', { oxidationStateSet: 'icsd24' }).valid).toBe(true);
    expect(screen('BH3').chargeNeutral).toBe(true); // B3+ with three H−
  });

  it('rejects bad limits with the field named', () => {
    expect(() => screen('LaH10', { ...SMACT14, maxAtoms: 0 })).toThrow(SpecError);
    expect(() => screen('LaH10', { ...SMACT14, minHydrogenFraction: 1 })).toThrow(/minHydrogenFraction/);
  });
});
