import { SpecError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { parseGpuWorkerEnv } from './env.js';

describe('parseGpuWorkerEnv', () => {
  it('defaults the TensorFlow.js backend to auto', () => {
    expect(parseGpuWorkerEnv({})).toEqual({ tfBackend: 'auto' });
  });

  it('accepts an explicit backend', () => {
    expect(parseGpuWorkerEnv({ KIAGO_TF_BACKEND: 'wasm' }).tfBackend).toBe('wasm');
  });

  it('rejects an unknown backend, naming the variable', () => {
    expect(() => parseGpuWorkerEnv({ KIAGO_TF_BACKEND: 'webgl' })).toThrow(SpecError);
    expect(() => parseGpuWorkerEnv({ KIAGO_TF_BACKEND: 'webgl' })).toThrow(/KIAGO_TF_BACKEND/);
  });
});
