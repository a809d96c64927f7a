import { isDatabaseUnavailable } from '@kiago/db';
import { KiagoError } from '@kiago/shared';
import { ApplicationFailure } from '@temporalio/common';
import { DATABASE_UNAVAILABLE } from './error-type.js';

const NOT_DETAILS = new Set(['message', 'stack', 'name', 'cause']);

/** The error's own JSON-safe fields (`code`, `issues`, `microBatch`, …), so workflows can act on them. */
function detailsOf(error: KiagoError): Record<string, unknown> {
  const fields = Object.entries(error).filter(([key]) => !NOT_DETAILS.has(key));
  return JSON.parse(JSON.stringify(Object.fromEntries(fields))) as Record<string, unknown>;
}

/**
 * A typed error as Temporal sees it: type = the KiagoError `code`, non-retryable when the error says
 * retrying the same input cannot help (bad input, missing model), its fields as details[0]. Anything
 * else (a lost connection, a crashed library call) passes through and is retried with backoff.
 */
export function toApplicationFailure(error: unknown): unknown {
  if (!(error instanceof KiagoError)) {
    // Typed, so a parked shard says so and `kiago run retry-failed --error-type` can pick it.
    if (!isDatabaseUnavailable(error)) return error;
    const message = error instanceof Error ? error.message : String(error);
    return ApplicationFailure.create({
      message,
      type: DATABASE_UNAVAILABLE,
      nonRetryable: false,
      cause: error as Error,
    });
  }
  return ApplicationFailure.create({
    message: error.message,
    type: error.code,
    nonRetryable: error.nonRetryable,
    details: [detailsOf(error)],
    cause: error,
  });
}
