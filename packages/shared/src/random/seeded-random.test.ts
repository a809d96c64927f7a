import { describe, expect, it } from 'vitest';
import { mulberry32, shuffleInPlace } from './seeded-random.js';

const draw = (seed: number, count: number) => Array.from({ length: count }, mulberry32(seed));

describe('mulberry32', () => {
  it('repeats the same sequence for a seed and stays in [0, 1)', () => {
    const values = draw(7, 1000);
    expect(draw(7, 1000)).toEqual(values);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('gives different sequences for different seeds', () => {
    expect(draw(1, 5)).not.toEqual(draw(2, 5));
  });

  it('pins the published mulberry32 output so the algorithm cannot drift', () => {
    // First outputs of the reference implementation (bryc/code, PRNGs.md) for seed 1, times 2^32.
    expect(draw(1, 3).map((value) => value * 4294967296)).toEqual([2693262067, 11749833, 2265367787]);
  });
});

describe('shuffleInPlace', () => {
  it('permutes the items, deterministically for a seed', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = shuffleInPlace([...items], mulberry32(3));
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(shuffleInPlace([...items], mulberry32(3))).toEqual(shuffled);
  });
});
