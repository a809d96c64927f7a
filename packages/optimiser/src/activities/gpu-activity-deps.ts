import type { Db } from '@kiago/db';
import type { ActivityRuntime } from './activity-runtime.js';
import type { ModelCache } from './model-cache.js';

export interface GpuLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface GpuActivityDeps {
  db: Db;
  models: ModelCache;
  logger: GpuLogger;
  /** The executing activity's heartbeat, cancellation signal and attempt (temporalActivityRuntime in a worker). */
  runtime: () => ActivityRuntime;
}
