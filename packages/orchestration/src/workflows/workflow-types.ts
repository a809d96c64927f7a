import type { TaskQueues } from '@kiago/worker-runtime';
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { OrchestrationSettings } from './workflow-settings.js';

/**
 * `patched()` id of the window carried across continue-as-new (children signal their end). Runs
 * recorded before it replay the window that drained before each continue-as-new.
 */
export const CARRY_SHARD_WINDOW_PATCH = 'carry-shard-window';

/**
 * `patched()` id of one screening activity per shard (screenAndHullShard) instead of screenShard then
 * hullShard: a task-queue round trip and a workflow task fewer per shard.
 */
export const SCREEN_AND_HULL_PATCH = 'screen-and-hull-in-one-activity';

/**
 * `patched()` id of a shard's end reported by a local activity (reportToCampaign) instead of a
 * signal command: the shard completes one workflow task and one server round trip sooner.
 */
export const REPORT_BY_LOCAL_ACTIVITY_PATCH = 'report-shard-end-by-local-activity';

/**
 * `patched()` id of a page end that first waits for the results of children that have already
 * signalled this execution: carried over instead, they would wait in the next execution for a signal
 * that was spent on this one (the lost-report race of the 10,000-shard run).
 */
export const SETTLE_SIGNALLED_CHILDREN_PATCH = 'settle-signalled-children-before-continue-as-new';

/**
 * `patched()` id of an execution that looks up the shards it carried over every
 * `carriedShardCheckMs` and takes the outcome of those whose workflows closed without a report.
 */
export const CHECK_CARRIED_SHARDS_PATCH = 'check-carried-shards';

/**
 * `patched()` id of a shard's end written and signalled by one local activity (finishAndReportShard)
 * instead of finishShard then reportToCampaign: the shard's last workflow task runs one activation fewer.
 */
export const FINISH_AND_REPORT_PATCH = 'finish-and-report-shard-in-one-local-activity';

export type RunTrigger = 'manual' | 'nightly' | 'retry';
export type ShardStatusCounts = Record<'planned' | 'running' | 'succeeded' | 'failed' | 'cancelled', number>;

/** Carried from one CampaignWorkflow execution to the next (continue-as-new); ids and counters only. */
export interface CampaignState {
  round: number;
  /** Shards of this round with index ≤ afterIndex are done. */
  afterIndex: number;
  rounds: number;
  maxParallelShards: number;
  counts: ShardStatusCounts;
  candidates: number;
  bestTcKelvin: number | null;
  paused: boolean;
  executions: number;
  /**
   * Shards whose ShardWorkflows are still running when this execution continues as new: the next
   * execution waits for their `shardFinished` signals instead of draining the window first.
   */
  inFlight?: ShardRef[];
}

/** A shard as the window tracks it (ids only: they go into workflow history). */
export interface ShardRef {
  id: string;
  index: number;
}

export interface CampaignWorkflowInput {
  runId: string;
  campaignId: string;
  trigger: RunTrigger;
  /** `new`: create the run and work its planned shards; `retry-failed`: re-run the run's failed shards. */
  mode: 'new' | 'retry-failed';
  /** retry-failed only: re-run only shards whose error type is listed (all failed shards when absent). */
  errorTypes?: string[];
  /** The run this one is diffed against (nightly). */
  previousRunId?: string;
  taskQueues: TaskQueues;
  settings: OrchestrationSettings;
  /** Set by continue-as-new only. */
  state?: CampaignState;
}

export interface CampaignProgress {
  runId: string;
  round: number;
  rounds: number;
  paused: boolean;
  shards: ShardStatusCounts & { total: number };
  candidates: number;
  bestTcKelvin: number | null;
  /** Workflow executions so far (1 + continue-as-new count). */
  executions: number;
}

export interface CampaignWorkflowResult {
  runId: string;
  status: 'COMPLETED' | 'COMPLETED_WITH_FAILURES';
  progress: CampaignProgress;
}

export interface ShardWorkflowInput {
  shardId: string;
  taskQueues: TaskQueues;
  settings: OrchestrationSettings;
  /** Candidates per forward/backward pass (the spec's microBatch); halved after each out-of-memory failure. */
  microBatch?: number;
}

export type ShardOutcome =
  | { shardId: string; status: 'SUCCEEDED'; candidates: number; bestTcKelvin: number | null; passed: number }
  | { shardId: string; status: 'FAILED'; stage: string; errorType: string; message: string };

export interface NightlyWorkflowInput {
  /** Re-run even campaigns whose models and spec did not change since their last run. */
  force: boolean;
  taskQueues: TaskQueues;
  settings: OrchestrationSettings;
}

export interface NightlyWorkflowResult {
  started: { campaignName: string; runId: string; previousRunId: string | null; status: string }[];
  skipped: { campaignName: string; reason: string }[];
}

/** What a ShardWorkflow reports to its campaign when it ends (a cancelled shard reports CANCELLED). */
export type ShardReport = ShardOutcome | { shardId: string; status: 'CANCELLED' };

export const progressQuery = defineQuery<CampaignProgress>('progress');
/** No new shard starts while paused; shards already running finish. */
export const pauseSignal = defineSignal('pause');
export const resumeSignal = defineSignal('resume');
/** Sent by each ShardWorkflow to its campaign's workflow id (whichever execution is current). */
export const shardFinishedSignal = defineSignal<[ShardReport]>('shardFinished');
