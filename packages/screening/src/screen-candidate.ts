import type { Composition } from '@kiago/shared';
import { checkFormationEnergy } from './checks/formation-energy.js';
import { checkSubstitution } from './checks/substitution.js';
import { screenHydride } from './hydride/screen-hydride.js';
import type { OxidationStateSet } from './oxidation-state-set.js';
import { screenComposition } from './smact/screen-composition.js';

/** The campaign mode as screening needs it (mirrors the spec's `mode`). */
export type ScreeningMode =
  | { kind: 'normal' }
  | { kind: 'hydride'; maxElements?: number; maxAtoms?: number; minHydrogenFraction?: number }
  | {
      kind: 'substitution';
      /** The composition substitution started from: preserved amounts plus the target's amount. */
      base: Composition;
      preserved: readonly string[];
      targetElement: string;
      toleranceFraction?: number;
    };

export interface CandidateScreenOptions {
  oxidationStateSet: OxidationStateSet;
  /** Element limit in normal and substitution modes (hydride mode uses its own, default 3). */
  maxElements: number;
  mode: ScreeningMode;
  /**
   * Whether Ef < 0 gates `valid` (the spec's `screening.requireNegativeEf`, default true). When
   * false, `formationEnergyOk` still reports Ef < 0, but only a non-finite Ef fails the candidate.
   */
  requireNegativeEf?: boolean;
}

export interface CandidateToScreen {
  /** Integer formula (rounded counts, N* scale). */
  counts: ReadonlyMap<string, number>;
  /** Predicted Ef; null when there is none (e.g. `kiago screen` on formulas alone): the Ef check is skipped. */
  efEvPerAtom: number | null;
}

/** Every screening flag of one candidate (DESIGN §3 `screenShard`); null = not applicable in this mode. */
export interface CandidateScreenFlags {
  chargeNeutral: boolean;
  /** Pauling test; null in hydride mode, whose rule replaces it. */
  electronegativityOk: boolean | null;
  elementCountOk: boolean;
  /** Ef < 0; null when no Ef was given. */
  formationEnergyOk: boolean | null;
  /** Atom count and hydrogen fraction limits; hydride mode only. */
  hydrideLimitsOk: boolean | null;
  /** Preserved fractions and substituted total; substitution mode only. */
  substitutionOk: boolean | null;
  valid: boolean;
  /** One entry per failed check. */
  reasons: string[];
}

/** Runs the checks of the candidate's mode and ANDs them into `valid`. */
export function screenCandidate(
  candidate: CandidateToScreen,
  options: CandidateScreenOptions,
): CandidateScreenFlags {
  const reasons: string[] = [];
  const { efEvPerAtom } = candidate;
  const energy = efEvPerAtom === null ? null : checkFormationEnergy(efEvPerAtom);
  // A NaN/∞ prediction fails even when Ef ≥ 0 is allowed: a broken model output never passes.
  const energyPasses =
    energy === null || ((options.requireNegativeEf ?? true) ? energy.ok : Number.isFinite(efEvPerAtom));
  if (!energyPasses && energy?.reason) reasons.push(energy.reason);
  const { mode } = options;

  if (mode.kind === 'hydride') {
    const hydride = screenHydride(candidate.counts, {
      ...mode,
      oxidationStateSet: options.oxidationStateSet,
    });
    if (hydride.reason) reasons.push(hydride.reason);
    const hydrideLimitsOk = hydride.atomCountOk && hydride.hydrogenFractionOk;
    return {
      chargeNeutral: hydride.chargeNeutral,
      electronegativityOk: null,
      elementCountOk: hydride.elementCountOk,
      formationEnergyOk: energy?.ok ?? null,
      hydrideLimitsOk,
      substitutionOk: null,
      valid: hydride.valid && energyPasses,
      reasons,
    };
  }

  const smact = screenComposition(candidate.counts, options);
  if (smact.reason) reasons.push(smact.reason);
  let substitutionOk: boolean | null = null;
  if (mode.kind === 'substitution') {
    const substitution = checkSubstitution(mode.base, candidate.counts, mode);
    substitutionOk = substitution.ok;
    if (substitution.reason) reasons.push(substitution.reason);
  }
  return {
    chargeNeutral: smact.chargeNeutral,
    electronegativityOk: smact.electronegativityOk,
    elementCountOk: smact.elementCountOk,
    formationEnergyOk: energy?.ok ?? null,
    hydrideLimitsOk: null,
    substitutionOk,
    valid: smact.valid && energyPasses && substitutionOk !== false,
    reasons,
  };
}
