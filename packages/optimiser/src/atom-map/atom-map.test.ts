import { ELEMENT_COUNT, ELEMENTS, requireElement } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import {
  ATOM_MAP,
  ATOM_MAP_CHANNELS,
  ATOM_MAP_COLUMNS,
  ATOM_MAP_CONTENT_HASH,
  ATOM_MAP_ID,
  ATOM_MAP_PIXELS,
  ATOM_MAP_ROWS,
  atomMapImageMatrix,
} from './atom-map.js';

/** Indices of the non-zero values of element `z`'s map, as [channel, row, column]. */
function flags(z: number): number[][] {
  const found: number[][] = [];
  const offset = (z - 1) * ATOM_MAP_PIXELS;
  for (let channel = 0; channel < ATOM_MAP_CHANNELS.length; channel++) {
    for (let row = 0; row < ATOM_MAP_ROWS; row++) {
      for (let column = 0; column < ATOM_MAP_COLUMNS; column++) {
        const value = ATOM_MAP[offset + (channel * ATOM_MAP_ROWS + row) * ATOM_MAP_COLUMNS + column];
        if (value !== 0) found.push([channel, row, column, value ?? Number.NaN]);
      }
    }
  }
  return found;
}

describe('atom map', () => {
  it('is 118 × 4 × 7 × 32', () => {
    expect(ATOM_MAP.length).toBe(118 * 4 * 7 * 32);
  });

  it.each([
    ['H', [0, 0, 0]], // s block, period 1, column 1
    ['Fe', [2, 3, 21]], // d block, period 4, column 22 (group 8: 2 s + 14 f columns before group 3)
    ['La', [3, 5, 2]], // f block, period 6, column 3 (first lanthanide)
    ['Lu', [2, 5, 16]], // d block, period 6, column 17 (group 3)
    ['U', [3, 6, 5]], // f block, period 7, column 6
    ['Og', [1, 6, 31]], // p block, period 7, column 32
  ])('puts %s at [channel, row, column] = %j', (symbol, pixel) => {
    expect(flags(requireElement(symbol).z)).toEqual([[...pixel, 1]]);
  });

  it('gives every element exactly one flag, at its block, period and long-form column', () => {
    for (const element of ELEMENTS) {
      const expected = [
        ATOM_MAP_CHANNELS.indexOf(element.block),
        element.period - 1,
        element.longFormColumn - 1,
        1,
      ];
      expect(flags(element.z), element.symbol).toEqual([expected]);
    }
  });

  it('gives different elements different pixels', () => {
    const pixels = new Set(ELEMENTS.map((element) => JSON.stringify(flags(element.z))));
    expect(pixels.size).toBe(ELEMENT_COUNT);
  });

  it('is versioned with a hash of its content', () => {
    expect(ATOM_MAP_CONTENT_HASH).toMatch(/^[0-9a-f]{16}$/);
    expect(ATOM_MAP_ID).toBe(`kiago-atommap-v1+${ATOM_MAP_CONTENT_HASH}`);
  });

  it('reorders into the NHWC matrix the Tc model multiplies compositions by', () => {
    const matrix = atomMapImageMatrix();
    const fe = requireElement('Fe');
    const channels = ATOM_MAP_CHANNELS.length;
    const row = matrix.subarray((fe.z - 1) * ATOM_MAP_PIXELS, fe.z * ATOM_MAP_PIXELS);
    expect(row.reduce((sum, value) => sum + value, 0)).toBe(1);
    expect(row[(3 * ATOM_MAP_COLUMNS + 21) * channels + 2]).toBe(1);
  });
});
