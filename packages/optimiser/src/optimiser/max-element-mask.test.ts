import { describe, expect, it } from 'vitest';
import { buildMaxElementMask } from './max-element-mask.js';

function row(entries: Record<number, number>): Float32Array {
  const x = new Float32Array(118);
  for (const [e, value] of Object.entries(entries)) x[Number(e)] = value;
  return x;
}

const keptOf = (mask: Float32Array, r: number) =>
  [...mask.subarray(r * 118, (r + 1) * 118).keys()].filter((e) => mask[r * 118 + e] === 1);

describe('buildMaxElementMask', () => {
  it('keeps the k largest entries, strictly above the (k+1)-th', () => {
    const x = new Float32Array([
      ...row({ 1: 0.4, 2: 0.3, 3: 0.2, 4: 0.1 }),
      // a tie at the boundary keeps neither (reference: x − threshold > 0)
      ...row({ 5: 0.4, 6: 0.2, 7: 0.2, 8: 0.2 }),
      // fewer than k elements: all kept, zeros never
      ...row({ 9: 1 }),
    ]);
    const { mask, columns, width } = buildMaxElementMask(x, 3, 2, []);
    expect(keptOf(mask, 0)).toEqual([1, 2]);
    expect(keptOf(mask, 1)).toEqual([5]);
    expect(keptOf(mask, 2)).toEqual([9]);
    expect(width).toBe(2);
    // padding points at a column that is zero in that row
    expect([...columns.subarray(2, 4)]).toEqual([5, 0]);
    expect([...columns.subarray(4, 6)]).toEqual([9, 0]);
  });

  it('counts the fixed part: fixed elements always stay and take their slots first', () => {
    // H (index 0) fixed at 0.4 plus three optimised elements, k = 2 (hydride): H and the largest other.
    const x = row({ 0: 0.45, 20: 0.3, 21: 0.15, 22: 0.1 });
    expect(keptOf(buildMaxElementMask(x, 1, 2, [0]).mask, 0)).toEqual([0, 20]);
    // a small fixed fraction is still kept, and the cap stays k
    const small = row({ 0: 0.01, 20: 0.5, 21: 0.3, 22: 0.19 });
    expect(keptOf(buildMaxElementMask(small, 1, 2, [0]).mask, 0)).toEqual([0, 20]);
  });
});
