import type { ChargeSpecies } from './neutral-assignment.js';
import { addEach, hasSum, ONLY_ZERO, type SumSet } from './reachable-sums.js';

/**
 * An oxidation state for every ATOM (atoms of one element may differ) with Σ states = 0, as lists
 * per species in input order; undefined when none exists. Exact: one reachable-sum layer per atom
 * (states shifted by the species' lowest state), so the cost grows with atoms × states, never with
 * the number of combinations (states^atoms).
 */
export function findPerAtomNeutralAssignment(species: readonly ChargeSpecies[]): number[][] | undefined {
  if (species.some((s) => s.states.length === 0)) return undefined;
  const lowest = species.map((s) => Math.min(...s.states));
  const layers: SumSet[] = [ONLY_ZERO];
  let target = 0;
  species.forEach(({ count, states }, i) => {
    const shifts = states.map((state) => BigInt(state - lowest[i]!));
    for (let atom = 0; atom < count; atom++) layers.push(addEach(layers[layers.length - 1]!, shifts));
    target -= count * lowest[i]!;
  });
  if (!hasSum(layers[layers.length - 1]!, target)) return undefined;

  const assignment = species.map(() => [] as number[]);
  let layer = layers.length - 1;
  for (let i = species.length - 1; i >= 0; i--) {
    const { count, states } = species[i]!;
    for (let atom = 0; atom < count; atom++) {
      layer -= 1;
      const state = states.find((s) => hasSum(layers[layer]!, target - (s - lowest[i]!)))!;
      assignment[i]!.push(state);
      target -= state - lowest[i]!;
    }
    assignment[i]!.sort((a, b) => a - b);
  }
  return assignment;
}
