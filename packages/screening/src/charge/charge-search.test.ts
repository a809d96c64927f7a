import { describe, expect, it } from 'vitest';
import { type ChargeSpecies, findNeutralAssignment } from './neutral-assignment.js';
import { findPaulingNeutralAssignment, type PaulingSpecies } from './pauling-assignment.js';
import { findPerAtomNeutralAssignment } from './per-atom-assignment.js';

/** Small seeded generator so failures reproduce. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function randomSpecies(random: () => number): PaulingSpecies[] {
  const n = 1 + Math.floor(random() * 5);
  return Array.from({ length: n }, () => {
    const states = new Set<number>();
    const stateCount = random() < 0.05 ? 0 : 1 + Math.floor(random() * 4); // 1..4 states, rarely none
    while (states.size < stateCount) states.add(Math.floor(random() * 11) - 4); // −4..6, including 0
    return {
      count: 1 + Math.floor(random() * 5),
      states: [...states].sort((a, b) => a - b),
      electronegativity: [0.8, 1.9, 1.9, 2.5, 3.4][Math.floor(random() * 5)]!, // ties on purpose
    };
  });
}

/** Every one-state-per-species combination (the naive definition). */
function* combinations(species: readonly ChargeSpecies[]): Generator<number[]> {
  if (species.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = species;
  for (const state of first!.states) for (const tail of combinations(rest)) yield [state, ...tail];
}

const charge = (species: readonly ChargeSpecies[], states: readonly number[]) =>
  species.reduce((sum, s, i) => sum + s.count * states[i]!, 0);

function paulingOk(species: readonly PaulingSpecies[], states: readonly number[]): boolean {
  for (let a = 0; a < species.length; a++) {
    for (let b = 0; b < species.length; b++) {
      if (
        states[a]! > 0 &&
        states[b]! < 0 &&
        species[a]!.electronegativity >= species[b]!.electronegativity
      ) {
        return false;
      }
    }
  }
  return true;
}

describe('one-state-per-element searches agree with exhaustive enumeration', () => {
  it('on 3,000 random systems (ties, zero states, missing states)', () => {
    const random = lcg(7);
    let neutralCount = 0;
    let paulingCount = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const species = randomSpecies(random);
      const all = [...combinations(species)];
      const neutral = all.filter((states) => charge(species, states) === 0);
      const pauling = neutral.filter((states) => paulingOk(species, states));

      const found = findNeutralAssignment(species);
      expect(found !== undefined).toBe(neutral.length > 0);
      if (found) expect(charge(species, found)).toBe(0);

      const foundPauling = findPaulingNeutralAssignment(species);
      expect(foundPauling !== undefined).toBe(pauling.length > 0);
      if (foundPauling) {
        expect(charge(species, foundPauling)).toBe(0);
        expect(paulingOk(species, foundPauling)).toBe(true);
        foundPauling.forEach((state, i) => {
          expect(species[i]!.states).toContain(state);
        });
      }
      neutralCount += neutral.length > 0 ? 1 : 0;
      paulingCount += pauling.length > 0 ? 1 : 0;
    }
    // Both outcomes must be well represented for the comparison to mean anything.
    expect(neutralCount).toBeGreaterThan(300);
    expect(paulingCount).toBeGreaterThan(200);
    expect(neutralCount - paulingCount).toBeGreaterThan(100);
  });
});

describe('per-atom search (hydride rule)', () => {
  /** Naive: every multiset sum, atom by atom. */
  function perAtomSums(species: readonly ChargeSpecies[]): Set<number> {
    let sums = new Set([0]);
    for (const { count, states } of species) {
      for (let atom = 0; atom < count; atom++) {
        const next = new Set<number>();
        for (const sum of sums) for (const state of states) next.add(sum + state);
        sums = next;
      }
    }
    return sums;
  }

  it('agrees with naive per-atom sums and returns a witness of the right shape', () => {
    const random = lcg(11);
    let neutralCount = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const species = randomSpecies(random);
      const expected = perAtomSums(species).has(0);
      const found = findPerAtomNeutralAssignment(species);
      expect(found !== undefined).toBe(expected);
      if (!found) continue;
      neutralCount += 1;
      found.forEach((atoms, i) => {
        expect(atoms).toHaveLength(species[i]!.count);
        for (const state of atoms) expect(species[i]!.states).toContain(state);
      });
      expect(found.flat().reduce((a, b) => a + b, 0)).toBe(0);
    }
    expect(neutralCount).toBeGreaterThan(300);
  });

  it('lets atoms of one element differ where one state per element cannot balance (Fe3O4)', () => {
    const fe3o4 = [
      { count: 3, states: [2, 3] },
      { count: 4, states: [-2] },
    ];
    expect(findNeutralAssignment(fe3o4)).toBeUndefined();
    expect(findPerAtomNeutralAssignment(fe3o4)).toEqual([
      [2, 3, 3],
      [-2, -2, -2, -2],
    ]);
  });
});
