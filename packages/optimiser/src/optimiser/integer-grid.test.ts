import { describe, expect, it } from 'vitest';
import { bestNUnits, integerLossAt, roundedCounts, roundHalfEven } from './integer-grid.js';

// Ca0.23 Sr0.27 O0.50 at indices Z − 1.
const CA_SR_O = (() => {
  const x = new Float64Array(118);
  x[19] = 0.23;
  x[37] = 0.27;
  x[7] = 0.5;
  return x;
})();

describe('integer loss (float64 reference)', () => {
  it('measures Ca0.23Sr0.27O0.50 against its nearest N = 4 grid {0.25, 0.25, 0.5}', () => {
    // (0.23 − 0.25)² + (0.27 − 0.25)² + (0.5 − 0.5)²
    expect(integerLossAt(CA_SR_O, 4)).toBeCloseTo(0.0008, 15);
    expect(roundedCounts(CA_SR_O, 4)).toEqual(
      new Map([
        [7, 2],
        [19, 1],
        [37, 1],
      ]),
    );
  });

  it('picks the N with the smallest loss, the smallest such N on ties', () => {
    // N = 100 fits exactly; N = 4 leaves 0.0008; N = 3 more.
    expect(bestNUnits(CA_SR_O, [3, 4, 100])).toBe(100);
    expect(bestNUnits(CA_SR_O, [3, 4, 7])).toBe(4);
    const quarter = new Float64Array(118);
    quarter[0] = 0.25;
    quarter[1] = 0.25;
    quarter[2] = 0.5;
    // N = 4 and N = 8 both fit exactly: the reduced N wins, whatever the list order.
    expect(bestNUnits(quarter, [8, 2, 4])).toBe(4);
    expect(integerLossAt(quarter, 2)).toBeCloseTo(0.125, 15); // round(0.5) = 0 (half to even)
  });

  it('rounds halves to even, like torch.round and tf.round', () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4999, 2.5001].map(roundHalfEven)).toEqual([0, 2, 2, 4, 2, 3]);
  });
});
