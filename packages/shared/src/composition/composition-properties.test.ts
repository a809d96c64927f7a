import { describe, expect, it } from 'vitest';
import { ELEMENTS } from '../elements/element-lookup.js';
import { formatFormula } from '../formula/format-formula.js';
import { parseFormula } from '../formula/parse-formula.js';
import { mulberry32 } from '../random/seeded-random.js';
import type { Composition } from './composition.js';
import { canonicalKey, reducedFormula } from './composition-keys.js';
import { compositionToVector, vectorToComposition } from './composition-vector.js';
import { toIntegerCounts } from './integer-counts.js';
import { normaliseComposition } from './normalise-composition.js';

interface Case {
  comp: Composition;
  /** Amounts as integers k, with amount = k / 100. */
  hundredths: Map<string, number>;
}

/** 1–6 distinct elements, amounts k/100 for k in 1..1000 (0.01 to 10). */
function randomCases(count: number, seed: number): Case[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const hundredths = new Map<string, number>();
    const size = 1 + Math.floor(random() * 6);
    while (hundredths.size < size) {
      const symbol = ELEMENTS[Math.floor(random() * ELEMENTS.length)]!.symbol;
      if (!hundredths.has(symbol)) hundredths.set(symbol, 1 + Math.floor(random() * 1000));
    }
    const comp = new Map([...hundredths].map(([symbol, k]) => [symbol, k / 100]));
    return { comp, hundredths };
  });
}

const integerGcd = (a: number, b: number): number => (b === 0 ? a : integerGcd(b, a % b));
const CASES = randomCases(600, 20_240_611);

function expectClose(actual: Composition, expected: Composition, relative: number) {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [symbol, amount] of expected) {
    expect(Math.abs(actual.get(symbol)! - amount) / amount).toBeLessThanOrEqual(relative);
  }
}

describe('composition properties over 600 seeded random compositions', () => {
  it('parse(format(c)) = c in input order, default precision', () => {
    for (const { comp } of CASES)
      expectClose(parseFormula(formatFormula(comp, { order: 'input' })), comp, 1e-12);
  });

  it('parse(format(c)) = c to 1e-9 for arbitrary float amounts at maxDecimals 12', () => {
    const random = mulberry32(7);
    for (const { comp } of CASES) {
      const jittered = new Map([...comp].map(([symbol, amount]) => [symbol, amount * (0.5 + random())]));
      expectClose(parseFormula(formatFormula(jittered, { order: 'input', maxDecimals: 12 })), jittered, 1e-9);
    }
  });

  it('toIntegerCounts = hundredths / their GCD, exactly', () => {
    for (const { comp, hundredths } of CASES) {
      const divisor = [...hundredths.values()].reduce(integerGcd);
      const expected = new Map([...hundredths].map(([symbol, k]) => [symbol, k / divisor]));
      expect(toIntegerCounts(comp)).toEqual(expected);
    }
  });

  it('the canonical key ignores scale and is a fixed point of parse', () => {
    for (const { comp } of CASES) {
      const key = canonicalKey(comp);
      expect(canonicalKey(normaliseComposition(comp))).toBe(key);
      expect(canonicalKey(new Map([...comp].map(([symbol, amount]) => [symbol, amount * 7])))).toBe(key);
      expect(reducedFormula(parseFormula(key))).toBe(key);
    }
  });

  it('vectorToComposition(compositionToVector(c)) = normalise(c) in Z order', () => {
    for (const { comp } of CASES) {
      const vector = compositionToVector(comp);
      expect(vector.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      const byZ = new Map(
        [...normaliseComposition(comp)].sort(
          ([a], [b]) => ELEMENTS.findIndex((e) => e.symbol === a) - ELEMENTS.findIndex((e) => e.symbol === b),
        ),
      );
      expectClose(vectorToComposition(vector), byZ, 1e-12);
    }
  });
});
