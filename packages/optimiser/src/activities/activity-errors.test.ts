import { describe, expect, it } from 'vitest';
import { isOutOfMemory } from './activity-errors.js';

describe('isOutOfMemory', () => {
  it.each([
    'OOM when allocating tensor with shape[4096,64,7,32] and type float',
    'CUDA_ERROR_OUT_OF_MEMORY: out of memory',
    'Resource exhausted: failed to allocate memory',
    'Array buffer allocation failed',
    'Out of memory',
  ])('recognises %s', (message) => {
    expect(isOutOfMemory(new Error(message))).toBe(true);
  });

  it('leaves every other failure to the ordinary retry policy', () => {
    expect(isOutOfMemory(new Error('read ECONNRESET'))).toBe(false);
    expect(isOutOfMemory(new Error('Tensor is disposed'))).toBe(false);
    expect(isOutOfMemory('OOM')).toBe(false);
  });
});
