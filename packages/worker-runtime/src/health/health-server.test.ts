import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { type HealthServer, startHealthServer } from './health-server.js';

describe('health server', () => {
  let server: HealthServer | undefined;
  afterEach(() => server?.close());

  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${server!.port}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers /healthz from liveness and /readyz from every dependency check', async () => {
    let live = true;
    let postgresUp = true;
    server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      isLive: () => live,
      readiness: [
        {
          name: 'postgres',
          check: async () => {
            if (!postgresUp) throw new Error('connection refused');
          },
        },
        { name: 'temporal', check: async () => undefined },
      ],
    });
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });

    postgresUp = false;
    expect(await get('/readyz')).toEqual({
      status: 503,
      body: {
        status: 'not ready',
        checks: [
          { name: 'postgres', ok: false, error: 'connection refused' },
          { name: 'temporal', ok: true },
        ],
      },
    });
    live = false;
    expect(await get('/healthz')).toEqual({ status: 503, body: { status: 'failed' } });
    expect((await get('/metrics')).status).toBe(404);
  });

  it('reports a dependency that hangs as not ready instead of hanging the probe', async () => {
    server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      isLive: () => true,
      readiness: [{ name: 'temporal', check: () => new Promise(() => undefined) }],
      checkTimeoutMs: 50,
    });
    expect(await get('/readyz')).toEqual({
      status: 503,
      body: {
        status: 'not ready',
        checks: [{ name: 'temporal', ok: false, error: 'no answer within 50 ms' }],
      },
    });
  });

  // A machine address other than loopback: where an open (0.0.0.0) listener would also answer.
  const outside = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

  it.runIf(outside)('listens on loopback only unless a host is given', async () => {
    server = await startHealthServer({ port: 0, isLive: () => true, readiness: [] });
    expect((await get('/healthz')).status).toBe(200);
    await expect(fetch(`http://${outside}:${server.port}/healthz`)).rejects.toThrow();
  });
});
