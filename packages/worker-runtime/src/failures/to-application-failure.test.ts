import { TransactionRetryExhaustedError } from '@kiago/db';
import { NotFoundError, SpecError } from '@kiago/shared';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { errorTypeOf } from './error-type.js';
import { toApplicationFailure } from './to-application-failure.js';

describe('typed errors as Temporal failures', () => {
  it('makes bad input non-retryable, typed by its code, with its fields as details', () => {
    const failure = toApplicationFailure(
      new SpecError('optimiseShard input', [{ path: 'shardId', message: 'must be a shard uuid' }]),
    );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: 'SPEC_INVALID',
      nonRetryable: true,
      message: 'optimiseShard input: shardId: must be a shard uuid',
      details: [
        {
          code: 'SPEC_INVALID',
          source: 'optimiseShard input',
          issues: [{ path: 'shardId', message: 'must be a shard uuid' }],
        },
      ],
    });
    expect(toApplicationFailure(new NotFoundError('model version', 'v9'))).toMatchObject({
      type: 'NOT_FOUND',
      nonRetryable: true,
    });
  });

  it('keeps infrastructure faults retryable', () => {
    const exhausted = new TransactionRetryExhaustedError(5, '40001', new Error('could not serialize access'));
    expect(toApplicationFailure(exhausted)).toMatchObject({
      type: 'DB_TRANSACTION_RETRIES_EXHAUSTED',
      nonRetryable: false,
    });
    const reset = new Error('read ECONNRESET');
    expect(toApplicationFailure(reset)).toBe(reset); // Temporal retries it as a plain failure
  });

  it('names errors for the attempt log', () => {
    expect(errorTypeOf(new NotFoundError('shard', 'x'))).toBe('NOT_FOUND');
    expect(errorTypeOf(ApplicationFailure.retryable('reset', 'ECONNRESET'))).toBe('ECONNRESET');
    expect(errorTypeOf(new RangeError('Array buffer allocation failed'))).toBe('RangeError');
  });
});
