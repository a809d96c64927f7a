import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';

/** Names accepted by `KIAGO_TF_BACKEND`; `auto` walks the preference order in tf/backend.ts. */
export const TF_BACKEND_CHOICES = ['auto', 'node-gpu', 'node', 'wasm', 'cpu'] as const;
export type TfBackendChoice = (typeof TF_BACKEND_CHOICES)[number];

const gpuWorkerEnvSchema = z.object({
  KIAGO_TF_BACKEND: z
    .enum(TF_BACKEND_CHOICES, { error: `KIAGO_TF_BACKEND must be one of ${TF_BACKEND_CHOICES.join(', ')}` })
    .default('auto'),
});

export interface GpuWorkerEnv {
  tfBackend: TfBackendChoice;
}

/**
 * The gpu-worker's settings, read once at start-up; the only place in this service that reads the
 * process environment. Throws a SpecError naming the variable.
 */
export function parseGpuWorkerEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): GpuWorkerEnv {
  const parsed = parseOrThrow(gpuWorkerEnvSchema, env, 'environment');
  return { tfBackend: parsed.KIAGO_TF_BACKEND };
}
