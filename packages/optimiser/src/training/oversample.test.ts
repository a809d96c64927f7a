import { describe, expect, it } from 'vitest';
import { oversampleRows } from './oversample.js';

describe('oversampleRows', () => {
  const rows = { width: 2, x: Float32Array.from([1, 2, 3, 4, 5, 6]), y: Float32Array.from([10, 20, 30]) };

  it('repeats the picked rows factor times in all, after the originals', () => {
    const { rows: out, repeated } = oversampleRows(rows, (row) => row === 1, 3);
    expect(repeated).toBe(1);
    expect(Array.from(out.y)).toEqual([10, 20, 30, 20, 20]);
    expect(Array.from(out.x)).toEqual([1, 2, 3, 4, 5, 6, 3, 4, 3, 4]);
  });

  it('leaves the rows as they are at factor 1 and refuses a fractional factor', () => {
    expect(Array.from(oversampleRows(rows, () => true, 1).rows.y)).toEqual([10, 20, 30]);
    expect(() => oversampleRows(rows, () => true, 1.5)).toThrow(/factor/);
  });
});
