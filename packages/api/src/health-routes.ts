import type { Route } from './api-types.js';

export const healthRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/healthz$/,
    public: true,
    handle: async () => ({ status: 200, body: { status: 'ok' } }),
  },
  {
    // Ready when Postgres answers: every other route needs it.
    method: 'GET',
    pattern: /^\/readyz$/,
    public: true,
    handle: async ({ db }) => {
      try {
        await db.pool.query('SELECT 1');
        return { status: 200, body: { status: 'ready' } };
      } catch {
        // Public route: which dependency, not its error text (hosts, users); the health server's
        // /readyz (KIAGO_HEALTH_PORT, loopback by default) reports the error itself.
        return { status: 503, body: { status: 'not ready', database: 'not answering' } };
      }
    },
  },
];
