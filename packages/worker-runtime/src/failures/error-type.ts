import { KiagoError } from '@kiago/shared';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';

/** The retry-policy name of an error: KiagoError code, ApplicationFailure type, else the class name. */
export function errorTypeOf(error: unknown): string {
  if (error instanceof CancelledFailure) return 'CANCELLED';
  if (error instanceof KiagoError) return error.code;
  if (error instanceof ApplicationFailure && error.type) return error.type;
  return error instanceof Error ? error.name : 'Error';
}

export function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
