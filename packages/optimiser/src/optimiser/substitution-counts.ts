import { bestNUnits, roundHalfEven } from './integer-grid.js';

/** N·c_e counts as integral within this much (c is stored as float32). */
const INTEGRAL_TOLERANCE = 1e-4;

/** The smallest N > 0 up to `limit` at which every fixed fraction is a whole number of atoms, or null. */
export function fixedPartUnit(
  fixed: ArrayLike<number>,
  fixedIndices: readonly number[],
  limit: number,
): number | null {
  for (let n = 1; n <= limit; n++) {
    const integral = fixedIndices.every((e) => {
      const atoms = (fixed[e] ?? 0) * n;
      return Math.abs(atoms - Math.round(atoms)) < INTEGRAL_TOLERANCE;
    });
    if (integral) return n;
  }
  return null;
}

/**
 * Integer form of a substitution candidate that keeps the preserved part exact: N* is the
 * integer-loss argmin over the N values that hold whole formula units of the fixed part; the fixed
 * elements get exactly c_e·N* atoms and the substitutes share the remaining atoms by largest
 * remainder (ties to the lower Z). The counts sum to N*, so the preserved fractions and the
 * substituted total are exact, as the 1 % success check needs. Null when no N in the set is a
 * multiple of the fixed part's unit (the caller then rounds like the other modes).
 */
export function substitutionCounts(
  x: ArrayLike<number>,
  fixed: ArrayLike<number>,
  fixedIndices: readonly number[],
  nValues: readonly number[],
): { nUnits: number; counts: Map<number, number> } | null {
  const unit = fixedPartUnit(fixed, fixedIndices, Math.max(...nValues));
  const usable = unit === null ? [] : nValues.filter((n) => n % unit === 0);
  if (usable.length === 0) return null;
  const nUnits = bestNUnits(x, usable);
  const counts = new Map<number, number>();
  const isFixed = new Set(fixedIndices);
  let fixedAtoms = 0;
  for (const e of fixedIndices) {
    const atoms = roundHalfEven((fixed[e] ?? 0) * nUnits);
    fixedAtoms += atoms;
    if (atoms > 0) counts.set(e, atoms);
  }
  const shares: { e: number; share: number }[] = [];
  for (let e = 0; e < x.length; e++) {
    if (!isFixed.has(e) && (x[e] ?? 0) > 0) shares.push({ e, share: (x[e] ?? 0) * nUnits });
  }
  const freeAtoms = nUnits - fixedAtoms;
  const shareTotal = shares.reduce((sum, { share }) => sum + share, 0);
  // The shares sum to (1 − S)·N* up to float error; rescale so the remainders are exact.
  const scaled = shares.map(({ e, share }) => ({
    e,
    share: shareTotal > 0 ? (share * freeAtoms) / shareTotal : 0,
  }));
  let assigned = 0;
  for (const { e, share } of scaled) {
    const atoms = Math.floor(share);
    assigned += atoms;
    if (atoms > 0) counts.set(e, atoms);
  }
  const byRemainder = [...scaled].sort(
    (a, b) => b.share - Math.floor(b.share) - (a.share - Math.floor(a.share)) || a.e - b.e,
  );
  for (const { e } of byRemainder.slice(0, Math.max(0, freeAtoms - assigned)))
    counts.set(e, (counts.get(e) ?? 0) + 1);
  return { nUnits, counts: new Map([...counts].sort(([a], [b]) => a - b)) };
}
