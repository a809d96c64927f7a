/**
 * Typed errors shared by every service. The retry policy tells bad input (never retried) from
 * infrastructure faults (retried with backoff) by class, never by parsing messages.
 */
export abstract class KiagoError extends Error {
  /** Stable machine-readable code, also used as the Temporal ApplicationFailure type. */
  abstract readonly code: string;
  /** True when retrying the same input can never succeed. */
  abstract readonly nonRetryable: boolean;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export type FormulaErrorReason =
  | 'empty'
  | 'unknown-element'
  | 'non-element-symbol'
  | 'malformed'
  | 'unbalanced-parentheses'
  | 'non-positive-amount'
  | 'bad-amount';

/** A formula string that cannot be read as a composition; `token` is the offending part. */
export class FormulaError extends KiagoError {
  readonly code = 'FORMULA_INVALID';
  readonly nonRetryable = true;

  constructor(
    readonly formula: string,
    readonly reason: FormulaErrorReason,
    readonly token: string,
    detail?: string,
  ) {
    super(`invalid formula ${JSON.stringify(formula)}: ${detail ?? reason} (at ${JSON.stringify(token)})`);
  }
}

export interface SpecIssue {
  /** Dotted path of the offending field, e.g. `mode.targetElement` or `bases.2`. */
  path: string;
  message: string;
}

/** `path: message`, without repeating a path the message already starts with (`limit must be …`). */
function issueText({ path, message }: SpecIssue): string {
  return path && !message.startsWith(path) ? `${path}: ${message}` : message;
}

/** How many issues a refusal shows: 10,000 near-duplicate bases made a 1.5 MB message. */
export const MAX_REPORTED_ISSUES = 20;

/** The first MAX_REPORTED_ISSUES issues and a count of the rest: the first ones are enough to fix the input. */
function specMessage(source: string, issues: readonly SpecIssue[]): string {
  const shown = issues.slice(0, MAX_REPORTED_ISSUES).map(issueText).join('; ');
  const more = issues.length - MAX_REPORTED_ISSUES;
  return `${source}: ${shown}${more > 0 ? ` (and ${more} more issues)` : ''}`;
}

/**
 * A campaign spec, CLI flag, HTTP body or env value that failed validation. `issues` holds them all;
 * the message, which every log, CLI line and workflow failure carries, only the first ones.
 */
export class SpecError extends KiagoError {
  readonly code = 'SPEC_INVALID';
  readonly nonRetryable = true;

  constructor(
    readonly source: string,
    readonly issues: readonly SpecIssue[],
  ) {
    super(specMessage(source, issues));
  }
}

/** A data file (CSV/JSON) that is missing, unreadable or has the wrong shape. */
export class DataFileError extends KiagoError {
  readonly code = 'DATA_FILE_INVALID';
  readonly nonRetryable = true;

  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
  }
}

/** A requested row (run, shard, model version, …) does not exist. */
export class NotFoundError extends KiagoError {
  readonly code = 'NOT_FOUND';
  readonly nonRetryable = true;

  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${JSON.stringify(id)} not found`);
  }
}

/** The request is valid but clashes with what is stored (a campaign name holding another spec). */
export class ConflictError extends KiagoError {
  readonly code = 'CONFLICT';
  readonly nonRetryable = true;

  constructor(
    readonly entity: string,
    readonly field: string,
    message: string,
  ) {
    super(`${entity}: ${field}: ${message}`);
  }
}
