import { randomUUID } from 'node:crypto';
import { createDb, type Db } from '@kiago/db';
import { createRunFixture, testDatabaseUrl } from '@kiago/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginShardAttempt, endShardAttempt, WORKER_LOST } from './shard-attempt-log.js';

describe('shard attempt log', () => {
  let db: Db;
  let shardId: string;
  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl() });
    [shardId] = (await createRunFixture(db, { shardCount: 1 })).shardIds as [string];
  });
  afterAll(() => db?.close());

  const attempts = () =>
    db.prisma.shardAttempt.findMany({ where: { shardId }, orderBy: [{ stage: 'asc' }, { attempt: 'asc' }] });

  it('numbers attempts per stage, keeps the shard running, and counts every attempt on the shard', async () => {
    const first = await beginShardAttempt(db, { shardId, stage: 'optimise', worker: 'pod-a/1' });
    expect(await db.prisma.shard.findUniqueOrThrow({ where: { id: shardId } })).toMatchObject({
      status: 'RUNNING',
      attempts: 1,
      progress: { stage: 'optimise' },
    });
    await endShardAttempt(db, first!, 'failed', { errorType: 'ECONNRESET', message: 'read ECONNRESET' });
    const second = await beginShardAttempt(db, { shardId, stage: 'optimise', worker: 'pod-b/2' });
    await endShardAttempt(db, second!, 'succeeded');
    const screen = await beginShardAttempt(db, { shardId, stage: 'screen', worker: 'pod-b/2' });
    await endShardAttempt(db, screen!, 'succeeded');
    expect((await attempts()).map((a) => [a.stage, a.attempt, a.outcome, a.errorType, a.worker])).toEqual([
      ['optimise', 1, 'failed', 'ECONNRESET', 'pod-a/1'],
      ['optimise', 2, 'succeeded', null, 'pod-b/2'],
      ['screen', 1, 'succeeded', null, 'pod-b/2'],
    ]);
    expect((await db.prisma.shard.findUniqueOrThrow({ where: { id: shardId } })).attempts).toBe(3);
  });

  it('closes an attempt whose worker died (still "running") as lost when the next one starts', async () => {
    await beginShardAttempt(db, { shardId, stage: 'hull', worker: 'pod-killed/7' });
    const retry = await beginShardAttempt(db, { shardId, stage: 'hull', worker: 'pod-c/3' });
    const hull = (await attempts()).filter((a) => a.stage === 'hull');
    expect(hull.map((a) => [a.attempt, a.outcome, a.errorType])).toEqual([
      [1, 'failed', WORKER_LOST],
      [2, 'running', null],
    ]);
    expect(hull[0]?.finishedAt).not.toBeNull();
    await endShardAttempt(db, retry!, 'succeeded');
    // A finished attempt is never rewritten.
    await endShardAttempt(db, retry!, 'failed', { errorType: 'X', message: 'late' });
    expect((await attempts()).find((a) => a.id === retry)?.outcome).toBe('succeeded');
  });

  it('records nothing for a shard that does not exist', async () => {
    expect(
      await beginShardAttempt(db, { shardId: randomUUID(), stage: 'optimise', worker: 'w' }),
    ).toBeUndefined();
  });
});
