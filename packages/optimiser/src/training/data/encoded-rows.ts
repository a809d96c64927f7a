import { createHash } from 'node:crypto';
import { type Composition, compositionToVector, ELEMENT_COUNT } from '@kiago/shared';
import { SPLIT_NAMES, type SplitName } from './split-options.js';

/** Rows as the models read them: `x` is `count × width` row-major, `y` the target per row. */
export interface EncodedRows {
  width: number;
  x: Float32Array;
  y: Float32Array;
  /** Canonical key (reduced formula, Z order) per row. */
  keys: string[];
  /** Element set per row: the split group. */
  elementSetKeys: string[];
}

/**
 * Encodes compositions into one float32 matrix of atomic fractions; rows keep the order given.
 * `columns` picks entries of the 118-long vector (ELEMNET_INDICES for ElemNet); all 118 if omitted.
 */
export function encodeRows(
  rows: readonly { key: string; elementSetKey: string; composition: Composition; target: number }[],
  columns?: readonly number[],
): EncodedRows {
  const width = columns ? columns.length : ELEMENT_COUNT;
  const x = new Float32Array(rows.length * width);
  const y = new Float32Array(rows.length);
  rows.forEach((row, i) => {
    const vector = compositionToVector(row.composition);
    if (!columns) x.set(vector, i * width);
    else for (let j = 0; j < width; j++) x[i * width + j] = vector[columns[j]!]!;
    y[i] = row.target;
  });
  return {
    width,
    x,
    y,
    keys: rows.map((row) => row.key),
    elementSetKeys: rows.map((row) => row.elementSetKey),
  };
}

/** The rows at `indices`, copied into a new matrix. */
export function takeRows(encoded: EncodedRows, indices: readonly number[]): EncodedRows {
  const { width } = encoded;
  const x = new Float32Array(indices.length * width);
  const y = new Float32Array(indices.length);
  indices.forEach((index, i) => {
    x.set(encoded.x.subarray(index * width, (index + 1) * width), i * width);
    y[i] = encoded.y[index]!;
  });
  return {
    width,
    x,
    y,
    keys: indices.map((index) => encoded.keys[index]!),
    elementSetKeys: indices.map((index) => encoded.elementSetKeys[index]!),
  };
}

/**
 * sha256 over exactly what a model trains on: a format tag, then per row its key and label, then
 * the float32 bytes of x and y (little-endian on every platform Node supports). Rows must come in
 * canonical (key) order so the hash depends on the data only.
 */
export function hashEncodedRows(formatTag: string, encoded: EncodedRows, labels: readonly string[]): string {
  const hash = createHash('sha256').update(`${formatTag}\n`);
  encoded.keys.forEach((key, i) => {
    hash.update(`${key}\t${labels[i] ?? ''}\n`);
  });
  hash.update(new Uint8Array(encoded.x.buffer, encoded.x.byteOffset, encoded.x.byteLength));
  hash.update(new Uint8Array(encoded.y.buffer, encoded.y.byteOffset, encoded.y.byteLength));
  return hash.digest('hex');
}

/** sha256 of which split each key went to, so a manifest can pin the split as well as the data. */
export function hashSplitAssignment(keys: readonly string[], indices: Record<SplitName, number[]>): string {
  const splitOf = new Array<SplitName>(keys.length);
  for (const name of SPLIT_NAMES) for (const index of indices[name]) splitOf[index] = name;
  const hash = createHash('sha256');
  keys.forEach((key, i) => {
    hash.update(`${key}\t${splitOf[i]}\n`);
  });
  return hash.digest('hex');
}
