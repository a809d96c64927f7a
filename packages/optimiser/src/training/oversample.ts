import type { RegressionRows } from './train-loop.js';

/**
 * The training rows with every row that `pick` selects repeated `factor` times in all (appended
 * after the originals; the loop shuffles each epoch). Validation and test rows are never repeated,
 * so metrics still count each composition once.
 */
export function oversampleRows(rows: RegressionRows, pick: (row: number) => boolean, factor: number) {
  if (!Number.isInteger(factor) || factor < 1)
    throw new RangeError(`factor must be an integer ≥ 1, got ${factor}`);
  const count = rows.y.length;
  const picked = Array.from({ length: count }, (_, row) => row).filter(pick);
  const extra = picked.length * (factor - 1);
  const x = new Float32Array((count + extra) * rows.width);
  const y = new Float32Array(count + extra);
  x.set(rows.x);
  y.set(rows.y);
  let next = count;
  for (let copy = 1; copy < factor; copy++) {
    for (const row of picked) {
      x.set(rows.x.subarray(row * rows.width, (row + 1) * rows.width), next * rows.width);
      y[next] = rows.y[row]!;
      next++;
    }
  }
  return { rows: { width: rows.width, x, y }, repeated: picked.length };
}
