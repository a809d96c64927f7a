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
 * target by the elements KIAGO may place there (M_opt: the spec's oxidation state in the spec's
 * set); normal replaces a random metal of the base, hydride its non-hydrogen element, by
 * elements sharing one of its *common* oxidation states (pymatgen `common_oxidation_states`, as
 * the reference draws the state; the substitutes must have it among their common states too).
 * The search space is KIAGO's in every mode: substitutes among the elements the spec allows,
 * atoms ≤ the largest N of Nset, elements ≤ spec.maxElements (k, so hydride C-ES makes
 * binaries when KIAGO does).
 */
export function substitutionPicker(spec: CampaignSpec, base: string): SubstitutionPicker {
  const composition = parseFormula(base);
  const { mode } = spec;
  // KIAGO's integer forms have N ∈ Nset atoms (and hydride mode caps its cells at mode.maxAtoms).
  const maxAtoms = Math.min(largestNUnit(spec.nUnits), mode.kind === 'hydride' ? mode.maxAtoms : Infinity);
  if (mode.kind === 'substitution') {
    const remain = new Map(Object.entries(preservedAmounts(mode, base)));
    const draw: SubstitutionDraw = {
      remain,
      targetAmount: composition.get(mode.targetElement) ?? 0,
      substitutes: [...optimisationElements(spec, base)],
      maxAtoms,
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
  const maxElements =
    mode.kind === 'hydride' ? Math.min(mode.maxElements, spec.maxElements) : spec.maxElements;
  const common = (symbol: string) => requireElement(symbol).oxidationStates.pymatgenCommon;
  return (random) => {
    const target = pick(targets, random);
    if (target === undefined) return null;
    const state = pick(common(target), random);
    if (state === undefined) return null;
    const remain = new Map([...composition].filter(([symbol]) => symbol !== target));
    return {
      remain,
      targetAmount: composition.get(target) ?? 0,
      substitutes: pool.filter((symbol) => common(symbol).includes(state)),
      maxAtoms,
      maxSubstitutes: maxElements - remain.size,
      divisorCount: true,
    };
  };
}
