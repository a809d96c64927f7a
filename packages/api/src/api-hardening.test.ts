import { createDb, type Db } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { parseCampaignPlanSettings } from '@kiago/orchestration';
import { createReportFixture, type ReportFixture } from '@kiago/report/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from './http-error.js';
import { type RunningApiServer, startApiServer } from './start-api-server.js';

const TOKEN = 'hardening-token-0123456789';

// The holes a probe found in the API (issue 16 §5), each on a real socket and a real Postgres.
describe('the HTTP API refuses odd input with 4xx and says nothing internal', () => {
  let db: Db;
  let deadDb: Db;
  let api: RunningApiServer;
  let deadApi: RunningApiServer;
  let fixture: ReportFixture;
  const logged: Record<string, unknown>[] = [];
  const call = (server: RunningApiServer, path: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${server.port}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...init.headers },
    });

  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl(), maxConnections: 2 });
    const dead = new URL(testDatabaseUrl());
    dead.port = '1';
    deadDb = createDb({ databaseUrl: dead.href, maxConnections: 1 });
    fixture = await createReportFixture(db);
    const logger = { error: (_message: string, fields: Record<string, unknown>) => void logged.push(fields) };
    const launcher = async () => {
      throw new Error('launcher exploded');
    };
    const predictor = async () => {
      throw new Error('the predictor must not be called here');
    };
    const campaignPlan = parseCampaignPlanSettings({});
    api = await startApiServer({
      db,
      launcher,
      predictor,
      campaignPlan,
      token: TOKEN,
      port: 0,
      host: '127.0.0.1',
      logger,
    });
    deadApi = await startApiServer({
      db: deadDb,
      launcher,
      predictor,
      campaignPlan,
      token: TOKEN,
      port: 0,
      host: '127.0.0.1',
      logger,
    });
  });
  afterAll(async () => {
    await api?.close();
    await deadApi?.close();
    await deadDb?.close();
    await db?.close();
  });

  it('GET /campaigns/%00 is a 400, not a database error', async () => {
    for (const path of ['/campaigns/%00', '/runs/%01x', '/campaigns/a%0Ab']) {
      const response = await call(api, path);
      expect(response.status, path).toBe(400);
      expect((await response.json()) as ErrorBody).toMatchObject({ error: { code: 'BAD_PATH' } });
    }
  });

  it('the request log keeps the path and drops the query string', async () => {
    const response = await call(api, '/campaigns?replaceSpec=true', {
      method: 'POST',
      body: JSON.stringify({ name: 'logged', bases: ['MgB2'], seeds: [0] }),
    });
    expect(response.status).toBe(500);
    expect(logged.at(-1)).toMatchObject({ method: 'POST', path: '/campaigns' });
    expect(JSON.stringify(logged)).not.toContain('replaceSpec');
  });

  it('public /readyz names the dependency without its raw error', async () => {
    const response = await fetch(`http://127.0.0.1:${deadApi.port}/readyz`);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: 'not ready', database: 'not answering' });
    expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|password|user/);
  });

  it('include and exclude of the same element is refused, naming both', async () => {
    const response = await call(api, `/runs/${fixture.runId}/candidates?include=Cu,O&exclude=Cu`);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.issues).toEqual([
      { path: 'exclude', message: 'Cu also in include: no candidate can match' },
    ]);
  });

  it('messages name each field once', async () => {
    const response = await call(api, `/runs/${fixture.runId}/candidates?limit=0&include=Xx`);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.message).toBe('query: limit must be at least 1; include: "Xx" is not an element symbol');
  });

  it('messages use the names the caller wrote, not internal ones', async () => {
    const response = await call(api, `/runs/${fixture.runId}/candidates?maxEhull=1e999`);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.message).toBe('query: maxEhull must be a finite number');
  });

  it('a body with thousands of bad fields gets the first 20 issues and a count, not megabytes', async () => {
    const bases = Array.from({ length: 5000 }, () => 'MgB2');
    const response = await call(api, '/campaigns', {
      method: 'POST',
      body: JSON.stringify({ name: 'dupes', bases, seeds: [0] }),
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text.length).toBeLessThan(10_000);
    const { error } = JSON.parse(text) as ErrorBody;
    expect(error.issues).toHaveLength(20);
    expect(error).toMatchObject({
      moreIssues: 4979,
      message: expect.stringMatching(/\(and 4979 more issues\)$/),
    });
  });
});
