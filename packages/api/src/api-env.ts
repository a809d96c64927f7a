import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';

const apiEnvSchema = z.object({
  KIAGO_API_TOKEN: z
    .string({ error: 'KIAGO_API_TOKEN must be set (a bearer token of at least 16 characters)' })
    .min(16, 'KIAGO_API_TOKEN must be at least 16 characters (e.g. openssl rand -hex 32)'),
  KIAGO_API_PORT: z.coerce
    .number({ error: 'KIAGO_API_PORT must be a port number' })
    .int('KIAGO_API_PORT must be an integer')
    .min(0, 'KIAGO_API_PORT must be 0–65535 (0: any free port)')
    .max(65_535, 'KIAGO_API_PORT must be 0–65535 (0: any free port)')
    .default(8080),
  // Loopback unless the deployment opens it (the chart sets 0.0.0.0 behind its NetworkPolicy).
  KIAGO_API_HOST: z.string().trim().min(1, 'must not be empty when set').default('127.0.0.1'),
});

export interface ApiEnv {
  token: string;
  port: number;
  host: string;
}

/** The HTTP API's settings, from the environment the serving process's env module passes in. */
export function parseApiEnv(env: Readonly<Record<string, string | undefined>>): ApiEnv {
  const parsed = parseOrThrow(apiEnvSchema, env, 'environment');
  return { token: parsed.KIAGO_API_TOKEN, port: parsed.KIAGO_API_PORT, host: parsed.KIAGO_API_HOST };
}
