import { parseFormula } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { type CandidateScreenOptions, screenCandidate } from './screen-candidate.js';

const NORMAL: CandidateScreenOptions = {
  oxidationStateSet: 'smact14',
  maxElements: 8,
  mode: { kind: 'normal' },
};
const candidate = (formula: string, efEvPerAtom: number) => ({ counts: parseFormula(formula), efEvPerAtom });

describe('screenCandidate', () => {
  it('normal mode: valid needs SMACT validity, Ef < 0 and the element limit', () => {
    expect(screenCandidate(candidate('La2CuO4', -1.2), NORMAL)).toEqual({
      chargeNeutral: true,
      electronegativityOk: true,
      elementCountOk: true,
      formationEnergyOk: true,
      hydrideLimitsOk: null,
      substitutionOk: null,
      valid: true,
      reasons: [],
    });
    const positive = screenCandidate(candidate('La2CuO4', 0.1), NORMAL);
    expect([positive.valid, positive.formationEnergyOk]).toEqual([false, false]);
    expect(positive.reasons).toEqual(['formation energy 0.1 eV/atom is not negative']);
  });

  it('a NaN Ef fails with a reason even when the chemistry is fine', () => {
    const result = screenCandidate(candidate('NaCl', Number.NaN), NORMAL);
    expect(result.valid).toBe(false);
    expect(result.reasons).toContain('formation energy is NaN');
  });

  it('requireNegativeEf: false lets Ef ≥ 0 pass but never a NaN Ef', () => {
    const lenient = { ...NORMAL, requireNegativeEf: false };
    const positive = screenCandidate(candidate('La2CuO4', 0.1), lenient);
    expect([positive.valid, positive.formationEnergyOk, positive.reasons]).toEqual([true, false, []]);
    const broken = screenCandidate(candidate('La2CuO4', Number.NaN), lenient);
    expect([broken.valid, broken.reasons]).toEqual([false, ['formation energy is NaN']]);
  });

  it('without an Ef the energy check is skipped, not failed', () => {
    const result = screenCandidate({ counts: parseFormula('La2CuO4'), efEvPerAtom: null }, NORMAL);
    expect([result.valid, result.formationEnergyOk, result.reasons]).toEqual([true, null, []]);
  });

  it('collects one reason per failed check', () => {
    const result = screenCandidate(candidate('Fe3O4', 0.5), NORMAL);
    expect(result.reasons).toHaveLength(2);
  });

  it('hydride mode replaces the SMACT rule (Pauling is not applicable)', () => {
    const result = screenCandidate(candidate('LaH10', -0.1), { ...NORMAL, mode: { kind: 'hydride' } });
    expect(result).toMatchObject({
      chargeNeutral: true,
      electronegativityOk: null,
      hydrideLimitsOk: true,
      valid: true,
    });
    // Fe3H8 balances per atom although one state per element cannot.
    expect(
      screenCandidate(candidate('Fe3H8', -0.1), { ...NORMAL, mode: { kind: 'hydride' } }).chargeNeutral,
    ).toBe(true);
    const tooBig = screenCandidate(candidate('LaH16', -0.1), {
      ...NORMAL,
      mode: { kind: 'hydride', maxAtoms: 15 },
    });
    expect([tooBig.hydrideLimitsOk, tooBig.valid]).toEqual([false, false]);
  });

  it('substitution mode adds the preserved/substituted check on the rounded formula', () => {
    const mode = {
      kind: 'substitution' as const,
      base: parseFormula('La2CuO4'),
      preserved: ['La', 'O'],
      targetElement: 'Cu',
    };
    const ok = screenCandidate(candidate('La4NiZnO8', -1), { ...NORMAL, mode });
    expect([ok.substitutionOk, ok.valid]).toEqual([true, true]);
    const drifted = screenCandidate(candidate('La3NiO4', -1), { ...NORMAL, mode });
    expect([drifted.substitutionOk, drifted.valid]).toEqual([false, false]);
  });
});
