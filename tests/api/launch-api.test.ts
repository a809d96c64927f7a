import {
  type ErrorBody,
  type RunningApiServer,
  startApiServer,
  temporalLauncher,
  temporalPredictor,
} from '@kiago/api';
import type { TopCandidate } from '@kiago/db';
import { type LaunchedRun, parseCampaignPlanSettings, type RunProgress } from '@kiago/orchestration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eHarness, startE2eHarness } from '../e2e/support/e2e-harness.js';

const TOKEN = 'launch-test-token-0123456789';

async function json<T>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}

// POST /campaigns through the production launcher: real Temporal dev server, real workers, Postgres.
describe('POST /campaigns launches a run that GET /runs follows', () => {
  let harness: E2eHarness;
  let api: RunningApiServer;
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${api.port}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...init.headers },
    });
  const launch = (spec: object, query = '') =>
    call(`/campaigns${query}`, { method: 'POST', body: JSON.stringify(spec) });

  beforeAll(async () => {
    harness = await startE2eHarness({ label: 'api' });
    api = await startApiServer({
      db: harness.db,
      launcher: temporalLauncher(harness.ctx),
      predictor: temporalPredictor(harness.ctx),
      campaignPlan: parseCampaignPlanSettings({}),
      token: TOKEN,
      port: 0,
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await api?.close();
    await harness?.close();
  });

  it('202 with the run id; the run completes and its candidates are served', async () => {
    const spec = harness.spec();
    const response = await launch(spec);
    expect(response.status).toBe(202);
    const launched = await json<LaunchedRun & { links: { run: string } }>(response);
    expect(launched).toMatchObject({
      campaign: { name: spec.name, change: 'created' },
      links: { run: `/runs/${launched.runId}` },
    });

    let run: Partial<RunProgress> & { summary?: unknown } = { status: 'PLANNED' };
    for (
      let i = 0;
      i < 600 && !['COMPLETED', 'COMPLETED_WITH_FAILURES', 'FAILED'].includes(run.status ?? '');
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const polled = await call(launched.links.run);
      if (polled.status === 200) run = await json<RunProgress>(polled);
    }
    expect(run).toMatchObject({
      status: 'COMPLETED',
      shards: { total: 6, succeeded: 6 },
      summary: { shards: { succeeded: 6 } },
    });
    const candidates = await json<TopCandidate[]>(call(`/runs/${launched.runId}/candidates?limit=5`));
    expect(candidates).toHaveLength(5);
    expect(candidates[0]?.tcKelvin).toBeGreaterThanOrEqual(
      candidates[4]?.tcKelvin ?? Number.POSITIVE_INFINITY,
    );
  });

  it('refuses a changed spec under an existing name unless replaceSpec=true, and unknown model versions', async () => {
    const spec = harness.spec({ maxParallelShards: 1 });
    expect((await launch(spec)).status).toBe(202);
    const changed = { ...spec, steps: 12 };
    const refused = await launch(changed);
    expect(refused.status).toBe(409);
    expect((await json<ErrorBody>(refused)).error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^campaign "e2e-api-\w+": name: a campaign of this name already exists/),
    });
    // Two different specs launched at once under one new name: one wins, the other gets 409.
    const racing = harness.spec({ maxParallelShards: 1 });
    const statuses = await Promise.all([launch(racing), launch({ ...racing, steps: 12 })]);
    expect(statuses.map((response) => response.status).sort()).toEqual([202, 409]);
    const replaced = await launch(changed, '?replaceSpec=true');
    expect(replaced.status).toBe(202);
    expect((await json<LaunchedRun>(replaced)).campaign.change).toBe('replaced');

    const noModel = await launch(harness.spec({ models: { tc: 'no-such-version', ef: harness.models.ef } }));
    expect(noModel.status).toBe(422);
    expect((await json<ErrorBody>(noModel)).error.message).toMatch(
      /tc model version "no-such-version" not found/,
    );
  });

  // The orchestrator carries no TensorFlow: its GET /predict runs on the gpu workers through Temporal.
  it('GET /predict is answered by the gpu workers; typed failures keep their status and code', async () => {
    const { tc, ef } = harness.models;
    const predict = (query: string) => call(`/predict?tcModel=${tc}&efModel=${ef}&${query}`);
    const ok = await predict(`formula=MgB2&formula=Nb3Sn&refs=${harness.referenceSet}`);
    expect(ok.status).toBe(200);
    const body = await json<{ predictions: { formula: string; tcKelvin: number; inDomain: boolean }[] }>(ok);
    expect(body.predictions.map((p) => p.formula)).toEqual(['MgB2', 'Nb3Sn']);
    for (const p of body.predictions) expect(Number.isFinite(p.tcKelvin)).toBe(true);
    const bad = await predict('formula=Xy2O&refs=none');
    expect(bad.status).toBe(400);
    expect((await json<ErrorBody>(bad)).error.code).toBe('FORMULA_INVALID');
    const unknownModel = await call(`/predict?tcModel=no-such-version&efModel=${ef}&formula=MgB2&refs=none`);
    expect(unknownModel.status).toBe(404);
  });
});
