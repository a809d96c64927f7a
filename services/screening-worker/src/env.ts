import { availableParallelism } from 'node:os';
import { referenceSetNameSchema } from '@kiago/screening';
import { parseOrThrow } from '@kiago/shared';
import { parseWorkerEnv, shutdownGraceSecondsSchema, type WorkerEnv } from '@kiago/worker-runtime';
import { z } from 'zod';

const screeningEnvSchema = z.object({
  KIAGO_SCREENING_CONCURRENCY: z.coerce
    .number({ error: 'KIAGO_SCREENING_CONCURRENCY must be a whole number' })
    .int('KIAGO_SCREENING_CONCURRENCY must be a whole number')
    .min(1, 'KIAGO_SCREENING_CONCURRENCY must be at least 1')
    .optional(),
  KIAGO_HULL_REFERENCE_SET: referenceSetNameSchema.optional(),
  KIAGO_SHUTDOWN_GRACE_S: shutdownGraceSecondsSchema(30),
});

export interface ScreeningWorkerProcessEnv {
  worker: WorkerEnv;
  /** Default: one activity per core. */
  concurrency: number;
  hullReferenceSet?: string;
  shutdownGraceMs: number;
}

/** The screening process's settings: the shared worker env plus concurrency and the hull's reference set. */
export function parseScreeningWorkerProcessEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ScreeningWorkerProcessEnv {
  const parsed = parseOrThrow(screeningEnvSchema, env, 'environment');
  return {
    worker: parseWorkerEnv(env),
    concurrency: parsed.KIAGO_SCREENING_CONCURRENCY ?? availableParallelism(),
    ...(parsed.KIAGO_HULL_REFERENCE_SET && { hullReferenceSet: parsed.KIAGO_HULL_REFERENCE_SET }),
    shutdownGraceMs: parsed.KIAGO_SHUTDOWN_GRACE_S * 1000,
  };
}
