import { SpecError } from '@kiago/shared';
import { findNeutralAssignment } from '../charge/neutral-assignment.js';
import { findPaulingNeutralAssignment } from '../charge/pauling-assignment.js';
import { checkElementCount } from '../checks/element-count.js';
import { type CountedElement, readIntegerCounts, reduceCounts } from '../counts/read-integer-counts.js';
import { type OxidationStateSet, oxidationStatesOf } from '../oxidation-state-set.js';

export interface SmactScreenOptions {
  oxidationStateSet: OxidationStateSet;
  /** Most distinct elements a valid candidate may have (DESIGN §7; default campaigns use 8). */
  maxElements: number;
}

/** How a composition passed the charge/electronegativity part (SMACT `smact_validity` fast paths). */
export type SmactPassRule = 'single-element' | 'all-metal' | 'oxidation-states';

export interface SmactScreenResult {
  /** Some one-state-per-element assignment is charge-neutral (true on the single-element/all-metal paths). */
  chargeNeutral: boolean;
  /** Some charge-neutral assignment also passes the Pauling test (implies chargeNeutral). */
  electronegativityOk: boolean;
  elementCountOk: boolean;
  /** chargeNeutral && electronegativityOk && elementCountOk. */
  valid: boolean;
  /** Set when chargeNeutral && electronegativityOk. */
  passedBy?: SmactPassRule;
  /** A neutral assignment (Pauling-passing when electronegativityOk), element symbol → state. */
  assignment?: Record<string, number>;
  /** Why the composition is not valid; absent when it is. */
  reason?: string;
}

/**
 * SMACT-style validity of an integer formula (DESIGN §7), mirroring SMACT 4.x `smact_validity(comp,
 * use_pauling_test=True, include_alloys=True, oxidation_states_set=…)`:
 * 1. a single element passes; 2. a composition of SMACT metals only passes (alloy);
 * 3. otherwise some choice of ONE oxidation state per element must give Σ state·count = 0 on the
 *    gcd-reduced counts, and for that same choice every cation must be strictly less
 *    electronegative than every anion (Pauling).
 * An element with no oxidation states in the chosen list (smact14: He, Ne, Ar, Mt and heavier;
 * icsd24: also Pm, At, Rn, Fr, Ra, Es and heavier) cannot be balanced. An element without a Pauling electronegativity (He,
 * Ne, Ar, Pm, Rn, Lr and heavier) fails the Pauling test whenever step 3 is reached, as in current
 * SMACT (4.0.2, `eneg_states_test`: any None fails); older SMACT raised TypeError there and the
 * KIAGO evaluation counted that as a pass — we follow the current library. SMACT has no element
 * data past Lr and raises; here such elements are screened with their listed states (e.g. Rf +4
 * in smact14) and, lacking an electronegativity, fail the Pauling test.
 * The element-count limit is reported separately and also gates `valid`.
 */
export function screenComposition(
  counts: ReadonlyMap<string, number>,
  options: SmactScreenOptions,
): SmactScreenResult {
  checkMaxElements(options.maxElements, 'screenComposition options');
  const elements = reduceCounts(readIntegerCounts(counts, 'screenComposition counts'));
  const count = checkElementCount(elements.length, options.maxElements);
  const elementCountOk = count.ok;
  const countReason = count.reason ? [count.reason] : [];

  const fastPath: SmactPassRule | undefined =
    elements.length === 1
      ? 'single-element'
      : elements.every((e) => e.element.isMetal)
        ? 'all-metal'
        : undefined;
  if (fastPath) return result(true, true, elementCountOk, countReason, undefined, fastPath);

  const set = options.oxidationStateSet;
  const stateless = elements.filter((e) => oxidationStatesOf(e.element, set).length === 0);
  if (stateless.length > 0) {
    const symbols = stateless.map((e) => e.element.symbol).join(', ');
    return result(false, false, elementCountOk, [
      `${symbols}: no oxidation states in ${set}`,
      ...countReason,
    ]);
  }
  const species = elements.map((e) => ({ count: e.count, states: oxidationStatesOf(e.element, set) }));

  const withoutEn = elements.filter((e) => e.element.paulingEn === null);
  if (withoutEn.length === 0) {
    const paulingStates = findPaulingNeutralAssignment(
      elements.map((e, i) => ({ ...species[i]!, electronegativity: e.element.paulingEn! })),
    );
    if (paulingStates) {
      return result(
        true,
        true,
        elementCountOk,
        countReason,
        toRecord(elements, paulingStates),
        'oxidation-states',
      );
    }
  }
  const neutralStates = findNeutralAssignment(species);
  if (!neutralStates) {
    return result(false, false, elementCountOk, [
      `no choice of one ${set} oxidation state per element is charge-neutral`,
      ...countReason,
    ]);
  }
  const enReason =
    withoutEn.length > 0
      ? `${withoutEn.map((e) => e.element.symbol).join(', ')}: no Pauling electronegativity`
      : 'no charge-neutral assignment has every cation less electronegative than every anion';
  return result(true, false, elementCountOk, [enReason, ...countReason], toRecord(elements, neutralStates));
}

function checkMaxElements(maxElements: number, source: string): void {
  if (!(Number.isSafeInteger(maxElements) && maxElements >= 1)) {
    throw new SpecError(source, [
      { path: 'maxElements', message: `${maxElements} is not a positive integer` },
    ]);
  }
}

function toRecord(elements: readonly CountedElement[], states: readonly number[]): Record<string, number> {
  return Object.fromEntries(elements.map((e, i) => [e.element.symbol, states[i]!]));
}

function result(
  chargeNeutral: boolean,
  electronegativityOk: boolean,
  elementCountOk: boolean,
  reasons: readonly string[],
  assignment?: Record<string, number>,
  passedBy?: SmactPassRule,
): SmactScreenResult {
  const valid = chargeNeutral && electronegativityOk && elementCountOk;
  return {
    chargeNeutral,
    electronegativityOk,
    elementCountOk,
    valid,
    ...(passedBy ? { passedBy } : {}),
    ...(assignment ? { assignment } : {}),
    ...(valid ? {} : { reason: reasons.join('; ') }),
  };
}
