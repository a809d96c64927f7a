import type { CampaignPlanSettings, OrchestrationContext } from '@kiago/orchestration';
import { type TaskQueues, temporalConnectionOptions } from '@kiago/worker-runtime';
import { Client, Connection } from '@temporalio/client';
import { cliCampaignPlanSettings, cliTemporalEnv } from '../env.js';
import { type DbCommandDeps, defaultDbDeps, withDb } from './db-access.js';

export { withDb };

export interface TemporalAccess {
  client: Client;
  taskQueues: TaskQueues;
  /** The nightly Schedule's id (default kiago-nightly; tests use their own). */
  nightlyScheduleId?: string;
  close(): Promise<void>;
}

/** How the campaign / run / schedule commands reach Postgres and Temporal; tests pass their own. */
export interface OrchestrationCommandDeps extends DbCommandDeps {
  openTemporal(): Promise<TemporalAccess>;
  /** Limits, throughput figure and confirmation threshold; default: the environment (env.ts). */
  campaignPlanSettings?(): CampaignPlanSettings;
  /** Asks a yes/no question; null when there is no terminal to ask on. Default: stdin when it is a TTY. */
  askToConfirm?(question: string): Promise<boolean> | null;
}

/** The deps' plan settings, else the environment's. */
export function planSettingsOf(deps: OrchestrationCommandDeps): CampaignPlanSettings {
  return deps.campaignPlanSettings?.() ?? cliCampaignPlanSettings();
}

/**
 * DATABASE_URL and the TEMPORAL_* variables (validated by their packages' env schemas). The Temporal
 * connection is lazy: commands that only read Postgres (e.g. status of a finished run) work without it.
 */
export const defaultOrchestrationDeps: OrchestrationCommandDeps = {
  ...defaultDbDeps,
  async openTemporal() {
    const temporal = cliTemporalEnv();
    const connection = Connection.lazy(await temporalConnectionOptions(temporal));
    return {
      client: new Client({ connection, namespace: temporal.namespace }),
      taskQueues: temporal.taskQueues,
      close: () => connection.close(),
    };
  },
};

export async function withOrchestration<T>(
  deps: OrchestrationCommandDeps,
  run: (ctx: OrchestrationContext) => Promise<T>,
): Promise<T> {
  return withDb(deps, async (db) => {
    const temporal = await deps.openTemporal();
    try {
      return await run({
        db,
        client: temporal.client,
        taskQueues: temporal.taskQueues,
        limits: planSettingsOf(deps).limits,
        ...(temporal.nightlyScheduleId && { nightlyScheduleId: temporal.nightlyScheduleId }),
      });
    } finally {
      await temporal.close();
    }
  });
}
