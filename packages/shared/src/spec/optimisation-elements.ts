import { ELEMENTS, SUPPORTED_ELEMENT_SYMBOLS } from '../elements/index.js';
import { parseFormula } from '../formula/parse-formula.js';
import { isElemNetElement } from './element-inputs.js';
import type { ResolvedCampaignSpec } from './resolve-defaults.js';

type SpecElementFields = Pick<ResolvedCampaignSpec, 'elements' | 'allowedElements' | 'excludedElements'>;

const supported = new Set(SUPPORTED_ELEMENT_SYMBOLS);

/**
 * What `M_opt ⊙ M_en` lets through in normal mode: ElemNet inputs ∩ (allowedElements, or else the
 * spec's element set) − excludedElements. An explicit allowedElements list is taken as meant, even
 * where it names an element outside the supported set.
 */
export function optimisableElements(spec: SpecElementFields): Set<string> {
  const allowed = spec.allowedElements
    ? new Set(spec.allowedElements)
    : spec.elements === 'supported'
      ? supported
      : undefined;
  const excluded = new Set(spec.excludedElements);
  return new Set(
    ELEMENTS.map((element) => element.symbol).filter(
      (symbol) => isElemNetElement(symbol) && (allowed?.has(symbol) ?? true) && !excluded.has(symbol),
    ),
  );
}

/** Substitution amounts kept fixed for one base: `mode.preserved`, or the base minus its target. */
export function preservedAmounts(
  mode: { targetElement: string; preserved?: Record<string, number> | undefined },
  base: string,
): Record<string, number> {
  if (mode.preserved) return mode.preserved;
  return Object.fromEntries([...parseFormula(base)].filter(([symbol]) => symbol !== mode.targetElement));
}

/**
 * The elements the optimiser may place for one base (the `M_opt ⊙ M_en` mask of DESIGN §5).
 * Substitution narrows it to elements with the target oxidation state, minus the preserved ones.
 */
export function optimisationElements(spec: ResolvedCampaignSpec, base: string): Set<string> {
  const pool = optimisableElements(spec);
  const { mode } = spec;
  if (mode.kind !== 'substitution') return pool;
  const preserved = new Set(Object.keys(preservedAmounts(mode, base)));
  const stateSet = spec.screening.oxidationStates;
  return new Set(
    ELEMENTS.filter(
      (element) =>
        pool.has(element.symbol) &&
        !preserved.has(element.symbol) &&
        element.oxidationStates[stateSet].includes(mode.targetOxidationState),
    ).map((element) => element.symbol),
  );
}
