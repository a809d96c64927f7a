import { ELEMENT_COUNT } from '@kiago/shared';

export interface MaxElementMask {
  /** M_max, rows × 118, 0/1. */
  mask: Float32Array;
  /**
   * Per row, every column that can be non-zero from now on (kept ∪ fixed), padded to `width` with
   * a column that stays zero in that row: the integer loss reads only these.
   */
  columns: Int32Array;
  width: number;
}

/**
 * M_max from the compositions x (rows × 118) at step T/2 (DESIGN §5): per row, the k largest
 * entries, counting the fixed part, strictly above the (k+1)-th largest (AkiraTOSEI/KIAGO
 * `create_use_atom_mask`). Fixed elements are always kept — they are present whatever L does — and
 * take their slots first; where the fixed fractions are among the k largest anyway (every paper
 * setting) this is the reference rule, and otherwise it still caps the result at k elements.
 *
 * `fallbackScores` (rows × 118, hydride mode): a row that would keep no free element — every one
 * was pushed to 0, which the ReLU makes absorbing — keeps the free element with the highest score
 * (its logit; −∞ where not allowed) instead, so a hydride never becomes pure H.
 */
export function buildMaxElementMask(
  x: ArrayLike<number>,
  rows: number,
  maxElements: number,
  fixedIndices: readonly number[],
  fallbackScores?: ArrayLike<number>,
): MaxElementMask {
  const mask = new Float32Array(rows * ELEMENT_COUNT);
  const fixed = new Set(fixedIndices);
  const slots = Math.max(0, maxElements - fixed.size);
  const keptPerRow: number[][] = [];
  for (let row = 0; row < rows; row++) {
    const offset = row * ELEMENT_COUNT;
    const free: { e: number; value: number }[] = [];
    for (let e = 0; e < ELEMENT_COUNT; e++) {
      if (!fixed.has(e)) free.push({ e, value: x[offset + e] ?? 0 });
    }
    free.sort((a, b) => b.value - a.value || a.e - b.e);
    const threshold = free[slots]?.value ?? Number.NEGATIVE_INFINITY;
    const kept = [...fixed];
    for (const { e, value } of free.slice(0, slots)) if (value > threshold && value > 0) kept.push(e);
    if (fallbackScores && slots > 0 && kept.length === fixed.size) {
      const best = bestScored(fallbackScores, offset, fixed);
      if (best !== undefined) kept.push(best);
    }
    kept.sort((a, b) => a - b);
    for (const e of kept) mask[offset + e] = 1;
    keptPerRow.push(kept);
  }
  const width = Math.max(1, ...keptPerRow.map((kept) => kept.length));
  const columns = new Int32Array(rows * width);
  keptPerRow.forEach((kept, row) => {
    const keptSet = new Set(kept);
    let zeroColumn = 0;
    while (keptSet.has(zeroColumn)) zeroColumn++;
    for (let j = 0; j < width; j++) columns[row * width + j] = kept[j] ?? zeroColumn;
  });
  return { mask, columns, width };
}

function bestScored(
  scores: ArrayLike<number>,
  offset: number,
  fixed: ReadonlySet<number>,
): number | undefined {
  let best: number | undefined;
  for (let e = 0; e < ELEMENT_COUNT; e++) {
    const score = scores[offset + e] ?? Number.NEGATIVE_INFINITY;
    if (fixed.has(e) || score === Number.NEGATIVE_INFINITY) continue;
    if (best === undefined || score > (scores[offset + best] ?? Number.NEGATIVE_INFINITY)) best = e;
  }
  return best;
}
