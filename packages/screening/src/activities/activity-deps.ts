import type { Db } from '@kiago/db';

/** The slice of a logger the activities use (Temporal's activity logger and console both fit). */
export interface ScreeningLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** What an activity reports while it runs; the worker forwards it as the Temporal heartbeat. */
export interface ScreeningProgress {
  stage: 'screen' | 'hull' | 'dedupe';
  done: number;
  total: number;
}

export interface ScreeningActivityDeps {
  db: Pick<Db, 'pool'>;
  logger: ScreeningLogger;
  /** `(p) => Context.current().heartbeat(p)` in the worker; omitted in tests. Keeps this library Temporal-free. */
  heartbeat?: (progress: ScreeningProgress) => void;
  /** Reference set hullShard measures against (default "mp"). */
  hullReferenceSet?: string;
  /** Rows per bulk UPDATE statement (default 5000). */
  batchSize?: number;
}

export const DEFAULT_HULL_REFERENCE_SET = 'mp';
export const DEFAULT_BATCH_SIZE = 5000;
