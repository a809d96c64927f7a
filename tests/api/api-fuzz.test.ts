import { randomUUID } from 'node:crypto';
import { type RunningApiServer, startApiServer } from '@kiago/api';
import { parseCampaignPlanSettings } from '@kiago/orchestration';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IdleLaunchHarness, startIdleLaunchHarness } from '../e2e/support/idle-launch-harness.js';

const TOKEN = 'fuzz-test-token-0123456789';
// Bounded: ~150 requests in all. A failure prints the seed and the shrunk request.
const seed = Date.now() % 2 ** 31;
const numRuns = 75;

const awkwardNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e-9, 2 ** 31, 2 ** 53, 1e15, 1e308),
);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), awkwardNumber, fc.string({ maxLength: 30 }));
const pathPart = fc.oneof(
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
  fc.constantFrom('%00', '%ZZ', '%', '..', 'x'.repeat(300), randomUUID(), '-1', '1e9'),
);
const query = fc
  .array(fc.tuple(fc.constantFrom('dryRun', 'replaceSpec', 'limit', 'x', ''), fc.string({ maxLength: 8 })), {
    maxLength: 3,
  })
  .map((pairs) => (pairs.length === 0 ? '' : `?${new URLSearchParams(pairs).toString()}`));

/** What a request does to the API: method, path with query, body and content type. */
interface FuzzRequest {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
}

// Real Postgres (the harness's own database), real launcher and Temporal dev server, no workers.
describe('the HTTP API under random requests (fast-check): never 5xx, and a 4xx writes nothing', () => {
  let harness: IdleLaunchHarness;
  let api: RunningApiServer;

  beforeAll(async () => {
    harness = await startIdleLaunchHarness('fuzz');
    api = await startApiServer({
      db: harness.db,
      launcher: (input) => harness.launch(input),
      predictor: async () => ({ predictions: [] }),
      campaignPlan: parseCampaignPlanSettings({ KIAGO_MAX_SHARDS_PER_RUN: '20' }),
      token: TOKEN,
      port: 0,
      host: '127.0.0.1',
    });
    console.info(`[api fuzz] fast-check seed ${seed}, ${numRuns} runs per property`);
  });
  afterAll(async () => {
    await api?.close();
    await harness?.close();
  });

  async function send(request: FuzzRequest): Promise<number> {
    const headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` };
    if (request.contentType) headers['content-type'] = request.contentType;
    const response = await fetch(`http://127.0.0.1:${api.port}${request.path}`, {
      method: request.method,
      headers,
      ...(request.body !== undefined && { body: request.body }),
    });
    await response.arrayBuffer();
    return response.status;
  }

  async function expectNo5xxAndNoWriteOn4xx(request: FuzzRequest): Promise<void> {
    const before = await harness.rowCounts();
    const status = await send(request);
    expect(status, `${request.method} ${request.path}`).toBeLessThan(500);
    if (status >= 400) expect(await harness.rowCounts(), `${status} ${request.path}`).toEqual(before);
  }

  it('POST /campaigns with mutated specs, random JSON and garbage bodies', async () => {
    const body = fc.oneof(
      // Valid specs under a few names: launches, unchanged relaunches and 409s for a changed spec.
      fc
        .tuple(fc.nat(5), fc.constantFrom([0], [0, 1], [2]))
        .map(([n, seeds]) => JSON.stringify(harness.spec({ name: `fuzz-valid-${n}`, seeds }))),
      fc
        .tuple(
          fc.nat(5),
          fc.constantFrom(
            'name',
            'bases',
            'seeds',
            'candidatesPerShard',
            'steps',
            'nUnits',
            'maxParallelShards',
            'models',
            'mode',
            'extra',
          ),
          fc.option(anyValue, { nil: undefined }),
        )
        .map(([n, key, value]) => {
          const spec: Record<string, unknown> = harness.spec({ name: `fuzz-${n}` });
          if (value === undefined) delete spec[key];
          else spec[key] = value;
          return JSON.stringify(spec);
        }),
      anyValue.map((value) => JSON.stringify(value)),
      fc.string({ maxLength: 100 }),
    );
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom('', '?dryRun=true', '?replaceSpec=true') },
          { weight: 1, arbitrary: query },
        ),
        fc.oneof(
          { weight: 3, arbitrary: fc.constant('application/json') },
          { weight: 1, arbitrary: fc.constantFrom('text/plain', undefined) },
        ),
        async (text, search, contentType) =>
          expectNo5xxAndNoWriteOn4xx({
            method: 'POST',
            path: `/campaigns${search}`,
            body: text,
            ...(contentType && { contentType }),
          }),
      ),
      { seed, numRuns },
    );
  });

  it('every route with random path parts, queries and methods', async () => {
    const request = fc.oneof(
      fc.tuple(pathPart, query).map(([id, search]) => ({ method: 'GET', path: `/campaigns/${id}${search}` })),
      fc.tuple(pathPart, fc.constantFrom('', '/candidates', '/report'), query).map(([id, tail, search]) => ({
        method: 'GET',
        path: `/runs/${id}${tail}${search}`,
      })),
      query.map((search) => ({ method: 'GET', path: `/campaigns${search}` })),
      fc.string({ maxLength: 12 }).map((formula) => ({
        method: 'GET',
        path: `/predict?formula=${encodeURIComponent(formula)}`,
      })),
      fc
        .tuple(
          fc.constantFrom('PUT', 'DELETE', 'PATCH'),
          fc.constantFrom('/campaigns', '/runs/x', '/predict'),
        )
        .map(([method, path]) => ({ method, path })),
      pathPart.map((part) => ({ method: 'GET', path: `/${part}` })),
    );
    await fc.assert(fc.asyncProperty(request, expectNo5xxAndNoWriteOn4xx), { seed, numRuns });
  });
});
