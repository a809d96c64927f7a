import { ELEMENT_COUNT, type Initialisation } from '@kiago/shared';
import type { ElementSampler } from './element-sampler.js';

export interface InitialisationInput {
  initialisation: Initialisation;
  candidates: number;
  /** The base composition as 118 fractions (used by `base`). */
  baseVector: ArrayLike<number>;
  /** M_opt ⊙ M_en: where `random` may place elements. */
  optimisationMask: ArrayLike<number>;
  /** Swap targets for `base` (frequency-weighted, inside the mask). */
  sampleElement: ElementSampler;
  random: () => number;
}

/**
 * Initial L (candidates × 118, row-major, each row summing to 1), DESIGN §5:
 * - `base`: the base tiled; every present element is swapped with probability mutateProb for a
 *   frequency-weighted element (its amount moves there); then every entry gets U(0,1)·perturbVal
 *   with probability perturbProb; rows renormalised. (AkiraTOSEI/KIAGO `mutate_init_data`,
 *   `perturb_init_data`.)
 * - `random` (baseline): elementCount distinct allowed elements with U(0,1) fractions.
 * - `uniform`: every entry U(0,1) (substitution mode, the reference's "random" initialiser).
 * Draw order is fixed (row by row, element by element), so a seed reproduces the same matrix.
 */
export function initialCandidates(input: InitialisationInput): Float32Array {
  const { initialisation, candidates, random } = input;
  const values = new Float64Array(candidates * ELEMENT_COUNT);
  for (let row = 0; row < candidates; row++) {
    const vector = values.subarray(row * ELEMENT_COUNT, (row + 1) * ELEMENT_COUNT);
    if (initialisation.kind === 'base') baseRow(vector, input, initialisation);
    else if (initialisation.kind === 'random') randomRow(vector, input, initialisation.elementCount);
    else for (let e = 0; e < ELEMENT_COUNT; e++) vector[e] = random();
    normaliseInPlace(vector);
  }
  return Float32Array.from(values);
}

function baseRow(
  vector: Float64Array,
  input: InitialisationInput,
  options: Extract<Initialisation, { kind: 'base' }>,
): void {
  const { baseVector, random, sampleElement } = input;
  for (let e = 0; e < ELEMENT_COUNT; e++) vector[e] = baseVector[e] ?? 0;
  const present = Array.from({ length: ELEMENT_COUNT }, (_, e) => e).filter((e) => (baseVector[e] ?? 0) > 0);
  for (const e of present) {
    if (random() >= options.mutateProb) continue;
    const amount = baseVector[e] ?? 0;
    vector[e] = (vector[e] ?? 0) - amount;
    const target = sampleElement(random);
    vector[target] = (vector[target] ?? 0) + amount;
  }
  for (let e = 0; e < ELEMENT_COUNT; e++) {
    if (random() < options.perturbProb) vector[e] = (vector[e] ?? 0) + random() * options.perturbVal;
  }
}

function randomRow(vector: Float64Array, input: InitialisationInput, elementCount: number): void {
  const pool = Array.from({ length: ELEMENT_COUNT }, (_, e) => e).filter(
    (e) => (input.optimisationMask[e] ?? 0) > 0,
  );
  // Partial Fisher–Yates: the first elementCount entries are a uniform sample without replacement.
  const picks = Math.min(elementCount, pool.length);
  for (let i = 0; i < picks; i++) {
    const j = i + Math.floor(input.random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    // 1 − U keeps every picked fraction strictly positive.
    vector[pool[i]!] = 1 - input.random();
  }
}

function normaliseInPlace(vector: Float64Array): void {
  let total = 0;
  for (const value of vector) total += Math.max(0, value);
  // A row can only be all-zero if every base element was swapped out of range; it stays zero and
  // the optimiser reports it as a NaN loss, like the reference.
  if (total > 0) for (let e = 0; e < vector.length; e++) vector[e] = Math.max(0, vector[e] ?? 0) / total;
}
