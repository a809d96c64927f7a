import type { Db } from '@kiago/db';

export interface OrchestratorLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface OrchestratorActivityDeps {
  db: Db;
  logger: OrchestratorLogger;
}
