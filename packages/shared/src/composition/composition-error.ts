import { KiagoError } from '../errors.js';

export type CompositionErrorReason =
  | 'empty'
  | 'unknown-element'
  | 'non-positive-amount'
  | 'bad-vector'
  | 'bad-option'
  | 'counts-too-large';

/** A composition map or vector that the composition utilities cannot work with. */
export class CompositionError extends KiagoError {
  readonly code = 'COMPOSITION_INVALID';
  readonly nonRetryable = true;

  constructor(
    readonly reason: CompositionErrorReason,
    detail: string,
  ) {
    super(`invalid composition: ${detail}`);
  }
}
