import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createEmptyDatabase, testDatabaseUrl } from '@kiago/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT_COMMANDS } from './lib/deploy-invariants.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

describe('the migrate entry point the Helm hook and the k8s Job run', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('applies every migration to an empty database, then none on a second run', async () => {
    const database = await createEmptyDatabase(testDatabaseUrl(), 'migrate_entry');
    cleanups.push(() => database.drop());
    const [node, ...args] = CONTRACT_COMMANDS.migrate!;
    const migrate = () =>
      run(node!, args, { cwd: root, env: { ...process.env, DATABASE_URL: database.databaseUrl } });

    const first = await migrate();
    const applied = Number(/migrations: (\d+) applied, 0 already applied/.exec(first.stdout)?.[1]);
    expect(applied).toBeGreaterThan(0);
    const second = await migrate();
    expect(second.stdout).toMatch(new RegExp(`migrations: 0 applied, ${applied} already applied`));
  });

  it('fails with a message naming DATABASE_URL when it is missing', async () => {
    const [node, ...args] = CONTRACT_COMMANDS.migrate!;
    const attempt = run(node!, args, { cwd: root, env: { PATH: process.env.PATH } });
    await expect(attempt).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^migrate failed: .*DATABASE_URL/),
    });
  });
});
