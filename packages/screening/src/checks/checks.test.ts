import { parseFormula, SpecError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { checkElementCount } from './element-count.js';
import { checkFormationEnergy } from './formation-energy.js';
import { checkSubstitution } from './substitution.js';

describe('checkFormationEnergy: Ef < 0, strictly', () => {
  it('passes negative, fails zero and positive', () => {
    expect(checkFormationEnergy(-0.001)).toEqual({ ok: true });
    expect(checkFormationEnergy(0)).toEqual({
      ok: false,
      reason: 'formation energy 0 eV/atom is not negative',
    });
    expect(checkFormationEnergy(0.2).ok).toBe(false);
  });

  it('never passes a NaN or infinite prediction silently', () => {
    expect(checkFormationEnergy(Number.NaN)).toEqual({ ok: false, reason: 'formation energy is NaN' });
    expect(checkFormationEnergy(Number.NEGATIVE_INFINITY).ok).toBe(false);
  });
});

describe('checkElementCount', () => {
  it('allows exactly maxElements', () => {
    expect(checkElementCount(8, 8).ok).toBe(true);
    expect(checkElementCount(9, 8)).toEqual({ ok: false, reason: '9 elements > maxElements 8' });
  });
});

describe('checkSubstitution: absolute tolerance of 0.01 in atom fraction', () => {
  // Base La2CuO4 (x: La 2/7, Cu 1/7, O 4/7), Cu replaced, La and O preserved.
  const base = parseFormula('La2CuO4');
  const spec = { preserved: ['La', 'O'], targetElement: 'Cu' };

  it('passes an exact replacement by two elements (Cu → Ni0.5Zn0.5)', () => {
    const result = checkSubstitution(base, parseFormula('La2Ni0.5Zn0.5O4'), spec);
    expect(result).toMatchObject({ ok: true, preservedOk: true, substitutedTotalOk: true });
    expect(result.substitutedTotal).toBeCloseTo(1 / 7, 12);
    expect(result.targetFraction).toBeCloseTo(1 / 7, 12);
    expect(result.preservedDeviation.La).toBeCloseTo(0, 12);
  });

  it('fails when a preserved fraction moves by more than 0.01', () => {
    // La2.1NiO4: x_La = 2.1/7.1 = 0.29577 vs 0.28571 → +0.01006 > 0.01.
    const result = checkSubstitution(base, parseFormula('La2.1NiO4'), spec);
    expect(result.preservedOk).toBe(false);
    expect(result.preservedDeviation.La).toBeCloseTo(2.1 / 7.1 - 2 / 7, 12);
    expect(result.reason).toMatch(/^La moved by 0.0101/);
  });

  it('accepts deviations within 0.01', () => {
    // La2.08NiO4: x_La = 2.08/7.08 = 0.293785, +0.008071 ≤ 0.01; x_O = 4/7.08 = 0.564972, −0.006457.
    // Substitutes: 1/7.08 = 0.141243 vs 1/7 = 0.142857, −0.001614.
    const result = checkSubstitution(base, parseFormula('La2.08NiO4'), spec);
    expect(result.ok).toBe(true);
    expect(result.substitutedTotal - result.targetFraction).toBeCloseTo(1 / 7.08 - 1 / 7, 12);
  });

  it('fails when the substitutes total is off by more than 0.01 while each preserved element holds', () => {
    // La and O each +0.008 (within), so the substitutes lose 0.016 (outside).
    const candidate = new Map([
      ['La', 2 / 7 + 0.008],
      ['O', 4 / 7 + 0.008],
      ['Ni', 1 / 7 - 0.016],
    ]);
    const result = checkSubstitution(base, candidate, spec);
    expect(result).toMatchObject({ preservedOk: true, substitutedTotalOk: false, ok: false });
    expect(result.substitutedTotal - result.targetFraction).toBeCloseTo(-0.016, 12);
    expect(result.reason).toMatch(/^substitutes total 0.1269 vs target 0.1429/);
  });

  it('counts a missing preserved element as fraction 0', () => {
    const result = checkSubstitution(base, parseFormula('NiO4'), spec);
    expect(result.preservedDeviation.La).toBeCloseTo(-2 / 7, 12);
    expect(result.ok).toBe(false);
  });

  it('rejects inconsistent specs, naming the field', () => {
    expect(() => checkSubstitution(base, base, { preserved: ['La'], targetElement: 'Cu' })).toThrow(
      /base element O is neither preserved nor the target/,
    );
    expect(() => checkSubstitution(base, base, { preserved: ['La', 'O'], targetElement: 'Ni' })).toThrow(
      SpecError,
    );
    expect(() =>
      checkSubstitution(base, base, { preserved: ['La', 'O', 'Cu'], targetElement: 'Cu' }),
    ).toThrow(/preserved.2: Cu is the target element/);
  });
});
