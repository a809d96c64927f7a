import { ELEMENTS, type Initialisation, mulberry32 } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { frequencyElementSampler } from './element-sampler.js';
import { initialCandidates } from './initialisation.js';

const index = (symbol: string) => ELEMENTS.findIndex((e) => e.symbol === symbol);
const base = new Float64Array(118);
base[index('La')] = 0.25;
base[index('Ni')] = 0.25;
base[index('As')] = 0.25;
base[index('O')] = 0.25;
const allowAll = new Float32Array(118).fill(1);

function init(initialisation: Initialisation, mask: Float32Array = allowAll, seed = 3, candidates = 64) {
  return initialCandidates({
    initialisation,
    candidates,
    baseVector: base,
    optimisationMask: mask,
    sampleElement: frequencyElementSampler(mask),
    random: mulberry32(seed),
  });
}
const rowsOf = (values: Float32Array) =>
  Array.from({ length: values.length / 118 }, (_, r) => values.subarray(r * 118, (r + 1) * 118));
const sum = (row: Float32Array) => row.reduce((a, b) => a + b, 0);

describe('initialCandidates', () => {
  it('tiles the base unchanged when nothing mutates or perturbs', () => {
    for (const row of rowsOf(init({ kind: 'base', mutateProb: 0, perturbVal: 0.03, perturbProb: 0 }))) {
      expect([...row]).toEqual([...Float32Array.from(base)]);
    }
  });

  it('swaps, perturbs and renormalises from the base, reproducibly for a seed', () => {
    const options: Initialisation = { kind: 'base', mutateProb: 0.29, perturbVal: 0.03, perturbProb: 0.22 };
    const values = init(options);
    expect(init(options)).toEqual(values);
    expect(init(options, allowAll, 4)).not.toEqual(values);
    let swapped = 0;
    for (const row of rowsOf(values)) {
      expect(sum(row)).toBeCloseTo(1, 6);
      expect(Math.min(...row)).toBeGreaterThanOrEqual(0);
      // perturbation touches about perturbProb of the 118 entries
      expect(row.filter((v) => v > 0).length).toBeGreaterThan(10);
      if (row[index('La')]! < 0.2 || row[index('O')]! < 0.2) swapped++;
    }
    expect(swapped).toBeGreaterThan(10); // ≈ 1 − 0.71² of rows lose La or O
  });

  it('places exactly elementCount allowed elements for the random baseline', () => {
    const mask = new Float32Array(118);
    for (const symbol of ['Cu', 'O', 'Ba', 'Y', 'Sr', 'Ca', 'Bi', 'Tl', 'Hg', 'La']) mask[index(symbol)] = 1;
    for (const row of rowsOf(init({ kind: 'random', elementCount: 4 }, mask))) {
      const present = [...row.keys()].filter((e) => row[e]! > 0);
      expect(present).toHaveLength(4);
      for (const e of present) expect(mask[e]).toBe(1);
      expect(sum(row)).toBeCloseTo(1, 6);
    }
  });

  it('fills every entry for the uniform start of substitution mode', () => {
    for (const row of rowsOf(init({ kind: 'uniform' }))) {
      expect(row.every((v) => v > 0)).toBe(true);
      expect(sum(row)).toBeCloseTo(1, 6);
    }
  });
});

describe('frequencyElementSampler', () => {
  it('draws allowed elements only, weighted by SuperCon frequency', () => {
    const random = mulberry32(11);
    const draws = new Map<string, number>();
    const sample = frequencyElementSampler(allowAll);
    for (let i = 0; i < 20_000; i++) {
      const symbol = ELEMENTS[sample(random)]!.symbol;
      draws.set(symbol, (draws.get(symbol) ?? 0) + 1);
    }
    const ranked = [...draws].sort((a, b) => b[1] - a[1]);
    expect(ranked[0]?.[0]).toBe('O'); // in about half of all SuperCon superconductors
    expect(draws.has('He')).toBe(false); // never in SuperCon
    const mask = new Float32Array(118);
    mask[index('Nb')] = 1;
    mask[index('He')] = 1;
    const limited = frequencyElementSampler(mask);
    for (let i = 0; i < 100; i++) expect(limited(random)).toBe(index('Nb'));
  });
});
