import { addEach, hasSum, ONLY_ZERO, type SumSet } from './reachable-sums.js';

/** An element as the charge searches see it: its atom count and the oxidation states it may take. */
export interface ChargeSpecies {
  count: number;
  /** Candidate oxidation states; empty means the element cannot be charge-balanced. */
  states: readonly number[];
}

/**
 * One oxidation state per species such that Σ count·state = 0, or undefined when none exists.
 * Exact and independent of the number of combinations: layer i holds every partial sum reachable
 * with species 0..i-1 (states shifted by the species' lowest state so all sums are ≥ 0), the target
 * is the shift total, and the witness is read back layer by layer.
 */
export function findNeutralAssignment(species: readonly ChargeSpecies[]): number[] | undefined {
  let lowestTotal = 0;
  let highestTotal = 0;
  for (const { count, states } of species) {
    if (states.length === 0) return undefined;
    lowestTotal += count * Math.min(...states);
    highestTotal += count * Math.max(...states);
  }
  if (lowestTotal > 0 || highestTotal < 0) return undefined;

  const lowest = species.map((s) => Math.min(...s.states));
  const layers: SumSet[] = [ONLY_ZERO];
  species.forEach(({ count, states }, i) => {
    const shifts = states.map((state) => BigInt(count * (state - lowest[i]!)));
    layers.push(addEach(layers[i]!, shifts));
  });
  let remaining = -lowestTotal;
  if (!hasSum(layers[species.length]!, remaining)) return undefined;

  const assignment = new Array<number>(species.length);
  for (let i = species.length - 1; i >= 0; i--) {
    const { count, states } = species[i]!;
    const state = states.find((s) => hasSum(layers[i]!, remaining - count * (s - lowest[i]!)))!;
    assignment[i] = state;
    remaining -= count * (state - lowest[i]!);
  }
  return assignment;
}
