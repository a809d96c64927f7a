import { SpecError, type SpecIssue } from '@kiago/shared';
import { findPerAtomNeutralAssignment } from '../charge/per-atom-assignment.js';
import { readIntegerCounts } from '../counts/read-integer-counts.js';
import { type OxidationStateSet, oxidationStatesOf } from '../oxidation-state-set.js';

/** Hydride-mode limits (DESIGN §7); the defaults are the paper's. */
export const HYDRIDE_DEFAULTS = { maxElements: 3, maxAtoms: 15, minHydrogenFraction: 0.4 } as const;

/** Hydrogen atoms take −1 or +1 each, whatever list is in use for the other elements. */
const HYDROGEN_STATES: readonly number[] = [-1, 1];

export interface HydrideScreenOptions {
  /** Oxidation states of the non-hydrogen elements (KIAGO uses smact14). */
  oxidationStateSet: OxidationStateSet;
  maxElements?: number;
  maxAtoms?: number;
  minHydrogenFraction?: number;
}

export interface HydrideScreenResult {
  /** Some per-atom choice of states sums to 0. */
  chargeNeutral: boolean;
  elementCountOk: boolean;
  atomCountOk: boolean;
  /** minHydrogenFraction ≤ x_H < 1. */
  hydrogenFractionOk: boolean;
  valid: boolean;
  hydrogenFraction: number;
  /** Per-atom states of a neutral choice, ascending per element, e.g. { La: [3], H: [-1, …, 1] }. */
  assignment?: Record<string, number[]>;
  reason?: string;
}

/**
 * Hydride rule (DESIGN §7, KIAGO `check_HSC_heutrality`): every H atom independently ±1, every
 * other atom any of its element's states (atoms of one element may differ); neutral if some choice
 * sums to 0; at most 3 elements and 15 atoms, and 0.4 ≤ x_H < 1. The counts are the candidate's
 * integer formula AS GIVEN (not gcd-reduced): per-atom freedom makes H2X2 and HX differ, and the
 * atom limit refers to the rounded formula, as in the reference evaluation.
 */
export function screenHydride(
  counts: ReadonlyMap<string, number>,
  options: HydrideScreenOptions,
): HydrideScreenResult {
  const limits = readLimits(options);
  const elements = readIntegerCounts(counts, 'screenHydride counts');
  const atoms = elements.reduce((sum, e) => sum + e.count, 0);
  const hydrogenAtoms = elements.find((e) => e.element.symbol === 'H')?.count ?? 0;
  const hydrogenFraction = hydrogenAtoms / atoms;

  const elementCountOk = elements.length <= limits.maxElements;
  const atomCountOk = atoms <= limits.maxAtoms;
  const hydrogenFractionOk = hydrogenFraction >= limits.minHydrogenFraction && hydrogenFraction < 1;
  const perAtom = findPerAtomNeutralAssignment(
    elements.map((e) => ({
      count: e.count,
      states:
        e.element.symbol === 'H' ? HYDROGEN_STATES : oxidationStatesOf(e.element, options.oxidationStateSet),
    })),
  );
  const chargeNeutral = perAtom !== undefined;
  const valid = chargeNeutral && elementCountOk && atomCountOk && hydrogenFractionOk;

  const reasons: string[] = [];
  if (!chargeNeutral)
    reasons.push(`no per-atom choice of ${options.oxidationStateSet} states (H ±1) is charge-neutral`);
  if (!elementCountOk) reasons.push(`${elements.length} elements > ${limits.maxElements}`);
  if (!atomCountOk) reasons.push(`${atoms} atoms > ${limits.maxAtoms}`);
  if (!hydrogenFractionOk) {
    reasons.push(
      `hydrogen fraction ${hydrogenFraction.toFixed(4)} outside [${limits.minHydrogenFraction}, 1)`,
    );
  }
  return {
    chargeNeutral,
    elementCountOk,
    atomCountOk,
    hydrogenFractionOk,
    valid,
    hydrogenFraction,
    ...(perAtom
      ? { assignment: Object.fromEntries(elements.map((e, i) => [e.element.symbol, perAtom[i]!])) }
      : {}),
    ...(valid ? {} : { reason: reasons.join('; ') }),
  };
}

function readLimits(
  options: HydrideScreenOptions,
): Required<Omit<HydrideScreenOptions, 'oxidationStateSet'>> {
  const limits = { ...HYDRIDE_DEFAULTS, ...stripUndefined(options) };
  const issues: SpecIssue[] = [];
  for (const key of ['maxElements', 'maxAtoms'] as const) {
    if (!(Number.isSafeInteger(limits[key]) && limits[key] >= 1)) {
      issues.push({ path: key, message: `${limits[key]} is not a positive integer` });
    }
  }
  if (!(limits.minHydrogenFraction >= 0 && limits.minHydrogenFraction < 1)) {
    issues.push({ path: 'minHydrogenFraction', message: `${limits.minHydrogenFraction} is not in [0, 1)` });
  }
  if (issues.length > 0) throw new SpecError('screenHydride options', issues);
  return limits;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
