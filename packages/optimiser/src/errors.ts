import { KiagoError } from '@kiago/shared';

/** The TensorFlow.js backend that was asked for cannot run on this machine (missing package or addon). */
export class TfBackendUnavailableError extends KiagoError {
  readonly code = 'TF_BACKEND_UNAVAILABLE';
  // A retry on the same node meets the same missing library; another node may have it.
  readonly nonRetryable = false;

  constructor(
    readonly backend: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`TensorFlow.js backend ${JSON.stringify(backend)} is unavailable: ${reason}`, options);
  }
}

/** A saved model whose files or layer structure do not match what the code expects. */
export class ModelFormatError extends KiagoError {
  readonly code = 'MODEL_FORMAT_INVALID';
  readonly nonRetryable = true;

  constructor(
    readonly source: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${source}: ${message}`, options);
  }
}
