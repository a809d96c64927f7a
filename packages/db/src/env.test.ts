import { SpecError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { parseDbEnv } from './env.js';

describe('parseDbEnv', () => {
  it('reads DATABASE_URL', () => {
    const url = 'postgresql://kiago:kiago@127.0.0.1:5432/kiago';
    expect(parseDbEnv({ DATABASE_URL: ` ${url} ` })).toEqual({ databaseUrl: url });
  });

  it('names the variable when it is missing or not a Postgres URL', () => {
    expect(() => parseDbEnv({})).toThrow(SpecError);
    expect(() => parseDbEnv({})).toThrow(/^environment: DATABASE_URL is required/);
    expect(() => parseDbEnv({ DATABASE_URL: 'not a url' })).toThrow(
      /^environment: DATABASE_URL must be a URL/,
    );
    expect(() => parseDbEnv({ DATABASE_URL: 'mysql://u@h/db' })).toThrow(/must start with postgresql:\/\//);
    expect(() => parseDbEnv({ DATABASE_URL: 'postgresql://u@h:5432' })).toThrow(/must name a database/);
  });
});
