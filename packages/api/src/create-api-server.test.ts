import { randomUUID } from 'node:crypto';
import type { TopCandidate } from '@kiago/db';
import { createDb, type Db } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import {
  type CampaignDetail,
  type CampaignListItem,
  parseCampaignPlanSettings,
  type RunProgress,
} from '@kiago/orchestration';
import { createReportFixture, type ReportFixture } from '@kiago/report/testing';
import { SpecError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignLauncher, Predictor } from './api-types.js';
import type { ErrorBody } from './http-error.js';
import { type RunningApiServer, startApiServer } from './start-api-server.js';

const TOKEN = 'test-token-0123456789abcdef';

/** The body as the route's type (dates arrive as strings; these tests read no dates). */
async function json<T>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}

// Every request here is refused or read-only, so the launcher must never run (tests/api launches for real).
const unusedLauncher: CampaignLauncher = async () => {
  throw new Error('the launcher must not be called for a refused request');
};
const unusedPredictor: Predictor = async () => {
  throw new Error('the predictor must not be called: GET /predict is tested in tests/api');
};

describe('the HTTP API (read routes, validation, auth) on a real socket and Postgres', () => {
  let db: Db;
  let api: RunningApiServer;
  let fixture: ReportFixture;
  const call = (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const { token = TOKEN, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token !== null) headers.set('authorization', `Bearer ${token}`);
    return fetch(`http://127.0.0.1:${api.port}${path}`, { ...rest, headers });
  };
  const post = (body: string, contentType = 'application/json') =>
    call('/campaigns', { method: 'POST', body, headers: { 'content-type': contentType } });

  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl(), maxConnections: 4 });
    fixture = await createReportFixture(db);
    api = await startApiServer({
      db,
      launcher: unusedLauncher,
      predictor: unusedPredictor,
      campaignPlan: parseCampaignPlanSettings({}),
      token: TOKEN,
      port: 0,
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await api?.close();
    await db?.close();
  });

  it('answers health probes without a token', async () => {
    expect(await json(call('/healthz', { token: null }))).toEqual({ status: 'ok' });
    const ready = await call('/readyz', { token: null });
    expect(ready.status).toBe(200);
  });

  it('refuses requests without the right bearer token, before routing', async () => {
    for (const token of [null, 'wrong-token-0123456789abcdef', `${TOKEN}x`, '']) {
      const response = await call('/campaigns', { token });
      expect(response.status, String(token)).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="kiago"');
      expect((await json<ErrorBody>(response)).error.code).toBe('UNAUTHORISED');
    }
    expect((await call('/no/such/route', { token: null })).status).toBe(401);
    expect(
      (await call('/campaigns', { token: null, headers: { authorization: `Basic ${TOKEN}` } })).status,
    ).toBe(401);
    await expect(
      startApiServer({
        db,
        launcher: unusedLauncher,
        predictor: unusedPredictor,
        campaignPlan: parseCampaignPlanSettings({}),
        token: 'short',
        port: 0,
      }),
    ).rejects.toBeInstanceOf(SpecError);
  });

  it('lists campaigns and shows one with its runs', async () => {
    const campaigns = await json<CampaignListItem[]>(call('/campaigns?limit=1000'));
    expect(campaigns.find((c) => c.id === fixture.campaignId)).toMatchObject({ runs: 1 });
    const detail = await json<CampaignDetail>(call(`/campaigns/${encodeURIComponent(fixture.campaignName)}`));
    expect(detail.runs.map((r) => r.id)).toEqual([fixture.runId]);
    expect((await call('/campaigns?limit=0')).status).toBe(400);
    expect((await call('/campaigns/no-such-campaign')).status).toBe(404);
  });

  it('GET /runs/:id: progress and summary', async () => {
    const run = await json<RunProgress>(call(`/runs/${fixture.runId}`));
    expect(run).toMatchObject({
      runId: fixture.runId,
      status: 'COMPLETED_WITH_FAILURES',
      candidates: 480,
      shards: { total: 3, failed: 1 },
      summary: { passed: 264, materials: 4 },
    });
    const badId = await call('/runs/run-1');
    expect(badId.status).toBe(400);
    expect((await json<ErrorBody>(badId)).error.issues).toEqual([
      { path: '', message: 'the run id must be a uuid' },
    ]);
    expect((await call(`/runs/${randomUUID()}`)).status).toBe(404);
  });

  it('GET /runs/:id/candidates: filters from the query string', async () => {
    const query = 'limit=4&passed=true&inDomain=true&maxEhull=0.05&include=Cu,O&exclude=Mg';
    const response = await call(`/runs/${fixture.runId}/candidates?${query}`);
    expect(response.status).toBe(200);
    const rows = await json<TopCandidate[]>(response);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row).toMatchObject({ passed: true, inDomain: true, runId: fixture.runId });
      expect(row.eAboveHullEvPerAtom).toBeLessThanOrEqual(0.05);
      expect(row.elements).toEqual(expect.arrayContaining(['Cu', 'O']));
    }
    const repeated = await json<TopCandidate[]>(
      call(`/runs/${fixture.runId}/candidates?include=Mg&include=B&limit=2`),
    );
    expect(repeated.map((r) => r.elementSetKey)).toEqual(['B-Mg', 'B-Mg']);
    expect((await call(`/runs/${randomUUID()}/candidates`)).status).toBe(404);
  });

  it('GET /runs/:id/candidates: a 400 names each bad parameter', async () => {
    const response = await call(
      `/runs/${fixture.runId}/candidates?limit=0&include=Cu,Xx&passed=yes&maxEHull=1`,
    );
    expect(response.status).toBe(400);
    const { error } = await json<ErrorBody>(response);
    expect(error.code).toBe('SPEC_INVALID');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'limit', message: 'limit must be at least 1' },
        { path: 'include', message: '"Xx" is not an element symbol' },
        { path: 'passed', message: 'passed must be true or false' },
        expect.objectContaining({ path: '', message: expect.stringContaining('maxEHull') }),
      ]),
    );
    const ranks = await json<ErrorBody>(call(`/runs/${fixture.runId}/candidates?rank=ucb&k=-1`));
    expect(ranks.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'rank', message: 'rank must be tc or lcb' },
        { path: 'k', message: 'k must be ≥ 0' },
      ]),
    );
    const kAlone = await json<ErrorBody>(call(`/runs/${fixture.runId}/candidates?k=1`));
    expect(kAlone.error.issues).toEqual([{ path: 'k', message: 'k applies to rank=lcb only' }]);
  });

  it('GET /runs/:id/candidates?rank=lcb: only candidates with a Tc ensemble, by mean − k·sd', async () => {
    // The fixture run has no ensemble: ranking by its bound finds nothing rather than guessing.
    const response = await call(`/runs/${fixture.runId}/candidates?rank=lcb&k=2`);
    expect(response.status).toBe(200);
    expect(await json<TopCandidate[]>(response)).toEqual([]);
  });

  it('POST /campaigns: 400 with field paths, 415, 413, and bad JSON — without launching', async () => {
    const invalid = await post(JSON.stringify({ name: 'x', bases: ['MgB2', 'Xx2O'], seeds: [0], steps: 1 }));
    expect(invalid.status).toBe(400);
    const paths = (await json<ErrorBody>(invalid)).error.issues?.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['bases.1', 'steps']));
    expect((await post('{"name":')).status).toBe(400);
    expect((await post('name: x', 'text/yaml')).status).toBe(415);
    expect((await post(JSON.stringify({ name: 'x'.repeat(1 << 20) }))).status).toBe(413);
    const replace = await call('/campaigns?replaceSpec=maybe', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect((await json<ErrorBody>(replace)).error.issues?.[0]).toEqual({
      path: 'replaceSpec',
      message: 'replaceSpec must be true or false',
    });
  });

  it('answers unknown routes and methods in JSON', async () => {
    const missing = await call('/nothing-here');
    expect(missing.status).toBe(404);
    expect((await json<ErrorBody>(missing)).error.code).toBe('NO_ROUTE');
    const method = await call('/campaigns', { method: 'DELETE' });
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('POST, GET');
  });

  it('GET /runs/:id/report: the HTML report', async () => {
    const response = await call(`/runs/${fixture.runId}/report`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await response.text()).match(/<svg /g)).toHaveLength(3);
  });
});
