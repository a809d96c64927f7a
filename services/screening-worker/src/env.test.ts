import { SpecError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { parseScreeningWorkerProcessEnv } from './env.js';

const DATABASE_URL = 'postgresql://kiago:kiago@127.0.0.1:5432/kiago';

describe('parseScreeningWorkerProcessEnv', () => {
  it('honours KIAGO_SHUTDOWN_GRACE_S (30 s when unset)', () => {
    expect(parseScreeningWorkerProcessEnv({ DATABASE_URL }).shutdownGraceMs).toBe(30_000);
    expect(
      parseScreeningWorkerProcessEnv({ DATABASE_URL, KIAGO_SHUTDOWN_GRACE_S: '5' }).shutdownGraceMs,
    ).toBe(5000);
  });

  it('refuses a negative grace, naming the variable', () => {
    const parse = () => parseScreeningWorkerProcessEnv({ DATABASE_URL, KIAGO_SHUTDOWN_GRACE_S: '-1' });
    expect(parse).toThrow(SpecError);
    expect(parse).toThrow(/KIAGO_SHUTDOWN_GRACE_S must be ≥ 0/);
  });
});
