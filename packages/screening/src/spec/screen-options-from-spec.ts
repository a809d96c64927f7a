import { type CampaignSpec, parseFormula, preservedAmounts } from '@kiago/shared';
import type { CandidateScreenOptions, ScreeningMode } from '../screen-candidate.js';

/**
 * The screening options of one shard of a campaign: the spec's oxidation-state list, element limit,
 * Ef rule and mode. Substitution compares against the shard's base as the optimiser fixed it: the
 * preserved amounts plus the base's amount of the target element.
 */
export function screenOptionsFromSpec(spec: CampaignSpec, baseFormula: string): CandidateScreenOptions {
  return {
    oxidationStateSet: spec.screening.oxidationStates,
    maxElements: spec.maxElements,
    requireNegativeEf: spec.screening.requireNegativeEf,
    mode: screeningMode(spec.mode, baseFormula),
  };
}

function screeningMode(mode: CampaignSpec['mode'], baseFormula: string): ScreeningMode {
  switch (mode.kind) {
    case 'normal':
      return { kind: 'normal' };
    case 'hydride':
      return {
        kind: 'hydride',
        maxElements: mode.maxElements,
        maxAtoms: mode.maxAtoms,
        minHydrogenFraction: mode.minHydrogenFraction,
      };
    case 'substitution': {
      const preserved = preservedAmounts(mode, baseFormula);
      const targetAmount = parseFormula(baseFormula).get(mode.targetElement);
      const base = new Map(Object.entries(preserved));
      if (targetAmount !== undefined) base.set(mode.targetElement, targetAmount);
      return {
        kind: 'substitution',
        base,
        preserved: Object.keys(preserved),
        targetElement: mode.targetElement,
      };
    }
  }
}
