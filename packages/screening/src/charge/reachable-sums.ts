/**
 * Sets of non-negative integers held as bigint bitsets (bit k set ⇔ k is in the set). Adding a
 * choice of shifts to every member is a handful of native shift-or operations, which is what makes
 * the reachable-sum searches exact and still fast: their cost grows with the width of the sum range,
 * never with the number of combinations.
 */
export type SumSet = bigint;

export const ONLY_ZERO: SumSet = 1n;
export const EMPTY: SumSet = 0n;

/** { a + s : a ∈ set, s ∈ shifts } for non-negative shifts. */
export function addEach(set: SumSet, shifts: readonly bigint[]): SumSet {
  let out = EMPTY;
  for (const shift of shifts) out |= set << shift;
  return out;
}

export function hasSum(set: SumSet, value: number): boolean {
  return value >= 0 && ((set >> BigInt(value)) & 1n) === 1n;
}

/** Largest member of a non-empty set. */
export function largestSum(set: SumSet): number {
  return set.toString(2).length - 1;
}
