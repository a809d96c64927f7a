import { roundHalfEven } from './integer-grid.js';

/**
 * Hydride mode's integer grid (issue 13). The reference grid round(x·N)/N lets every non-H element
 * with x < 1/(2N) round to 0, and pure H has zero integer loss at every N, so H-rich candidates
 * collapse to H. Here every element still present other than H targets at least one atom,
 * max(1, round(x·N))/N, and an N is admissible only where the counts form a hydride the screen
 * accepts: minHydrogenFraction ≤ x_H < 1 and at most maxAtoms atoms.
 */
export interface HydrideGrid {
  hydrogenIndex: number;
  minHydrogenFraction: number;
  maxAtoms: number;
}

/** Float32 compositions: a count exactly on the bound (2 H of 5 atoms at 0.4) must still pass. */
const FRACTION_TOLERANCE = 1e-6;

/** Counts at N: round(x·N) for H, max(1, round(x·N)) for every other element with x > 0. */
export function hydrideCounts(x: ArrayLike<number>, n: number, grid: HydrideGrid): Map<number, number> {
  const counts = new Map<number, number>();
  for (let e = 0; e < x.length; e++) {
    const value = x[e] ?? 0;
    if (!(value > 0)) continue;
    const rounded = roundHalfEven(value * n);
    const count = e === grid.hydrogenIndex ? rounded : Math.max(1, rounded);
    if (count > 0) counts.set(e, count);
  }
  return counts;
}

export function isAdmissibleHydride(counts: ReadonlyMap<number, number>, grid: HydrideGrid): boolean {
  let total = 0;
  for (const count of counts.values()) total += count;
  const hydrogen = counts.get(grid.hydrogenIndex) ?? 0;
  return (
    total <= grid.maxAtoms &&
    hydrogen < total &&
    hydrogen >= grid.minHydrogenFraction * total - FRACTION_TOLERANCE
  );
}

/** N* = argmin over admissible N of Σ_e (x_e − count_e/N)²; ties to the smallest N; null if none is admissible. */
export function bestHydrideForm(
  x: ArrayLike<number>,
  nValues: readonly number[],
  grid: HydrideGrid,
): { nUnits: number; counts: Map<number, number> } | null {
  let best: { nUnits: number; counts: Map<number, number> } | null = null;
  let bestLoss = Number.POSITIVE_INFINITY;
  for (const n of [...nValues].sort((a, b) => a - b)) {
    const counts = hydrideCounts(x, n, grid);
    if (!isAdmissibleHydride(counts, grid)) continue;
    let loss = 0;
    for (let e = 0; e < x.length; e++) {
      const value = x[e] ?? 0;
      if (value === 0) continue;
      const diff = value - (counts.get(e) ?? 0) / n;
      loss += diff * diff;
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = { nUnits: n, counts };
    }
  }
  return best;
}
