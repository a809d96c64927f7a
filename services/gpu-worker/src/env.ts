import { type TfBackendChoice, tfBackendChoiceSchema } from '@kiago/optimiser';
import { parseOrThrow } from '@kiago/shared';
import { parseWorkerEnv, shutdownGraceSecondsSchema, type WorkerEnv } from '@kiago/worker-runtime';
import { z } from 'zod';

const gpuWorkerEnvSchema = z.object({
  KIAGO_TF_BACKEND: tfBackendChoiceSchema,
  KIAGO_GPU_SLOTS: z.coerce
    .number({ error: 'KIAGO_GPU_SLOTS must be a whole number of shards' })
    .int('KIAGO_GPU_SLOTS must be a whole number of shards')
    .min(1, 'KIAGO_GPU_SLOTS must be at least 1')
    .max(64, 'KIAGO_GPU_SLOTS must be at most 64')
    .default(1),
  KIAGO_MODELS_DIR: z.string().trim().min(1, 'KIAGO_MODELS_DIR must not be empty when set').optional(),
  KIAGO_SHUTDOWN_GRACE_S: shutdownGraceSecondsSchema(60),
});

/** The gpu-worker process's settings: the shared worker env plus backend, slots and model directory. */
export interface GpuWorkerProcessEnv {
  worker: WorkerEnv;
  slots: number;
  tfBackend: TfBackendChoice;
  modelsDir?: string;
  shutdownGraceMs: number;
}

/**
 * Read once at start-up; the only place in this process that reads the environment. Throws a
 * SpecError naming the variable.
 */
export function parseGpuWorkerProcessEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): GpuWorkerProcessEnv {
  const parsed = parseOrThrow(gpuWorkerEnvSchema, env, 'environment');
  return {
    worker: parseWorkerEnv(env),
    slots: parsed.KIAGO_GPU_SLOTS,
    tfBackend: parsed.KIAGO_TF_BACKEND,
    ...(parsed.KIAGO_MODELS_DIR && { modelsDir: parsed.KIAGO_MODELS_DIR }),
    shutdownGraceMs: parsed.KIAGO_SHUTDOWN_GRACE_S * 1000,
  };
}
