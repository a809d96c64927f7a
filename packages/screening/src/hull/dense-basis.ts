import { HullSolveError } from './hull-error.js';

/**
 * Dense m×m helpers for the hull simplex (m = elements in the system, ≤ 8 in practice). Basis
 * entries use the LP's numbering: r ≥ 0 is reference column r, −1 − e is the unit column of
 * pure element e.
 */

/** B⁻¹ by Gauss–Jordan with partial pivoting, where B's column i is basis entry i. */
export function invertBasis(
  basis: Int32Array,
  columns: Float64Array,
  m: number,
  work: Float64Array,
  inverse: Float64Array,
): void {
  for (let i = 0; i < m; i++) {
    const entry = basis[i]!;
    for (let row = 0; row < m; row++) {
      work[row * m + i] = entry >= 0 ? columns[entry * m + row]! : row === -1 - entry ? 1 : 0;
    }
  }
  inverse.fill(0);
  for (let i = 0; i < m; i++) inverse[i * m + i] = 1;
  for (let col = 0; col < m; col++) {
    let pivotRow = col;
    for (let row = col + 1; row < m; row++) {
      if (Math.abs(work[row * m + col]!) > Math.abs(work[pivotRow * m + col]!)) pivotRow = row;
    }
    const pivot = work[pivotRow * m + col]!;
    if (Math.abs(pivot) < 1e-300) throw new HullSolveError('hull LP basis became singular');
    if (pivotRow !== col) {
      swapRows(work, m, pivotRow, col);
      swapRows(inverse, m, pivotRow, col);
    }
    for (let j = 0; j < m; j++) {
      work[col * m + j]! /= pivot;
      inverse[col * m + j]! /= pivot;
    }
    for (let row = 0; row < m; row++) {
      if (row === col) continue;
      const factor = work[row * m + col]!;
      if (factor === 0) continue;
      for (let j = 0; j < m; j++) {
        work[row * m + j]! -= factor * work[col * m + j]!;
        inverse[row * m + j]! -= factor * inverse[col * m + j]!;
      }
    }
  }
}

/** out = B⁻¹ · (column of basis entry `entry`). */
export function solveForColumn(
  entry: number,
  columns: Float64Array,
  m: number,
  inverse: Float64Array,
  out: Float64Array,
): void {
  for (let i = 0; i < m; i++) {
    if (entry < 0) {
      out[i] = inverse[i * m + (-1 - entry)]!;
      continue;
    }
    let sum = 0;
    const offset = entry * m;
    for (let j = 0; j < m; j++) sum += inverse[i * m + j]! * columns[offset + j]!;
    out[i] = sum;
  }
}

/** out = matrix · vector for an m×m row-major matrix. */
export function multiply(matrix: Float64Array, vector: Float64Array, m: number, out: Float64Array): void {
  for (let i = 0; i < m; i++) {
    let sum = 0;
    for (let j = 0; j < m; j++) sum += matrix[i * m + j]! * vector[j]!;
    out[i] = sum;
  }
}

function swapRows(matrix: Float64Array, m: number, a: number, b: number): void {
  for (let j = 0; j < m; j++) {
    const t = matrix[a * m + j]!;
    matrix[a * m + j] = matrix[b * m + j]!;
    matrix[b * m + j] = t;
  }
}
