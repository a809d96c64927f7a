import type { Element } from '@kiago/shared';

/** SMACT's 2014 default list (`smact14`, the KIAGO paper's choice) or the ICSD-24 filtered list. */
export type OxidationStateSet = 'smact14' | 'icsd24';

export const OXIDATION_STATE_SETS: readonly OxidationStateSet[] = ['smact14', 'icsd24'];

export function oxidationStatesOf(element: Element, set: OxidationStateSet): readonly number[] {
  return element.oxidationStates[set];
}
