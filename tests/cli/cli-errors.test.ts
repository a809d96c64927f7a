import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createDb, type Db } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerTinyModelVersions } from '../../packages/optimiser/src/activities/fixtures/tiny-model-versions.js';

/** The built `kiago` (scripts/test.sh builds first), run as a user runs it: its own process. */
const KIAGO_BIN = 'apps/cli/dist/main.js';

interface Exit {
  code: number;
  stdout: string;
  stderr: string;
}

async function kiago(args: string[], env: Record<string, string>): Promise<Exit> {
  const run = promisify(execFile)(process.execPath, [KIAGO_BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 90_000,
  });
  try {
    const { stdout, stderr } = await run;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const NO_STACK = /^\s+at /m;

// Each failure a user meets: one line naming what is wrong and an exit status, never a stack trace.
describe('kiago errors are a message and an exit status', () => {
  let db: Db;
  let dir: string;
  const models = {
    tc: `cli-err-tc-${randomUUID().slice(0, 8)}`,
    ef: `cli-err-ef-${randomUUID().slice(0, 8)}`,
  };
  const spec = (name: string) => ({
    name,
    bases: ['MgB2'],
    seeds: [0],
    candidatesPerShard: 8,
    steps: 10,
    models,
  });

  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl(), maxConnections: 2 });
    await registerTinyModelVersions(db, models);
    dir = await mkdtemp(join(tmpdir(), 'kiago-cli-errors-'));
  });
  afterAll(() => db?.close());

  it('a launch whose Temporal is unreachable says so, exits 3 and leaves no campaign', async () => {
    const name = `orphan-${randomUUID().slice(0, 8)}`;
    const file = join(dir, `${name}.json`);
    await writeFile(file, JSON.stringify(spec(name)));
    const env = { DATABASE_URL: testDatabaseUrl(), TEMPORAL_ADDRESS: '127.0.0.1:1' };
    const result = await kiago(['campaign', 'launch', file], env);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^kiago: cannot reach Temporal at 127\.0\.0\.1:1: .*ECONNREFUSED 127\.0\.0\.1:1 \(TEMPORAL_ADDRESS\)\n$/,
    );
    expect(await db.prisma.campaign.count({ where: { name } })).toBe(0);
  }, 120_000);

  it('an unreachable Postgres and a wrong password name the host, never the password', async () => {
    const server = new URL(testDatabaseUrl());
    const wrongPassword = new URL(server);
    wrongPassword.password = 'not-the-password-0451';
    const deadPort = new URL(server);
    deadPort.port = '1';

    const refused = await kiago(['campaign', 'list'], { DATABASE_URL: wrongPassword.href });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(
      new RegExp(
        `^kiago: Postgres at ${server.hostname}:${server.port || 5432} .*refused user "${server.username}": authentication failed`,
      ),
    );
    const unreachable = await kiago(['run', 'status', randomUUID()], { DATABASE_URL: deadPort.href });
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toMatch(new RegExp(`^kiago: cannot reach Postgres at ${server.hostname}:1 `));
    for (const result of [refused, unreachable]) {
      expect(result.stderr).not.toMatch(NO_STACK);
      expect(result.stderr).not.toContain('not-the-password-0451');
    }
    // The trace is there when asked for, still without the password.
    const debug = await kiago(['campaign', 'list', '--debug'], { DATABASE_URL: wrongPassword.href });
    expect(debug.stderr).toMatch(NO_STACK);
    expect(debug.stderr).not.toContain('not-the-password-0451');
  }, 120_000);

  it('a YAML alias bomb is refused as bad input (exit 2)', async () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const [prev, next] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
      lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const file = join(dir, 'bomb.yaml');
    await writeFile(file, `${lines.join('\n')}\nname: bomb\nbases: [MgB2]\nseeds: [0]\n`);
    const result = await kiago(['campaign', 'launch', file], { DATABASE_URL: testDatabaseUrl() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^kiago: .*bomb\.yaml: YAML refused: .*alias/i);
    expect(result.stderr).not.toMatch(NO_STACK);
  });

  it('a spec with thousands of issues is refused with the first 20 and a count of the rest', async () => {
    // 3,000 spellings of one composition: 2,999 duplicate-base issues.
    const bases = Array.from({ length: 3000 }, (_, i) => `Mg${i + 1}B${2 * (i + 1)}`);
    const file = join(dir, 'duplicates.json');
    await writeFile(file, JSON.stringify({ ...spec('duplicates'), bases }));
    const result = await kiago(['campaign', 'plan', file], { DATABASE_URL: testDatabaseUrl() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^kiago: .*duplicates\.json: bases\.1: duplicate base Mg2B4 .*\(and 2979 more issues\)\n$/,
    );
    expect(result.stderr.match(/duplicate base/g)).toHaveLength(20);
  });

  it('kiago screen reports a formula too lopsided to count as its row and screens the rest', async () => {
    const file = join(dir, 'lopsided.csv');
    await writeFile(file, 'formula\nCu0.000000001O1\nLa2CuO4\n');
    const result = await kiago(['screen', file, '--format', 'json'], {});
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.summary).toEqual({ rows: 2, valid: 1, bad: 1 });
    expect(output.rows[0]).toMatchObject({
      ok: false,
      line: 2,
      error: expect.stringMatching(/screening takes at most/),
    });
  });
});
