import { KiagoError } from '@kiago/shared';
import type pg from 'pg';
import { retryableDbErrorCode } from './retryable-db-error.js';

/** Every attempt hit a serialization failure, deadlock or broken connection. Retrying later may work. */
export class TransactionRetryExhaustedError extends KiagoError {
  readonly code = 'DB_TRANSACTION_RETRIES_EXHAUSTED';
  readonly nonRetryable = false;

  constructor(
    readonly attempts: number,
    readonly lastErrorCode: string,
    cause: unknown,
  ) {
    super(`transaction failed ${attempts} times (last: ${lastErrorCode}); giving up`, { cause });
  }
}

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

export interface TransactionOptions {
  /** Postgres' default, READ COMMITTED, unless the transaction reads what it then decides on. */
  isolationLevel?: IsolationLevel;
  /**
   * Set to retry a transaction that loses a race (40001, 40P01) or its connection, up to this many
   * attempts in all, then throw TransactionRetryExhaustedError; `fn` must then be safe to run again (it
   * sees a fresh transaction each time). Unset: one attempt, every error passes through unchanged.
   */
  maxAttempts?: number;
  /** First backoff; doubles per attempt, with full jitter, capped at `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** A pool to take a connection from (released after), or a connection the caller holds (left open). */
export type TransactionTarget = { pool: pg.Pool } | pg.ClientBase;

/**
 * The one way this code base opens a transaction: BEGIN, `fn`, COMMIT — or ROLLBACK and rethrow.
 * The original error wins over a failed ROLLBACK (a lost connection rolls back by itself).
 */
export async function withTransaction<T>(
  target: TransactionTarget,
  fn: (client: pg.ClientBase) => Promise<T>,
  {
    isolationLevel = 'READ COMMITTED',
    maxAttempts,
    baseDelayMs = 20,
    maxDelayMs = 1000,
  }: TransactionOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(target, fn, isolationLevel);
    } catch (error) {
      if (maxAttempts === undefined) throw error;
      const code = retryableDbErrorCode(error);
      if (code === undefined) throw error;
      if (attempt >= maxAttempts) throw new TransactionRetryExhaustedError(attempt, code, error);
      const ceilingMs = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceilingMs));
    }
  }
}

async function runOnce<T>(
  target: TransactionTarget,
  fn: (client: pg.ClientBase) => Promise<T>,
  isolationLevel: IsolationLevel,
): Promise<T> {
  const owned = 'pool' in target ? await target.pool.connect() : undefined;
  const client = owned ?? (target as pg.ClientBase);
  try {
    await client.query(
      isolationLevel === 'READ COMMITTED' ? 'BEGIN' : `BEGIN ISOLATION LEVEL ${isolationLevel}`,
    );
    try {
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    owned?.release();
  }
}
