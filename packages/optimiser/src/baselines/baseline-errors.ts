import { KiagoError } from '@kiago/shared';

/** The conventional element-substitution baseline cannot make a candidate from this base. */
export class SubstitutionBaselineError extends KiagoError {
  readonly code = 'SUBSTITUTION_BASELINE_UNAVAILABLE';
  readonly nonRetryable = true;

  constructor(
    readonly base: string,
    reason: string,
  ) {
    super(`C-ES cannot substitute ${base}: ${reason}`);
  }
}
