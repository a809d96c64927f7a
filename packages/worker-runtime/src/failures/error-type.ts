import { isDatabaseUnavailable } from '@kiago/db';
import { KiagoError } from '@kiago/shared';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';

/** A stage that failed because Postgres was unreachable or restarting (retried like any other fault). */
export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';

/**
 * The retry-policy name of an error: KiagoError code, ApplicationFailure type, DATABASE_UNAVAILABLE
 * for a lost or refused Postgres connection, else the class name.
 */
export function errorTypeOf(error: unknown): string {
  if (error instanceof CancelledFailure) return 'CANCELLED';
  if (error instanceof KiagoError) return error.code;
  if (error instanceof ApplicationFailure && error.type) return error.type;
  if (isDatabaseUnavailable(error)) return DATABASE_UNAVAILABLE;
  return error instanceof Error ? error.name : 'Error';
}

export function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
