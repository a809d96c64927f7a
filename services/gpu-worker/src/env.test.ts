import { SpecError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { parseGpuWorkerProcessEnv } from './env.js';

const DATABASE_URL = 'postgresql://kiago:kiago@127.0.0.1:5432/kiago';

describe('parseGpuWorkerProcessEnv', () => {
  it('defaults the TensorFlow.js backend to auto, one slot and a 60 s shutdown grace', () => {
    const env = parseGpuWorkerProcessEnv({ DATABASE_URL });
    expect(env).toMatchObject({ tfBackend: 'auto', slots: 1, shutdownGraceMs: 60_000 });
    expect(env.modelsDir).toBeUndefined();
  });

  it('accepts an explicit backend, slots and models directory', () => {
    const env = parseGpuWorkerProcessEnv({
      DATABASE_URL,
      KIAGO_TF_BACKEND: 'wasm',
      KIAGO_GPU_SLOTS: '4',
      KIAGO_MODELS_DIR: '/models',
    });
    expect(env).toMatchObject({ tfBackend: 'wasm', slots: 4, modelsDir: '/models' });
  });

  it('rejects an unknown backend and a zero slot count, naming the variables', () => {
    const parse = () =>
      parseGpuWorkerProcessEnv({ DATABASE_URL, KIAGO_TF_BACKEND: 'webgl', KIAGO_GPU_SLOTS: '0' });
    expect(parse).toThrow(SpecError);
    expect(parse).toThrow(/KIAGO_TF_BACKEND/);
    expect(parse).toThrow(/KIAGO_GPU_SLOTS must be at least 1/);
  });
});
