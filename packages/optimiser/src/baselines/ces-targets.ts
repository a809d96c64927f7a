import {
  type CampaignSpec,
  largestNUnit,
  optimisableElements,
  optimisationElements,
  parseFormula,
  preservedAmounts,
  requireElement,
} from '@kiago/shared';
import type { SubstitutionDraw } from './substitution-draw.js';

/** Picks the substitution problem of one C-ES candidate (target and oxidation state vary per draw outside substitution mode). */
export type SubstitutionPicker = (random: () => number) => SubstitutionDraw | null;

const pick = <T>(items: readonly T[], random: () => number): T | undefined =>
  items[Math.floor(random() * items.length)];

/**
 * C-ES per mode, after the reference's `sample_es_materials`: substitution replaces the spec's
 * target by elements with the spec's oxidation state; normal replaces a random metal of the base,
 * hydride its non-hydrogen element, by elements sharing a random oxidation state of it. Substitutes
 * are ElemNet elements the spec allows; limits follow the spec (atoms ≤ largest N, or the hydride
 * maxAtoms; elements ≤ maxElements, or the hydride limit).
 */
export function substitutionPicker(spec: CampaignSpec, base: string): SubstitutionPicker {
  const composition = parseFormula(base);
  const { mode } = spec;
  const stateSet = spec.screening.oxidationStates;
  if (mode.kind === 'substitution') {
    const remain = new Map(Object.entries(preservedAmounts(mode, base)));
    const draw: SubstitutionDraw = {
      remain,
      targetAmount: composition.get(mode.targetElement) ?? 0,
      substitutes: [...optimisationElements(spec, base)],
      maxAtoms: largestNUnit(spec.nUnits),
      maxSubstitutes: spec.maxElements - remain.size,
      divisorCount: false,
    };
    return () => draw;
  }
  const symbols = [...composition.keys()];
  const metals = symbols.filter((symbol) => requireElement(symbol).isMetal);
  const targets =
    mode.kind === 'hydride'
      ? symbols.filter((symbol) => symbol !== 'H')
      : metals.length > 0
        ? metals
        : symbols;
  const pool = [...optimisableElements(spec)];
  const maxAtoms = mode.kind === 'hydride' ? mode.maxAtoms : largestNUnit(spec.nUnits);
  const maxElements = mode.kind === 'hydride' ? mode.maxElements : spec.maxElements;
  return (random) => {
    const target = pick(targets, random);
    if (target === undefined) return null;
    const state = pick(requireElement(target).oxidationStates[stateSet], random);
    if (state === undefined) return null;
    const remain = new Map([...composition].filter(([symbol]) => symbol !== target));
    return {
      remain,
      targetAmount: composition.get(target) ?? 0,
      substitutes: pool.filter((symbol) => requireElement(symbol).oxidationStates[stateSet].includes(state)),
      maxAtoms,
      maxSubstitutes: maxElements - remain.size,
      divisorCount: true,
    };
  };
}
