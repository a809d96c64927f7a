import type { ChargeSpecies } from './neutral-assignment.js';
import { addEach, EMPTY, hasSum, largestSum, ONLY_ZERO, type SumSet } from './reachable-sums.js';

export interface PaulingSpecies extends ChargeSpecies {
  /** Pauling electronegativity (known: a missing value fails the test before this search). */
  electronegativity: number;
}

/**
 * One oxidation state per species with Σ count·state = 0 AND every cation (state > 0) strictly less
 * electronegative than every anion (state < 0); states of 0 are neither (SMACT `eneg_states_test`).
 * Returns the states in input order, or undefined when no such assignment exists.
 *
 * Why it is exact: sort species by electronegativity. An assignment passes the Pauling test iff
 * some cut between two distinct electronegativity values puts every cation below it and every
 * anion above it. For a fixed cut, the cation side may only use states ≥ 0 and the anion side
 * states ≤ 0, so the assignment is neutral iff some value is both a reachable cation-side sum
 * (prefix layer) and a reachable negated anion-side sum (suffix layer). Prefix and suffix layers
 * are shared by all cuts, so all n+1 cuts cost two reachable-sum passes instead of one per cut.
 */
export function findPaulingNeutralAssignment(species: readonly PaulingSpecies[]): number[] | undefined {
  const n = species.length;
  const order = species
    .map((_, i) => i)
    .sort((a, b) => species[a]!.electronegativity - species[b]!.electronegativity || a - b);
  const sorted = order.map((i) => species[i]!);
  const cationStates = sorted.map((s) => s.states.filter((state) => state >= 0));
  const anionStates = sorted.map((s) => s.states.filter((state) => state <= 0));

  // suffix[j]: negated charge sums reachable by species j..n-1 as anions (or neutral atoms).
  const suffix = new Array<SumSet>(n + 1).fill(EMPTY);
  suffix[n] = ONLY_ZERO;
  let firstCut = n;
  for (let j = n - 1; j >= 0; j--) {
    const { count } = sorted[j]!;
    suffix[j] = addEach(
      suffix[j + 1]!,
      anionStates[j]!.map((s) => BigInt(-count * s)),
    );
    if (suffix[j] === EMPTY) break;
    firstCut = j;
  }

  // prefix[j]: charge sums reachable by species 0..j-1 as cations (or neutral atoms).
  const prefix: SumSet[] = [ONLY_ZERO];
  for (let j = 0; j <= n; j++) {
    if (j > 0) {
      const { count } = sorted[j - 1]!;
      prefix.push(
        addEach(
          prefix[j - 1]!,
          cationStates[j - 1]!.map((s) => BigInt(count * s)),
        ),
      );
    }
    if (prefix[j] === EMPTY) return undefined;
    const splitsTie = j > 0 && j < n && sorted[j - 1]!.electronegativity === sorted[j]!.electronegativity;
    if (j < firstCut || splitsTie) continue;
    const common = prefix[j]! & suffix[j]!;
    if (common === EMPTY) continue;

    // The largest common total is the most ionic reading (Cu2+ O2- rather than Cu+ O- for CuO).
    const balance = largestSum(common);
    const states = new Array<number>(n);
    let remaining = balance;
    for (let k = j - 1; k >= 0; k--) {
      const { count } = sorted[k]!;
      const state = cationStates[k]!.find((s) => hasSum(prefix[k]!, remaining - count * s))!;
      states[order[k]!] = state;
      remaining -= count * state;
    }
    remaining = balance;
    for (let k = j; k < n; k++) {
      const { count } = sorted[k]!;
      const state = anionStates[k]!.find((s) => hasSum(suffix[k + 1]!, remaining + count * s))!;
      states[order[k]!] = state;
      remaining += count * state;
    }
    return states;
  }
  return undefined;
}
