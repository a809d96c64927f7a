import { KiagoError } from '@kiago/shared';

/** The hull LP did not converge (an internal numerical failure, not bad input): retrying will not help. */
export class HullSolveError extends KiagoError {
  readonly code = 'HULL_SOLVE_FAILED';
  readonly nonRetryable = true;
}
