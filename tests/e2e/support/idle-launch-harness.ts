import { randomUUID } from 'node:crypto';
import { applyMigrations, createDb, type Db } from '@kiago/db';
import { createEmptyDatabase, testDatabaseUrl } from '@kiago/db/testing';
import { type LaunchedRun, launchCampaign, type OrchestrationContext } from '@kiago/orchestration';
import type { CampaignSpecInput } from '@kiago/shared';
import { suffixedTaskQueues } from '@kiago/worker-runtime';
import { Client, Connection } from '@temporalio/client';
import { registerTinyModelVersions } from '../../../packages/optimiser/src/activities/fixtures/tiny-model-versions.js';
import { temporalTestAddress } from '../../setup/temporal-address.js';

/** The tables a launch writes to; a refused request must leave every count as it was. */
export interface RowCounts {
  campaigns: number;
  runs: number;
  shards: number;
  shardAttempts: number;
  candidates: number;
}

/**
 * Real Postgres (a database of its own, so counts are not moved by test files running beside it), real
 * Temporal dev server, tiny registered models, and no workers: a launch stores its campaign and starts a
 * workflow that nobody picks up (its own task queues). For tests of what a launch writes or refuses,
 * without running campaigns. close() terminates the workflows it started and drops the database.
 */
export interface IdleLaunchHarness {
  /** The harness's own database. */
  databaseUrl: string;
  db: Db;
  ctx: OrchestrationContext;
  /** launchCampaign on ctx, remembering the workflow for close(). */
  launch(input: { spec: unknown; replaceSpec: boolean }): Promise<LaunchedRun>;
  /** Remembers a workflow started elsewhere (e.g. by a CLI command) for close(). */
  started(workflowId: string): void;
  /** A small valid spec on the harness's models: 2 bases × 2 seeds, 8 candidates × 10 steps. */
  spec(overrides?: Partial<CampaignSpecInput>): CampaignSpecInput;
  rowCounts(): Promise<RowCounts>;
  close(): Promise<void>;
}

export async function startIdleLaunchHarness(label: string): Promise<IdleLaunchHarness> {
  const suffix = `${label}-${randomUUID().slice(0, 8)}`;
  const database = await createEmptyDatabase(testDatabaseUrl(), `idle_${suffix.replaceAll('-', '_')}`);
  await applyMigrations(database.databaseUrl);
  const db = createDb({ databaseUrl: database.databaseUrl, maxConnections: 4 });
  const models = { tc: `idle-tc-${suffix}`, ef: `idle-ef-${suffix}` };
  await registerTinyModelVersions(db, models);
  const connection = await Connection.connect({ address: await temporalTestAddress() });
  const client = new Client({ connection, namespace: 'default' });
  const ctx: OrchestrationContext = { db, client, taskQueues: suffixedTaskQueues(suffix) };
  const workflowIds = new Set<string>();
  return {
    databaseUrl: database.databaseUrl,
    db,
    ctx,
    async launch(input) {
      const launched = await launchCampaign(ctx, { ...input, source: 'POST /campaigns body' });
      workflowIds.add(launched.workflowId);
      return launched;
    },
    started: (workflowId) => void workflowIds.add(workflowId),
    spec: (overrides = {}) => ({
      name: `idle-${label}-${randomUUID().slice(0, 8)}`,
      bases: ['MgB2', 'Nb3Sn'],
      seeds: [0, 1],
      candidatesPerShard: 8,
      steps: 10,
      nUnits: { min: 1, max: 20 },
      maxParallelShards: 2,
      models: { tc: models.tc, ef: models.ef },
      ...overrides,
    }),
    async rowCounts() {
      const [campaigns, runs, shards, shardAttempts, candidates] = await Promise.all([
        db.prisma.campaign.count(),
        db.prisma.run.count(),
        db.prisma.shard.count(),
        db.prisma.shardAttempt.count(),
        db.prisma.candidate.count(),
      ]);
      return { campaigns, runs, shards, shardAttempts, candidates };
    },
    async close() {
      for (const workflowId of workflowIds) {
        await client.workflow
          .getHandle(workflowId)
          .terminate('test over')
          .catch(() => undefined);
      }
      await connection.close();
      await db.close();
      await database.drop();
    },
  };
}
