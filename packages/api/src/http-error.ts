import {
  CompositionError,
  ConflictError,
  FormulaError,
  KiagoError,
  MAX_REPORTED_ISSUES,
  NotFoundError,
  SpecError,
  type SpecIssue,
} from '@kiago/shared';

/** An error with an HTTP status of its own (bad body, unknown route, missing token). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ErrorBody {
  error: { code: string; message: string; issues?: readonly SpecIssue[]; moreIssues?: number };
}

function specErrorBody(error: SpecError): ErrorBody['error'] {
  const issues = error.issues.slice(0, MAX_REPORTED_ISSUES);
  const more = error.issues.length - issues.length;
  return { code: error.code, message: error.message, issues, ...(more > 0 && { moreIssues: more }) };
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Readonly<Record<string, string>>;
  /** Unexpected: logged with its stack, answered without details. */
  internal: boolean;
}

/** Maps an error to its response: bad input 400 (with field paths), unknown ids 404, the rest 500. */
export function errorResponse(error: unknown): ErrorResponse {
  const answer = (
    status: number,
    code: string,
    message: string,
    extra: Partial<ErrorBody['error']> = {},
  ) => ({
    status,
    body: { error: { code, message, ...extra } },
    headers: {},
    internal: false,
  });
  if (error instanceof HttpError)
    return { ...answer(error.status, error.code, error.message), headers: error.headers };
  if (error instanceof SpecError) {
    const body = specErrorBody(error);
    return answer(400, body.code, body.message, body);
  }
  if (error instanceof FormulaError || error instanceof CompositionError)
    return answer(400, error.code, error.message);
  if (error instanceof NotFoundError) return answer(404, error.code, error.message);
  if (error instanceof ConflictError) return answer(409, error.code, error.message);
  // Other typed errors are still ours (e.g. a model version missing at launch): say what happened.
  if (error instanceof KiagoError) return answer(error.nonRetryable ? 409 : 503, error.code, error.message);
  return { ...answer(500, 'INTERNAL', 'internal error (see the server log)'), internal: true };
}
