import { createHash } from 'node:crypto';
import { type Block, ELEMENT_COUNT, ELEMENTS, type Element } from '@kiago/shared';

/**
 * The atom map turns a 118-long composition into the Tc model's input image:
 * image = Σ_e x_e · AtomMap_e, AtomMap 118 × 4 × 7 × 32 (element, block channel s/p/d/f, period − 1,
 * long-form column − 1), one flag per element (DESIGN §6). Trained models are tied to this layout,
 * so its version and content hash travel with every saved Tc model.
 */
export const ATOM_MAP_VERSION = 'kiago-atommap-v1';
export const ATOM_MAP_CHANNELS: readonly Block[] = ['s', 'p', 'd', 'f'];
export const ATOM_MAP_ROWS = 7;
export const ATOM_MAP_COLUMNS = 32;
export const ATOM_MAP_SHAPE = [
  ELEMENT_COUNT,
  ATOM_MAP_CHANNELS.length,
  ATOM_MAP_ROWS,
  ATOM_MAP_COLUMNS,
] as const;
/** Values in one element's map (4 · 7 · 32). */
export const ATOM_MAP_PIXELS = ATOM_MAP_CHANNELS.length * ATOM_MAP_ROWS * ATOM_MAP_COLUMNS;

export interface AtomMapPixel {
  /** Index into ATOM_MAP_CHANNELS (the element's block). */
  channel: number;
  /** Period − 1. */
  row: number;
  /** Long-form column − 1. */
  column: number;
}

/** Where an element's single flag sits. */
export function atomMapPixel(element: Element): AtomMapPixel {
  return {
    channel: ATOM_MAP_CHANNELS.indexOf(element.block),
    row: element.period - 1,
    column: element.longFormColumn - 1,
  };
}

function buildAtomMap(): Float32Array {
  const map = new Float32Array(ELEMENT_COUNT * ATOM_MAP_PIXELS);
  ELEMENTS.forEach((element, index) => {
    const { channel, row, column } = atomMapPixel(element);
    map[index * ATOM_MAP_PIXELS + (channel * ATOM_MAP_ROWS + row) * ATOM_MAP_COLUMNS + column] = 1;
  });
  return map;
}

/** The atom map, row-major 118 × 4 × 7 × 32. */
export const ATOM_MAP: Float32Array = buildAtomMap();

/** sha256 (first 16 hex digits) of the flag positions, independent of byte order. */
export const ATOM_MAP_CONTENT_HASH: string = createHash('sha256')
  .update(
    ELEMENTS.map((element) => {
      const { channel, row, column } = atomMapPixel(element);
      return `${element.symbol}:${channel}:${row}:${column}`;
    }).join(','),
  )
  .digest('hex')
  .slice(0, 16);

/** `kiago-atommap-v1+<hash>`: what a saved Tc model records, and what loading checks. */
export const ATOM_MAP_ID = `${ATOM_MAP_VERSION}+${ATOM_MAP_CONTENT_HASH}`;

/**
 * The atom map as a 118 × (7·32·4) matrix whose columns follow NHWC order, so that
 * `composition (B × 118) · matrix` reshaped to B × 7 × 32 × 4 is the model's input image.
 */
export function atomMapImageMatrix(): Float32Array {
  const matrix = new Float32Array(ELEMENT_COUNT * ATOM_MAP_PIXELS);
  const channels = ATOM_MAP_CHANNELS.length;
  for (let element = 0; element < ELEMENT_COUNT; element++) {
    for (let channel = 0; channel < channels; channel++) {
      for (let row = 0; row < ATOM_MAP_ROWS; row++) {
        for (let column = 0; column < ATOM_MAP_COLUMNS; column++) {
          const value =
            ATOM_MAP[element * ATOM_MAP_PIXELS + (channel * ATOM_MAP_ROWS + row) * ATOM_MAP_COLUMNS + column];
          matrix[element * ATOM_MAP_PIXELS + (row * ATOM_MAP_COLUMNS + column) * channels + channel] =
            value ?? 0;
        }
      }
    }
  }
  return matrix;
}
