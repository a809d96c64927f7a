import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectTfBackend } from '../tf/backend.js';
import { testTfBackendChoice } from '../tf/fixtures/test-backend.js';
import { bestHydrideForm, type HydrideGrid } from './hydride-grid.js';
import { bestNUnits, roundedCounts } from './integer-grid.js';
import { integerLoss } from './integer-loss.js';
import { buildMaxElementMask } from './max-element-mask.js';

const H = 0;
const LA = 56;
const PD = 45;
const GRID: HydrideGrid = { hydrogenIndex: H, minHydrogenFraction: 0.4, maxAtoms: 15 };
const N_SET = Array.from({ length: 14 }, (_, i) => i + 1);

function composition(entries: Record<number, number>): Float32Array {
  const x = new Float32Array(118);
  for (const [e, value] of Object.entries(entries)) x[Number(e)] = value;
  return x;
}

// An H-rich candidate as hydride mode produces them from PdH: x_H 0.97, x_Pd 0.03.
const H_RICH = composition({ [H]: 0.97, [PD]: 0.03 });

describe('hydride integer grid (worked example H0.97Pd0.03, N ≤ 14)', () => {
  it('the reference grid collapses it to pure H', () => {
    // Pd rounds to 0 at every N ≤ 16; N = 1 and N = 14 tie at 0.0018 and ties go to the smaller N.
    const n = bestNUnits(H_RICH, N_SET);
    expect(n).toBe(1);
    expect([...roundedCounts(H_RICH, n)]).toEqual([[H, 1]]);
  });

  it('the hydride grid keeps one Pd atom: PdH14 at N* = 14, x_H = 14/15', () => {
    // Loss at 14: (0.97 − 14/14)² + (0.03 − 1/14)² = 0.0009 + 0.001716 (13: 0.00310, 12: 0.00374).
    expect(bestHydrideForm(H_RICH, N_SET, GRID)).toEqual({
      nUnits: 14,
      counts: new Map([
        [H, 14],
        [PD, 1],
      ]),
    });
  });

  it('refuses N whose counts leave 0.4 ≤ x_H: H0.4La0.6 over N ≤ 3 is LaH (N = 2), not La2H (N = 3)', () => {
    const x = composition({ [H]: 0.4, [LA]: 0.6 });
    expect(bestNUnits(x, N_SET)).toBe(5);
    expect(bestHydrideForm(x, [1, 2, 3], GRID)).toEqual({
      nUnits: 2,
      counts: new Map([
        [H, 1],
        [LA, 1],
      ]),
    });
    expect(bestHydrideForm(x, N_SET, GRID)?.counts).toEqual(
      new Map([
        [H, 2],
        [LA, 3],
      ]),
    );
  });

  it('has no form when no N is admissible', () => {
    // Only N = 1 and a La-rich composition: La1 (x_H 0) is no hydride.
    expect(bestHydrideForm(composition({ [H]: 0.4, [LA]: 0.6 }), [1], GRID)).toBeNull();
  });
});

describe('integerLoss with the hydride grid (tf)', () => {
  beforeAll(async () => {
    await selectTfBackend(testTfBackendChoice(), () => undefined);
  });

  it('gives 0.002616 at N* = 14 and a gradient that pushes Pd up, where the reference gives 0.0018 toward 0', () => {
    const x = tf.tensor2d(H_RICH, [1, 118]);
    expect(integerLoss(x, N_SET).dataSync()[0]).toBeCloseTo(0.0018, 6);
    expect(integerLoss(x, N_SET, null, GRID).dataSync()[0]).toBeCloseTo(0.0009 + (0.03 - 1 / 14) ** 2, 6);
    const reference = tf
      .grad((v: tf.Tensor) => integerLoss(v as tf.Tensor2D, N_SET).sum())(x)
      .dataSync();
    const hydride = tf
      .grad((v: tf.Tensor) => integerLoss(v as tf.Tensor2D, N_SET, null, GRID).sum())(x)
      .dataSync();
    // Minimising moves against the gradient: the reference pulls Pd to 0, the hydride grid to 1/14.
    expect(reference[PD]).toBeCloseTo(2 * 0.03, 5);
    expect(hydride[PD]).toBeCloseTo(2 * (0.03 - 1 / 14), 5);
    expect(hydride[H]).toBeCloseTo(2 * (0.97 - 1), 5);
  });

  it('reads the same values through M_max columns', () => {
    const x = tf.tensor2d(H_RICH, [1, 118]);
    const columns = tf.tensor2d([H, PD], [1, 2], 'int32');
    expect(integerLoss(x, N_SET, columns, GRID).dataSync()[0]).toBeCloseTo(0.0009 + (0.03 - 1 / 14) ** 2, 6);
  });
});

describe('M_max fallback in hydride mode', () => {
  it('keeps the best-scored allowed element when every free entry was pushed to 0', () => {
    const x = composition({ [H]: 1 });
    const scores = new Float64Array(118).fill(Number.NEGATIVE_INFINITY);
    scores[PD] = -0.2;
    scores[LA] = -0.05;
    const built = buildMaxElementMask(x, 1, 2, [H], scores);
    expect([...built.mask.keys()].filter((e) => built.mask[e] === 1)).toEqual([H, LA]);
    // Without scores (normal mode) the row keeps only its fixed H, as the reference does.
    const plain = buildMaxElementMask(x, 1, 2, [H]);
    expect([...plain.mask.keys()].filter((e) => plain.mask[e] === 1)).toEqual([H]);
  });
});
