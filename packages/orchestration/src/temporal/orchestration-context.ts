import type { Db } from '@kiago/db';
import type { CampaignLimits } from '@kiago/shared';
import type { TaskQueues } from '@kiago/worker-runtime';
import type { Client } from '@temporalio/client';
import type { OrchestrationSettings } from '../workflows/workflow-settings.js';

/** What the client-side functions (launch, control, schedules) need: database, Temporal and queues. */
export interface OrchestrationContext {
  db: Db;
  client: Client;
  taskQueues: TaskQueues;
  /** Timeouts and retry policies for new workflows (DEFAULT_ORCHESTRATION_SETTINGS when absent). */
  settings?: OrchestrationSettings;
  /** This deployment's campaign size limits (KIAGO_MAX_*, read by the process's env module; defaults when absent). */
  limits?: CampaignLimits;
  /** The nightly Schedule's id (default `kiago-nightly`; tests use their own). */
  nightlyScheduleId?: string;
}
