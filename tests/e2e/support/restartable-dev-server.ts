import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';

const SETUP_SCRIPT = fileURLToPath(new URL('../../../scripts/setup-temporal.sh', import.meta.url));

export interface RestartableDevServer {
  address: string;
  /** SIGKILL: the server is gone at once (its SQLite file keeps the state). */
  kill(): Promise<void>;
  /** Starts it again on the same port and file; resolves once it answers. */
  start(): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * A Temporal dev server of one test file's own, persisted in SQLite, that the test can kill and start
 * again (the shared server of the test run must not go down under other files).
 */
export async function startRestartableDevServer(): Promise<RestartableDevServer> {
  const binary = execFileSync('bash', [SETUP_SCRIPT], { encoding: 'utf8' }).trim();
  const dir = await mkdtemp(join(tmpdir(), 'kiago-temporal-'));
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const answers = async () => {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return true;
      } finally {
        await connection.close();
      }
    } catch {
      return false;
    }
  };
  const start = async () => {
    const args = ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port)];
    child = spawn(binary, [...args, '--db-filename', join(dir, 'temporal.db'), '--log-level', 'error'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; i < 240 && !(await answers()); i++) await new Promise((r) => setTimeout(r, 250));
    if (!(await answers()))
      throw new Error(`the Temporal dev server at ${address} did not start within 60 s`);
  };
  const kill = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    address,
    kill,
    start,
    async close() {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
