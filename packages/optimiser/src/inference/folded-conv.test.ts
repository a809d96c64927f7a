import { describe, expect, it } from 'vitest';
import { convMultiplyAdds, convMultiplyAddsOnData } from './folded-conv.js';

describe('conv multiply-adds', () => {
  it('leaves out the taps on padding: 3×3 over a 1×4 map reads 10 of 36 pixels per channel pair', () => {
    // Rows: the single output row sees 1 of 3 kernel rows. Columns: 2 + 3 + 3 + 2 of 4 × 3 taps.
    const conv = { kernelSize: 3, strides: 1, inputShape: [1, 4, 2], outputShape: [1, 4, 5] } as const;
    expect(convMultiplyAdds(conv)).toBe(36 * 2 * 5);
    expect(convMultiplyAddsOnData(conv)).toBe(10 * 2 * 5);
  });

  it('follows TensorFlow’s “same” padding for strided convs (smaller half of the padding before)', () => {
    // 7 → 4 with stride 2: pad_total = 3·2 + 3 − 7 = 2, one before; windows start at −1, 1, 3, 5.
    const conv = { kernelSize: 3, strides: 2, inputShape: [7, 7, 1], outputShape: [4, 4, 1] } as const;
    expect(convMultiplyAddsOnData(conv)).toBe((2 + 3 + 3 + 2) ** 2);
    expect(convMultiplyAdds(conv)).toBe(16 * 9);
  });

  it('counts every tap when no padding is needed (1×1 kernels)', () => {
    const conv = { kernelSize: 1, strides: 2, inputShape: [8, 8, 4], outputShape: [4, 4, 8] } as const;
    expect(convMultiplyAddsOnData(conv)).toBe(convMultiplyAdds(conv));
  });
});
