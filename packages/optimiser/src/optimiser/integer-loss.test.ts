import { mulberry32 } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectTfBackend } from '../tf/backend.js';
import { testTfBackendChoice } from '../tf/fixtures/test-backend.js';
import { bestNUnits, integerLossAt, roundHalfEven } from './integer-grid.js';
import { integerLoss } from './integer-loss.js';

const N_SET = Array.from({ length: 199 }, (_, i) => i + 1);

/** Sparse random compositions (3–6 elements), rows × 118. */
function compositions(rows: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  const values = new Float32Array(rows * 118);
  for (let row = 0; row < rows; row++) {
    const picks = 3 + Math.floor(random() * 4);
    let total = 0;
    const amounts = Array.from({ length: picks }, () => ({
      e: Math.floor(random() * 94),
      a: 0.05 + random(),
    }));
    for (const { a } of amounts) total += a;
    for (const { e, a } of amounts) values[row * 118 + e]! += a / total;
  }
  return values;
}

describe('integerLoss (tf)', () => {
  beforeAll(async () => {
    await selectTfBackend(testTfBackendChoice(), () => undefined);
  });

  it('gives 0.0008 and the gradient 2(x − grid) for Ca0.23Sr0.27O0.50 at N = 4', () => {
    const x = tf.buffer([1, 118]);
    x.set(0.23, 0, 19);
    x.set(0.27, 0, 37);
    x.set(0.5, 0, 7);
    const input = x.toTensor() as tf.Tensor2D;
    expect(integerLoss(input, [4]).dataSync()[0]).toBeCloseTo(0.0008, 7);
    const grad = tf
      .grad((v: tf.Tensor) => integerLoss(v as tf.Tensor2D, [4]).sum())(input)
      .dataSync();
    expect(grad[19]).toBeCloseTo(2 * (0.23 - 0.25), 6);
    expect(grad[37]).toBeCloseTo(2 * (0.27 - 0.25), 6);
    expect(grad[7]).toBeCloseTo(0, 6);
  });

  it('takes the minimum over Nset row by row (in several N chunks) and its gradient at N*', () => {
    const rows = 200; // 200 × 118 × 199 values do not fit one chunk
    const values = compositions(rows, 5);
    const x = tf.tensor2d(values, [rows, 118]);
    const loss = integerLoss(x, N_SET).dataSync();
    const grad = tf
      .grad((v: tf.Tensor) => integerLoss(v as tf.Tensor2D, N_SET).sum())(x)
      .dataSync();
    let worstLoss = 0;
    let worstGrad = 0;
    for (let row = 0; row < rows; row++) {
      const xRow = values.subarray(row * 118, (row + 1) * 118);
      const n = bestNUnits(xRow, N_SET);
      worstLoss = Math.max(worstLoss, Math.abs((loss[row] ?? Number.NaN) - integerLossAt(xRow, n)));
      for (let e = 0; e < 118; e++) {
        const expected = 2 * ((xRow[e] ?? 0) - roundHalfEven((xRow[e] ?? 0) * n) / n);
        worstGrad = Math.max(worstGrad, Math.abs((grad[row * 118 + e] ?? Number.NaN) - expected));
      }
    }
    expect(worstLoss).toBeLessThan(1e-6);
    expect(worstGrad).toBeLessThan(1e-5);
  });

  it('reads only the listed columns when given them, with the same loss', () => {
    const rows = 16;
    const values = compositions(rows, 9);
    const columns = new Int32Array(rows * 8);
    for (let row = 0; row < rows; row++) {
      const present = [...values.subarray(row * 118, (row + 1) * 118).keys()].filter(
        (e) => values[row * 118 + e]! > 0,
      );
      const zero = [...Array(118).keys()].find((e) => !present.includes(e))!;
      for (let j = 0; j < 8; j++) columns[row * 8 + j] = present[j] ?? zero;
    }
    const x = tf.tensor2d(values, [rows, 118]);
    const full = integerLoss(x, N_SET).dataSync();
    const gathered = integerLoss(x, N_SET, tf.tensor2d(columns, [rows, 8], 'int32')).dataSync();
    for (let row = 0; row < rows; row++) expect(gathered[row]).toBeCloseTo(full[row] ?? Number.NaN, 7);
  });
});
