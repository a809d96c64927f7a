import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';

const postgresUrl = z
  .string({ error: 'DATABASE_URL is required (e.g. postgresql://user:password@127.0.0.1:5432/kiago)' })
  .trim()
  .refine((value) => URL.canParse(value), { error: 'DATABASE_URL must be a URL', abort: true })
  .refine((value) => /^postgres(ql)?:$/.test(new URL(value).protocol), {
    error: 'DATABASE_URL must start with postgresql:// or postgres://',
  })
  .refine((value) => new URL(value).pathname.length > 1, { error: 'DATABASE_URL must name a database' });

const dbEnvSchema = z.object({ DATABASE_URL: postgresUrl });

export interface DbEnv {
  databaseUrl: string;
}

/** Reads the database settings from the caller's environment; throws a SpecError naming the variable. */
export function parseDbEnv(env: Readonly<Record<string, string | undefined>>): DbEnv {
  const parsed = parseOrThrow(dbEnvSchema, env, 'environment');
  return { databaseUrl: parsed.DATABASE_URL };
}
