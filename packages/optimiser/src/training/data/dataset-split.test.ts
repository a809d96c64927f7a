import { mulberry32, SpecError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { groupedSplit, randomSplit, type SplitIndices } from './dataset-split.js';
import { SPLIT_NAMES } from './split-options.js';

/** 600 element-set groups of 1–12 rows each (≈ 3,900 rows), rows interleaved across groups. */
function syntheticGroupKeys(): string[] {
  const random = mulberry32(99);
  const keys: string[] = [];
  for (let group = 0; group < 600; group++) {
    const size = 1 + Math.floor(random() * 12);
    for (let i = 0; i < size; i++) keys.push(`G${group}`);
  }
  // Interleave (7919 is prime, so this is a permutation) so a group's rows are not contiguous.
  return keys.map((_, i) => keys[(i * 7919) % keys.length]!);
}

function splitOfEachRow(split: SplitIndices, rowCount: number): string[] {
  const names = new Array<string>(rowCount);
  for (const name of SPLIT_NAMES) for (const index of split[name]) names[index] = name;
  return names;
}

describe('groupedSplit', () => {
  const keys = syntheticGroupKeys();
  const split = groupedSplit(keys, 42);

  it('puts every row in exactly one split', () => {
    const all = [...split.train, ...split.val, ...split.test].sort((a, b) => a - b);
    expect(all).toEqual(keys.map((_, i) => i));
  });

  it('never puts one group in two splits', () => {
    const splitOfGroup = new Map<string, string>();
    splitOfEachRow(split, keys.length).forEach((name, i) => {
      const seen = splitOfGroup.get(keys[i]!);
      if (seen) expect(seen).toBe(name);
      else splitOfGroup.set(keys[i]!, name);
    });
    expect(new Set(splitOfGroup.values()).size).toBe(3);
  });

  it('reaches 80/5/15 of rows within 2 percentage points', () => {
    for (const [name, share] of [
      ['train', 0.8],
      ['val', 0.05],
      ['test', 0.15],
    ] as const) {
      expect(Math.abs(split[name].length / keys.length - share)).toBeLessThan(0.02);
    }
  });

  it('is deterministic for a seed and independent of row order', () => {
    expect(groupedSplit(keys, 42)).toEqual(split);
    const reversed = [...keys].reverse();
    const splitOfReversed = splitOfEachRow(groupedSplit(reversed, 42), keys.length).reverse();
    expect(splitOfReversed).toEqual(splitOfEachRow(split, keys.length));
  });

  it('differs between seeds', () => {
    expect(groupedSplit(keys, 43).test).not.toEqual(split.test);
  });

  it('honours custom fractions', () => {
    const half = groupedSplit(keys, 1, { train: 0.5, val: 0, test: 0.5 });
    expect(half.val).toEqual([]);
    expect(Math.abs(half.train.length / keys.length - 0.5)).toBeLessThan(0.02);
  });

  it('rejects a bad seed or fractions with a SpecError naming the field', () => {
    expect(() => groupedSplit(keys, -1)).toThrow(SpecError);
    expect(() => groupedSplit(keys, 1.5)).toThrow(/seed/);
    expect(() => groupedSplit(keys, 1, { train: 0.8, val: 0.1, test: 0.2 })).toThrow(/sum to 1/);
  });
});

describe('randomSplit', () => {
  it('splits rows 80/5/15 to the row, deterministically, and mixes groups across splits', () => {
    const keys = syntheticGroupKeys();
    const split = randomSplit(keys.length, 42);
    expect(split.train.length).toBe(Math.round(keys.length * 0.8));
    expect(split.train.length + split.val.length).toBe(Math.round(keys.length * 0.85));
    expect(randomSplit(keys.length, 42)).toEqual(split);
    expect(randomSplit(keys.length, 7).test).not.toEqual(split.test);
    const splitsPerGroup = new Map<string, Set<string>>();
    splitOfEachRow(split, keys.length).forEach((name, i) => {
      const names = splitsPerGroup.get(keys[i]!) ?? new Set();
      splitsPerGroup.set(keys[i]!, names.add(name));
    });
    expect([...splitsPerGroup.values()].some((names) => names.size > 1)).toBe(true);
  });
});
