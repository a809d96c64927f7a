import { randomUUID } from 'node:crypto';
import { createDb, type Db } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { launchCampaign, type OrchestrationContext } from '@kiago/orchestration';
import { DEFAULT_TASK_QUEUES } from '@kiago/worker-runtime';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerTinyModelVersions } from '../../packages/optimiser/src/activities/fixtures/tiny-model-versions.js';

// A Temporal that is not there (port 1): the workflow start fails, and the launch must write nothing.
describe('a launch whose workflow does not start leaves the campaigns table as it was', () => {
  let db: Db;
  let connection: Connection;
  let ctx: OrchestrationContext;
  const models = {
    tc: `rollback-tc-${randomUUID().slice(0, 8)}`,
    ef: `rollback-ef-${randomUUID().slice(0, 8)}`,
  };
  const spec = (name: string, steps = 10) => ({
    name,
    bases: ['MgB2'],
    seeds: [0],
    candidatesPerShard: 8,
    steps,
    models,
  });

  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl(), maxConnections: 2 });
    await registerTinyModelVersions(db, models);
    connection = Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 1000 });
    ctx = { db, client: new Client({ connection }), taskQueues: DEFAULT_TASK_QUEUES };
  });
  afterAll(async () => {
    await connection?.close();
    await db?.close();
  });

  it('a new campaign is deleted again', async () => {
    const name = `rollback-${randomUUID().slice(0, 8)}`;
    await expect(launchCampaign(ctx, { spec: spec(name) })).rejects.toThrow();
    expect(await db.prisma.campaign.count({ where: { name } })).toBe(0);
    expect(await db.prisma.run.count({ where: { campaign: { name } } })).toBe(0);
  }, 60_000);

  it('a replaced spec is put back', async () => {
    const name = `rollback-${randomUUID().slice(0, 8)}`;
    const stored = await db.prisma.campaign.create({ data: { name, spec: spec(name, 10) } });
    await expect(launchCampaign(ctx, { spec: spec(name, 20), replaceSpec: true })).rejects.toThrow();
    const after = await db.prisma.campaign.findUniqueOrThrow({ where: { name } });
    expect(after.spec).toEqual(stored.spec);
  }, 60_000);
});
