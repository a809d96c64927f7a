import { KiagoError } from '@kiago/shared';

/** A TLS file named by the environment cannot be read: a deployment error, not a transient one. */
export class TlsFileError extends KiagoError {
  readonly code = 'TLS_FILE_UNREADABLE';
  readonly nonRetryable = true;

  constructor(
    readonly variable: string,
    readonly path: string,
    cause: unknown,
  ) {
    super(`${variable}=${path}: cannot read the file (${(cause as Error).message})`, { cause });
  }
}
