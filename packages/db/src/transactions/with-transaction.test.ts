import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../client/create-db.js';
import { testDatabaseUrl } from '../testing/index.js';
import { TransactionRetryExhaustedError, withTransaction } from './with-transaction.js';

describe('withTransaction', () => {
  let db: Db;
  const table = `tx_retry_${randomUUID().replaceAll('-', '')}`;

  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl() });
    await db.pool.query(`CREATE TABLE ${table} (seen int NOT NULL)`);
  });
  afterAll(async () => {
    await db?.pool.query(`DROP TABLE IF EXISTS ${table}`);
    await db?.close();
  });

  /**
   * Write skew: two SERIALIZABLE transactions each read the row count, wait until both have read,
   * then insert what they saw. Postgres must abort one of them with 40001.
   */
  function racingPair(maxAttempts: number) {
    const attempts = { first: 0, second: 0 };
    let firstReads = 0;
    let releaseBoth!: () => void;
    const bothHaveRead = new Promise<void>((resolve) => {
      releaseBoth = resolve;
    });
    const run = (who: keyof typeof attempts) =>
      withTransaction(
        db,
        async (client) => {
          attempts[who] += 1;
          const {
            rows: [row],
          } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
          if (attempts[who] === 1) {
            firstReads += 1;
            if (firstReads === 2) releaseBoth();
            await bothHaveRead;
          }
          await client.query(`INSERT INTO ${table} (seen) VALUES ($1)`, [row!.n]);
          return row!.n;
        },
        { isolationLevel: 'SERIALIZABLE', maxAttempts, baseDelayMs: 1 },
      );
    return { attempts, results: Promise.allSettled([run('first'), run('second')]) };
  }

  it('re-runs the transaction that lost a real serialization conflict', async () => {
    await db.pool.query(`TRUNCATE ${table}`);
    const { attempts, results } = racingPair(5);
    const settled = await results;

    expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    // The loser's retry sees the winner's committed row.
    const seen = settled.map((r) => (r.status === 'fulfilled' ? r.value : -1)).sort();
    expect(seen).toEqual([0, 1]);
    // At least one retry; a retry that starts before the winner commits conflicts again.
    expect(attempts.first + attempts.second).toBeGreaterThanOrEqual(3);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM ${table}`);
    expect(rows[0].n).toBe(2);
  });

  it('gives up with a typed error after maxAttempts', async () => {
    await db.pool.query(`TRUNCATE ${table}`);
    const { results } = racingPair(1);
    const settled = await results;

    const rejected = settled.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    const reason = (rejected[0] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(TransactionRetryExhaustedError);
    expect(reason).toMatchObject({ attempts: 1, lastErrorCode: '40001', nonRetryable: false });
  });

  it('does not retry other errors and rolls them back', async () => {
    await db.pool.query(`TRUNCATE ${table}`);
    let calls = 0;
    const failing = withTransaction(db, async (client) => {
      calls += 1;
      await client.query(`INSERT INTO ${table} (seen) VALUES (42)`);
      throw new Error('bad input');
    });
    await expect(failing).rejects.toThrow('bad input');
    expect(calls).toBe(1);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM ${table}`);
    expect(rows[0].n).toBe(0);
  });
});
