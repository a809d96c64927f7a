import { KiagoError } from '@kiago/shared';

export type ModelMismatchReason = 'kind' | 'atom-map' | 'element-list' | 'width';

/** A model whose manifest is fine but was built for other inputs than this code feeds it. */
export class ModelMismatchError extends KiagoError {
  readonly code = 'MODEL_MISMATCH';
  readonly nonRetryable = true;

  constructor(
    readonly dir: string,
    readonly reason: ModelMismatchReason,
    message: string,
  ) {
    super(`${dir}: refusing the model: ${message}`);
  }
}
