/** Round half to even, like torch.round and tf.round (Math.round rounds halves up). */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Lint_N(x) = Σ_e (x_e − round(x_e·N)/N)², in float64. */
export function integerLossAt(x: ArrayLike<number>, n: number): number {
  let total = 0;
  for (let e = 0; e < x.length; e++) {
    const value = x[e] ?? 0;
    if (value === 0) continue;
    const diff = value - roundHalfEven(value * n) / n;
    total += diff * diff;
  }
  return total;
}

/** N* = argmin over `nValues` of Lint_N(x); ties go to the smallest N (the reduced formula). */
export function bestNUnits(x: ArrayLike<number>, nValues: readonly number[]): number {
  let best = Number.NaN;
  let bestLoss = Number.POSITIVE_INFINITY;
  for (const n of [...nValues].sort((a, b) => a - b)) {
    const loss = integerLossAt(x, n);
    if (loss < bestLoss) {
      bestLoss = loss;
      best = n;
    }
  }
  if (Number.isNaN(best)) throw new RangeError('bestNUnits: no N gives a finite integer loss');
  return best;
}

/** Integer counts round(x_e·N) per element index, zeros dropped, ascending index. */
export function roundedCounts(x: ArrayLike<number>, n: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (let e = 0; e < x.length; e++) {
    const count = roundHalfEven((x[e] ?? 0) * n);
    if (count > 0) counts.set(e, count);
  }
  return counts;
}
