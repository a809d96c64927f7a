// Errors worth retrying: the transaction lost a race (serialization failure 40001, deadlock 40P01) or
// the connection broke (SQLSTATE class 08, server shutting down 57P0x, socket errors). Prisma wraps driver errors, so the codes
// are searched through `cause`, Prisma's `meta.driverAdapterError` and its `cause`.
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
/** The server is shutting down or starting (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now). */
const SERVER_GOING_AWAY = new Set(['57P01', '57P02', '57P03']);
/** Retrying helps, but the database is up: the transaction lost a race. */
const TRANSACTION_RACES = new Set(['40001', '40P01', 'P2034']);
const RETRYABLE_NODE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);
/** P2034: write conflict or deadlock; P1001: server unreachable; P1017: server closed the connection. */
const RETRYABLE_PRISMA_CODES = new Set(['P2034', 'P1001', 'P1017']);
const CONNECTION_CLOSED_MESSAGES = ['Connection terminated', 'Client has encountered a connection error'];

/** The retryable code found in `error` (e.g. "40001", "ECONNRESET", "P2034"), or undefined. */
export function retryableDbErrorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const record = current as Record<string, unknown>;
    for (const key of ['code', 'originalCode']) {
      const code = record[key];
      if (typeof code !== 'string') continue;
      if (RETRYABLE_SQLSTATES.has(code) || SERVER_GOING_AWAY.has(code) || code.startsWith('08')) return code;
      if (RETRYABLE_NODE_CODES.has(code) || RETRYABLE_PRISMA_CODES.has(code)) return code;
    }
    const message = record.message;
    if (typeof message === 'string' && CONNECTION_CLOSED_MESSAGES.some((m) => message.includes(m))) {
      return 'connection-closed';
    }
    const meta = record.meta as Record<string, unknown> | undefined;
    queue.push(record.cause, meta?.driverAdapterError);
  }
  return undefined;
}

/** True when `error` says Postgres could not be reached or dropped the connection (an outage, a restart). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = retryableDbErrorCode(error);
  return code !== undefined && !TRANSACTION_RACES.has(code);
}
