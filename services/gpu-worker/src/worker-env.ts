import { parseOrThrow } from '@kiago/shared';
import { parseWorkerEnv, type WorkerEnv } from '@kiago/worker-runtime';
import { z } from 'zod';
import { parseGpuWorkerEnv, type TfBackendChoice } from './env.js';

const gpuProcessEnvSchema = z.object({
  KIAGO_GPU_SLOTS: z.coerce
    .number({ error: 'KIAGO_GPU_SLOTS must be a whole number of shards' })
    .int('KIAGO_GPU_SLOTS must be a whole number of shards')
    .min(1, 'KIAGO_GPU_SLOTS must be at least 1')
    .max(64, 'KIAGO_GPU_SLOTS must be at most 64')
    .default(1),
  KIAGO_MODELS_DIR: z.string().trim().min(1, 'KIAGO_MODELS_DIR must not be empty when set').optional(),
  KIAGO_SHUTDOWN_GRACE_S: z.coerce
    .number({ error: 'KIAGO_SHUTDOWN_GRACE_S must be a number of seconds' })
    .min(0, 'KIAGO_SHUTDOWN_GRACE_S must be ≥ 0')
    .default(60),
});

/** The gpu-worker process's settings: the shared worker env plus slots, backend and model directory. */
export interface GpuWorkerProcessEnv {
  worker: WorkerEnv;
  slots: number;
  tfBackend: TfBackendChoice;
  modelsDir?: string;
  shutdownGraceMs: number;
}

export function parseGpuWorkerProcessEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): GpuWorkerProcessEnv {
  const parsed = parseOrThrow(gpuProcessEnvSchema, env, 'environment');
  return {
    worker: parseWorkerEnv(env),
    slots: parsed.KIAGO_GPU_SLOTS,
    tfBackend: parseGpuWorkerEnv(env).tfBackend,
    ...(parsed.KIAGO_MODELS_DIR && { modelsDir: parsed.KIAGO_MODELS_DIR }),
    shutdownGraceMs: parsed.KIAGO_SHUTDOWN_GRACE_S * 1000,
  };
}
