import { createDb, type Db } from '@kiago/db';
import {
  createRunFixture,
  type PostgresOutageProxy,
  startPostgresOutageProxy,
  testDatabaseUrl,
} from '@kiago/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_UNAVAILABLE, errorMessageOf, errorTypeOf } from '../failures/error-type.js';
import { toApplicationFailure } from '../failures/to-application-failure.js';
import { createAttemptRecorder } from './attempt-recorder.js';
import { WORKER_LOST } from './shard-attempt-log.js';

describe('the attempt log through a Postgres outage (a real connection cut)', () => {
  let direct: Db;
  let proxy: PostgresOutageProxy;
  let throughProxy: Db;
  let shardId: string;
  beforeAll(async () => {
    direct = createDb({ databaseUrl: testDatabaseUrl() });
    proxy = await startPostgresOutageProxy(testDatabaseUrl());
    throughProxy = createDb({ databaseUrl: proxy.databaseUrl, maxConnections: 2 });
  });
  beforeEach(async () => {
    [shardId] = (await createRunFixture(direct, { shardCount: 1 })).shardIds as [string];
  });
  afterAll(async () => {
    await throughProxy?.close();
    await proxy?.close();
    await direct?.close();
  });

  const attempts = async () =>
    (await direct.prisma.shardAttempt.findMany({ where: { shardId }, orderBy: { attempt: 'asc' } })).map(
      (a) => [a.attempt, a.outcome, a.errorType],
    );

  /** What an activity sees when Postgres goes away under it: the pool's own error. */
  async function failDuringOutage(): Promise<{ errorType: string; message: string }> {
    proxy.cut();
    const error: unknown = await throughProxy.pool.query('SELECT 1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(toApplicationFailure(error)).toMatchObject({ type: DATABASE_UNAVAILABLE, nonRetryable: false });
    return { errorType: errorTypeOf(error), message: errorMessageOf(error) };
  }

  it('records the failed attempt as DATABASE_UNAVAILABLE once Postgres is back, not as a lost worker', async () => {
    const warnings: string[] = [];
    const recorder = createAttemptRecorder(throughProxy, (message) => warnings.push(message));
    const first = await recorder.begin({ shardId, stage: 'optimise', worker: 'pod-a/1' });
    const failure = await failDuringOutage();
    expect(failure.errorType).toBe(DATABASE_UNAVAILABLE);
    await recorder.end(first!, 'failed', failure);
    expect(warnings).toEqual(['could not record the end of a shard attempt; kept for later']);
    proxy.restore();
    await recorder.begin({ shardId, stage: 'optimise', worker: 'pod-a/1' });
    expect(await attempts()).toEqual([
      [1, 'failed', DATABASE_UNAVAILABLE],
      [2, 'running', null],
    ]);
  });

  it("replaces another worker's WORKER_LOST guess when the late report arrives", async () => {
    const recorder = createAttemptRecorder(throughProxy, () => undefined);
    const other = createAttemptRecorder(direct, () => undefined);
    const first = await recorder.begin({ shardId, stage: 'screen', worker: 'pod-a/1' });
    await recorder.end(first!, 'failed', await failDuringOutage());
    proxy.restore();
    // The retry lands on another worker first: it can only guess.
    const retry = await other.begin({ shardId, stage: 'screen', worker: 'pod-b/2' });
    expect(await attempts()).toEqual([
      [1, 'failed', WORKER_LOST],
      [2, 'running', null],
    ]);
    await other.end(retry!, 'succeeded');
    // The first worker's next attempt (any shard) writes what it kept.
    const [otherShard] = (await createRunFixture(direct, { shardCount: 1 })).shardIds as [string];
    await recorder.begin({ shardId: otherShard, stage: 'screen', worker: 'pod-a/1' });
    expect(await attempts()).toEqual([
      [1, 'failed', DATABASE_UNAVAILABLE],
      [2, 'succeeded', null],
    ]);
  });
});
