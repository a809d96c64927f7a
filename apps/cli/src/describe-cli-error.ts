import { KiagoError } from '@kiago/shared';

/** What `kiago` prints for an error, and the exit status it leaves. */
export interface CliFailure {
  message: string;
  exitCode: number;
}

/** Exit statuses: 2 = the input is wrong (fix it), 3 = a service is unreachable (retry later), 1 = a bug. */
export const EXIT_BAD_INPUT = 2;
export const EXIT_UNAVAILABLE = 3;
export const EXIT_INTERNAL = 1;

type Env = Readonly<Record<string, string | undefined>>;

const PG_UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'P1001',
  'P1002',
]);
const PG_AUTH_FAILED = new Set(['28P01', '28000', 'P1000']);
const PG_NO_DATABASE = new Set(['3D000', 'P1003']);

/** The error and its causes (and an AggregateError's members), outermost first. */
function chain(error: unknown): unknown[] {
  const seen: unknown[] = [];
  const queue = [error];
  while (queue.length > 0 && seen.length < 20) {
    const next = queue.shift();
    if (next === undefined || next === null || seen.includes(next)) continue;
    seen.push(next);
    if (next instanceof AggregateError) queue.push(...next.errors);
    if (next instanceof Error) queue.push(next.cause);
  }
  return seen;
}

const codeOf = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';

/** host:port, user and database of DATABASE_URL; the password is never part of it. */
function databaseServer(env: Env): string {
  try {
    const url = new URL(env.DATABASE_URL ?? '');
    const database = url.pathname.replace(/^\//, '');
    return `${url.hostname}:${url.port || '5432'}${database ? ` (database ${JSON.stringify(database)})` : ''}`;
  } catch {
    return 'the server in DATABASE_URL';
  }
}

function databaseUser(env: Env): string {
  try {
    return decodeURIComponent(new URL(env.DATABASE_URL ?? '').username) || '(none)';
  } catch {
    return '(unknown)';
  }
}

/** A URL's `user:password@` would print the password: keep the user only. */
export function redactCredentials(text: string): string {
  return text.replace(/\/\/([^:/@\s]*):[^@\s]*@/g, '//$1:***@');
}

function postgresFailure(error: unknown, env: Env): CliFailure | undefined {
  const codes = chain(error).map(codeOf);
  const server = databaseServer(env);
  if (codes.some((code) => PG_AUTH_FAILED.has(code))) {
    const user = JSON.stringify(databaseUser(env));
    return {
      message: `Postgres at ${server} refused user ${user}: authentication failed (check DATABASE_URL)`,
      exitCode: EXIT_UNAVAILABLE,
    };
  }
  if (codes.some((code) => PG_NO_DATABASE.has(code))) {
    return {
      message: `Postgres at ${server}: the database does not exist (check DATABASE_URL)`,
      exitCode: EXIT_UNAVAILABLE,
    };
  }
  const unreachable = codes.find((code) => PG_UNREACHABLE.has(code));
  if (unreachable) {
    return {
      message: `cannot reach Postgres at ${server} (${unreachable}); is it running? (DATABASE_URL)`,
      exitCode: EXIT_UNAVAILABLE,
    };
  }
  return undefined;
}

/** @temporalio/client's ServiceError / a gRPC UNAVAILABLE (14) or DEADLINE_EXCEEDED (4) status. */
function temporalFailure(error: unknown, env: Env): CliFailure | undefined {
  const links = chain(error);
  const isTemporal = links.some(
    (link) => link instanceof Error && (link.name === 'ServiceError' || link.name === 'TransportError'),
  );
  if (!isTemporal) return undefined;
  const grpc = links.find((link) => ['14', '4'].includes(codeOf(link)));
  const details =
    grpc && typeof grpc === 'object' && 'details' in grpc ? String(grpc.details) : (error as Error).message;
  // gRPC appends an empty "Resolution note:" when DNS had nothing to say.
  const reason = details.replace(/\.?\s*Resolution note:\s*$/, '');
  const address = env.TEMPORAL_ADDRESS ?? 'localhost:7233';
  return {
    message: `cannot reach Temporal at ${address}: ${reason} (TEMPORAL_ADDRESS)`,
    exitCode: EXIT_UNAVAILABLE,
  };
}

/**
 * One line and an exit status for any error a command throws: typed errors say what was wrong,
 * unreachable services are named (host, never the password), anything else is a bug report hint.
 */
export function describeCliError(error: unknown, env: Env): CliFailure {
  const service = postgresFailure(error, env) ?? temporalFailure(error, env);
  if (service) return service;
  if (error instanceof KiagoError) {
    return { message: error.message, exitCode: error.nonRetryable ? EXIT_BAD_INPUT : EXIT_UNAVAILABLE };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    message: `unexpected error: ${redactCredentials(message)} (rerun with --debug or KIAGO_DEBUG=1 for the stack trace)`,
    exitCode: EXIT_INTERNAL,
  };
}
