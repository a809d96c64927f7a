import { KiagoError } from '@kiago/shared';

/** The caller's AbortSignal fired; the optimiser stopped between two steps and freed its tensors. */
export class OptimisationCancelledError extends KiagoError {
  readonly code = 'OPTIMISATION_CANCELLED';
  // A cancelled shard was asked to stop; running it again is the caller's decision, not a retry.
  readonly nonRetryable = true;

  constructor(readonly completedSteps: number) {
    super(`optimisation cancelled after ${completedSteps} step(s)`);
  }
}
