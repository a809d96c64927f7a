import { KiagoError } from '@kiago/shared';
import type { Db } from '../client/create-db.js';
import type { Prisma } from '../generated/prisma/client.js';
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

export interface TransactionRetryOptions {
  maxAttempts?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
  /** First backoff; doubles per attempt, with full jitter, capped at `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Interactive transaction timeout passed to Prisma. */
  timeoutMs?: number;
}

/**
 * Runs `fn` in a Prisma interactive transaction (SERIALIZABLE by default) and re-runs it on
 * serialization failures, deadlocks and connection errors. `fn` must be safe to run again: it sees
 * a fresh transaction each time. Other errors propagate unchanged.
 */
export async function withTransactionRetry<T>(
  db: Pick<Db, 'prisma'>,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
  {
    maxAttempts = 5,
    isolationLevel = 'Serializable',
    baseDelayMs = 20,
    maxDelayMs = 1000,
    timeoutMs = 10_000,
  }: TransactionRetryOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.prisma.$transaction(fn, { isolationLevel, timeout: timeoutMs });
    } catch (error) {
      const code = retryableDbErrorCode(error);
      if (code === undefined) throw error;
      if (attempt >= maxAttempts) throw new TransactionRetryExhaustedError(attempt, code, error);
      const ceilingMs = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceilingMs));
    }
  }
}
