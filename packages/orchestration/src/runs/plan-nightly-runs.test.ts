import { randomUUID } from 'node:crypto';
import { createDb, type Db } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignFixture, modelVersionFixture } from './fixtures/campaign-fixture.js';
import { planNightlyRuns } from './plan-nightly-runs.js';

describe('planNightlyRuns', () => {
  let db: Db;
  let models: { tc: string; ef: string };
  let ids: { tc: string; ef: string };
  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl() });
    const [tc, ef] = [await modelVersionFixture(db, 'TC'), await modelVersionFixture(db, 'EF')];
    models = { tc: tc.version, ef: ef.version };
    ids = { tc: tc.id, ef: ef.id };
  });
  afterAll(() => db?.close());

  const finishedRun = (campaignId: string, pins = ids, status: 'COMPLETED' | 'RUNNING' = 'COMPLETED') =>
    db.prisma.run.create({
      data: { id: randomUUID(), campaignId, status, tcModelVersionId: pins.tc, efModelVersionId: pins.ef },
    });
  const planFor = async (names: string[], force = false) => {
    const plan = await planNightlyRuns(db, { force });
    return {
      runs: plan.runs.filter((run) => names.includes(run.campaignName)),
      skipped: plan.skipped.filter((skip) => names.includes(skip.campaignName)),
    };
  };

  it('plans campaigns never run, diffs nothing for them, and ignores campaigns not marked nightly', async () => {
    const { campaign: fresh } = await campaignFixture(db, models, { nightly: true });
    const { campaign: manual } = await campaignFixture(db, models);
    const plan = await planFor([fresh.name, manual.name]);
    expect(plan.runs).toEqual([
      { campaignId: fresh.id, campaignName: fresh.name, runId: expect.any(String), previousRunId: null },
    ]);
    expect(plan.skipped).toEqual([]);
  });

  it('skips a campaign whose pinned models and spec did not change, unless forced', async () => {
    const { campaign } = await campaignFixture(db, models, { nightly: true });
    const previous = await finishedRun(campaign.id);
    const plan = await planFor([campaign.name]);
    expect(plan.runs).toEqual([]);
    expect(plan.skipped[0]?.reason).toMatch(
      new RegExp(`models .* and spec unchanged since run ${previous.id}`),
    );
    const forced = await planFor([campaign.name], true);
    expect(forced.runs).toEqual([
      expect.objectContaining({ campaignId: campaign.id, previousRunId: previous.id }),
    ]);
  });

  it('re-runs after a model change or a spec change, diffed against the last finished run', async () => {
    const { campaign: retrained } = await campaignFixture(db, models, { nightly: true });
    const older = await modelVersionFixture(db, 'EF');
    const previous = await finishedRun(retrained.id, { tc: ids.tc, ef: older.id });
    const { campaign: edited } = await campaignFixture(db, models, { nightly: true });
    const before = await finishedRun(edited.id);
    await db.prisma.campaign.update({
      where: { id: edited.id },
      data: { spec: { ...(edited.spec as object), steps: 50 } },
    });
    const plan = await planFor([retrained.name, edited.name]);
    expect(plan.runs.map((run) => [run.campaignName, run.previousRunId]).sort()).toEqual(
      [
        [retrained.name, previous.id],
        [edited.name, before.id],
      ].sort(),
    );
  });

  it('skips a campaign with a run in progress and one whose model version is gone', async () => {
    const { campaign: busy } = await campaignFixture(db, models, { nightly: true });
    const running = await finishedRun(busy.id, ids, 'RUNNING');
    const { campaign: broken } = await campaignFixture(
      db,
      { ...models, tc: 'retired-version' },
      { nightly: true },
    );
    const plan = await planFor([busy.name, broken.name]);
    expect(plan.runs).toEqual([]);
    expect(Object.fromEntries(plan.skipped.map((skip) => [skip.campaignName, skip.reason]))).toEqual({
      [busy.name]: `run ${running.id} is still in progress`,
      [broken.name]: 'tc model version "retired-version" not found',
    });
  });
});
