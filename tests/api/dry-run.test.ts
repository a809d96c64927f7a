import { type ErrorBody, type RunningApiServer, startApiServer } from '@kiago/api';
import { type CampaignPlan, parseCampaignPlanSettings } from '@kiago/orchestration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IdleLaunchHarness, startIdleLaunchHarness } from '../e2e/support/idle-launch-harness.js';

const TOKEN = 'dry-run-test-token-0123456789';

// The production launcher on real Postgres and a real Temporal dev server (no workers needed).
describe('POST /campaigns?dryRun=true previews the cost and writes nothing', () => {
  let harness: IdleLaunchHarness;
  let api: RunningApiServer;
  const post = (body: object, query: string) =>
    fetch(`http://127.0.0.1:${api.port}/campaigns${query}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    });

  beforeAll(async () => {
    harness = await startIdleLaunchHarness('dryrun');
    api = await startApiServer({
      db: harness.db,
      launcher: (input) => harness.launch(input),
      predictor: async () => {
        throw new Error('not used');
      },
      campaignPlan: parseCampaignPlanSettings({ KIAGO_MAX_SHARDS_PER_RUN: '8' }),
      token: TOKEN,
      port: 0,
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await api?.close();
    await harness?.close();
  });

  it('200 with the plan, row counts unchanged; the same body without dryRun writes the campaign', async () => {
    const spec = harness.spec();
    const before = await harness.rowCounts();
    const response = await post(spec, '?dryRun=true');
    expect(response.status).toBe(200);
    const { dryRun, plan } = (await response.json()) as { dryRun: boolean; plan: CampaignPlan };
    expect(dryRun).toBe(true);
    expect(plan).toMatchObject({
      campaign: spec.name,
      shards: 4,
      candidateSteps: 4 * 8 * 10,
      rows: { shards: 4, candidatesAtMost: 32 },
    });
    expect(plan.limits.find((limit) => limit.envVar === 'KIAGO_MAX_SHARDS_PER_RUN')).toMatchObject({
      value: 4,
      limit: 8,
      usedPercent: 50,
    });
    expect(await harness.rowCounts()).toEqual(before);

    // The test can see a write: the real launch stores the campaign (its run row comes from the workflow).
    expect((await post(spec, '')).status).toBe(202);
    expect((await harness.rowCounts()).campaigns).toBe(before.campaigns + 1);
  });

  it('refuses over the deployment limit like a launch does (400 naming field and limit), writing nothing', async () => {
    const before = await harness.rowCounts();
    const response = await post(harness.spec({ seeds: [0, 1, 2, 3, 4] }), '?dryRun=true');
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(
      /seeds: bases × seeds = shards per run 10 exceeds the limit of 8 \(KIAGO_MAX_SHARDS_PER_RUN\)/,
    );
    const badFlag = await post(harness.spec(), '?dryRun=yes');
    expect(badFlag.status).toBe(400);
    expect(((await badFlag.json()) as ErrorBody).error.message).toMatch(/dryRun must be true or false/);
    expect(await harness.rowCounts()).toEqual(before);
  });
});
