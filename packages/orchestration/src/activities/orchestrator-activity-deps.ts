import type { Db } from '@kiago/db';
import type { Client } from '@temporalio/client';

export interface OrchestratorLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface OrchestratorActivityDeps {
  db: Db;
  logger: OrchestratorLogger;
  /** Signals a shard's end to its campaign (reportToCampaign); reads carried shards' outcomes. */
  client: Pick<Client, 'workflow'>;
}
