import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { join } from 'node:path';

// Process plumbing for the control plane: ports, logs, readiness, shutdown.

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export function launch(dir: string, name: string, binary: string, args: string[]): ChildProcess {
  const log = createWriteStream(join(dir, `${name}.log`));
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timeout = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
  await Promise.race([exited, timeout]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export function httpsStatus(url: string, caPem: string): Promise<string> {
  return new Promise((resolve) => {
    const req = request(url, { ca: caPem, timeout: 2000 }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve(body));
    });
    req.on('error', () => resolve(''));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

export async function waitFor(what: string, dir: string, ready: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) {
      const logs = ['etcd', 'apiserver']
        .map((n) => join(dir, `${n}.log`))
        .filter(existsSync)
        .map((f) => `--- ${f}\n${readFileSync(f, 'utf8').slice(-3000)}`);
      throw new Error(`${what} not ready within ${timeoutMs / 1000} s\n${logs.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
