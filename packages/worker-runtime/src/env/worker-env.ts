import { parseDbEnv } from '@kiago/db';
import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import { DEFAULT_TASK_QUEUES, suffixedTaskQueues, type TaskQueues } from '../task-queues.js';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const optionalPath = (name: string) =>
  z.string().trim().min(1, `${name} must not be empty when set`).optional();

const workerEnvSchema = z
  .object({
    TEMPORAL_ADDRESS: z
      .string()
      .trim()
      .regex(/^[^\s:]+:\d{1,5}$|^\[[0-9a-fA-F:]+\]:\d{1,5}$/, 'TEMPORAL_ADDRESS must be host:port')
      .default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().trim().min(1, 'TEMPORAL_NAMESPACE must not be empty').default('default'),
    TEMPORAL_TLS_CERT_PATH: optionalPath('TEMPORAL_TLS_CERT_PATH'),
    TEMPORAL_TLS_KEY_PATH: optionalPath('TEMPORAL_TLS_KEY_PATH'),
    TEMPORAL_TLS_CA_PATH: optionalPath('TEMPORAL_TLS_CA_PATH'),
    KIAGO_TASK_QUEUE_SUFFIX: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'KIAGO_TASK_QUEUE_SUFFIX must be 1–40 of a-z, 0-9, -')
      .optional(),
    KIAGO_HEALTH_PORT: z.coerce
      .number({ error: 'KIAGO_HEALTH_PORT must be a port number' })
      .int('KIAGO_HEALTH_PORT must be an integer')
      .min(0, 'KIAGO_HEALTH_PORT must be 0–65535 (0: any free port)')
      .max(65_535, 'KIAGO_HEALTH_PORT must be 0–65535 (0: any free port)')
      .default(9090),
    // Loopback unless the deployment opens it (the chart sets 0.0.0.0 for the kubelet's probes).
    KIAGO_HEALTH_HOST: z.string().trim().min(1, 'must not be empty when set').default('127.0.0.1'),
    KIAGO_LOG_LEVEL: z
      .enum(LOG_LEVELS, { error: `KIAGO_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
      .default('info'),
  })
  .superRefine((env, ctx) => {
    // A client certificate without its key (or the reverse) is a half-configured mTLS secret.
    if ((env.TEMPORAL_TLS_CERT_PATH === undefined) !== (env.TEMPORAL_TLS_KEY_PATH === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.TEMPORAL_TLS_CERT_PATH === undefined ? 'TEMPORAL_TLS_CERT_PATH' : 'TEMPORAL_TLS_KEY_PATH'],
        message: 'TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together',
      });
    }
  });

export interface TemporalTlsPaths {
  /** Client certificate and key (mTLS); absent for server-only TLS. */
  clientCertPath?: string;
  clientKeyPath?: string;
  /** CA bundle of the server; absent to trust the system roots. */
  caPath?: string;
}

export interface TemporalEnv {
  address: string;
  namespace: string;
  /** The kiago task queues, suffixed when KIAGO_TASK_QUEUE_SUFFIX is set. */
  taskQueues: TaskQueues;
  /** Present when any TLS variable is set. */
  tls?: TemporalTlsPaths;
}

/** What every kiago worker process reads from its environment. */
export interface WorkerEnv {
  databaseUrl: string;
  temporal: TemporalEnv;
  healthPort: number;
  /** Listen address of the health server (KIAGO_HEALTH_HOST, default 127.0.0.1). */
  healthHost: string;
  logLevel: LogLevel;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The Temporal settings alone (the CLI and the API need them without a worker). */
export function parseTemporalEnv(env: Env): TemporalEnv {
  const parsed = parseOrThrow(workerEnvSchema, env, 'environment');
  const anyTls = parsed.TEMPORAL_TLS_CERT_PATH ?? parsed.TEMPORAL_TLS_CA_PATH;
  return {
    address: parsed.TEMPORAL_ADDRESS,
    namespace: parsed.TEMPORAL_NAMESPACE,
    taskQueues: parsed.KIAGO_TASK_QUEUE_SUFFIX
      ? suffixedTaskQueues(parsed.KIAGO_TASK_QUEUE_SUFFIX)
      : { ...DEFAULT_TASK_QUEUES },
    ...(anyTls !== undefined && {
      tls: {
        ...(parsed.TEMPORAL_TLS_CERT_PATH !== undefined && {
          clientCertPath: parsed.TEMPORAL_TLS_CERT_PATH,
          clientKeyPath: parsed.TEMPORAL_TLS_KEY_PATH,
        }),
        ...(parsed.TEMPORAL_TLS_CA_PATH !== undefined && { caPath: parsed.TEMPORAL_TLS_CA_PATH }),
      },
    }),
  };
}

/**
 * Parses the shared worker settings once at start-up from the environment the process's own `env.ts`
 * passes in. Throws a SpecError naming every bad variable.
 */
export function parseWorkerEnv(env: Env): WorkerEnv {
  const parsed = parseOrThrow(workerEnvSchema, env, 'environment');
  return {
    databaseUrl: parseDbEnv(env).databaseUrl,
    temporal: parseTemporalEnv(env),
    healthPort: parsed.KIAGO_HEALTH_PORT,
    healthHost: parsed.KIAGO_HEALTH_HOST,
    logLevel: parsed.KIAGO_LOG_LEVEL,
  };
}
