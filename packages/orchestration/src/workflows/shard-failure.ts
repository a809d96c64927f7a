import { ActivityFailure, ApplicationFailure, TemporalFailure, TimeoutFailure } from '@temporalio/workflow';

export interface DescribedFailure {
  errorType: string;
  message: string;
}

/** Error type and message of a failed activity, for the shard row (`kiago run retry-failed --error-type`). */
export function describeFailure(error: unknown): DescribedFailure {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) {
    return { errorType: cause.type ?? 'Error', message: cause.message };
  }
  if (cause instanceof TimeoutFailure) {
    return { errorType: `TIMEOUT_${cause.timeoutType ?? 'UNKNOWN'}`, message: cause.message };
  }
  if (cause instanceof TemporalFailure) return { errorType: cause.name, message: cause.message };
  return { errorType: 'Error', message: error instanceof Error ? error.message : String(error) };
}

/** The micro-batch to retry with after an out-of-memory failure, or undefined when it is not one. */
export function halvedMicroBatch(error: unknown): number | undefined {
  if (!(error instanceof ActivityFailure) || !(error.cause instanceof ApplicationFailure)) return undefined;
  if (error.cause.type !== 'RESOURCE_EXHAUSTED') return undefined;
  const used = (error.cause.details?.[0] as { microBatch?: unknown } | undefined)?.microBatch;
  if (typeof used !== 'number' || used < 2) return undefined;
  return Math.floor(used / 2);
}
