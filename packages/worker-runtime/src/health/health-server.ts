import { createServer, type Server } from 'node:http';
import { type ListeningServer, listen } from '../http/listen.js';

/** One readiness dependency: resolves when usable, throws (or times out) when not. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

export interface HealthServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** Liveness: false once the process cannot recover (e.g. a worker failed); the orchestrator restarts it. */
  isLive: () => boolean;
  readiness: readonly ReadinessCheck[];
  /** Per-check limit; a hung dependency reads as not ready. */
  checkTimeoutMs?: number;
}

export type HealthServer = ListeningServer;

interface CheckResult {
  name: string;
  ok: boolean;
  error?: string;
}

async function runCheck({ name, check }: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return { name, ok: true };
  } catch (error) {
    return { name, ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /healthz` (liveness: the process works) and `GET /readyz` (readiness: every dependency —
 * Temporal, Postgres, the workers — answers). JSON bodies; 200 or 503.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const timeoutMs = options.checkTimeoutMs ?? 2000;
  const server: Server = createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.method !== 'GET') return reply(405, { error: 'only GET' });
    if (request.url === '/healthz') {
      const live = options.isLive();
      return reply(live ? 200 : 503, { status: live ? 'ok' : 'failed' });
    }
    if (request.url === '/readyz') {
      void Promise.all(options.readiness.map((check) => runCheck(check, timeoutMs))).then((checks) => {
        const ready = checks.every((check) => check.ok);
        reply(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
      });
      return;
    }
    reply(404, { error: 'try /healthz or /readyz' });
  });
  return listen(server, { port: options.port, host: options.host, drop: 'all' });
}
