import type { Db } from '@kiago/db';
import { createOrchestratorActivities, workflowSource } from '@kiago/orchestration';
import { kiagoFailureInterceptor } from '@kiago/worker-runtime';
import { Client } from '@temporalio/client';
import {
  type ActivityInterceptorsFactory,
  type Logger,
  type NativeConnection,
  Worker,
} from '@temporalio/worker';

export interface OrchestratorWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Db;
  logger: Logger;
  /** KIAGO_WORKFLOW_BUNDLE_PATH: a pre-built bundle (production); unset bundles the sources at start-up. */
  workflowBundlePath?: string;
  /** Concurrent local bookkeeping activities (Postgres writes of the workflows). */
  maxConcurrentLocalActivities?: number;
  /** Activity interceptors after the failure interceptor (tests: holding a shard's report). */
  extraInterceptors?: ActivityInterceptorsFactory[];
}

/** The `kiago-orchestrator` worker: CampaignWorkflow, ShardWorkflow, NightlyWorkflow and their bookkeeping. */
export async function createOrchestratorWorker(options: OrchestratorWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...workflowSource(options.workflowBundlePath),
    activities: createOrchestratorActivities({
      db: options.db,
      logger: options.logger,
      client: new Client({ connection: options.connection, namespace: options.namespace }),
    }),
    maxConcurrentLocalActivityExecutions: options.maxConcurrentLocalActivities ?? 50,
    // Bookkeeping's typed errors (a stored spec the schema refuses, a missing campaign) become
    // non-retryable failures: without this they were plain errors, retried without end.
    interceptors: { activity: [kiagoFailureInterceptor, ...(options.extraInterceptors ?? [])] },
  });
}
