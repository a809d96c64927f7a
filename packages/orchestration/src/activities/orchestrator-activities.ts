import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import { type NightlyPlan, planNightlyRuns } from '../runs/plan-nightly-runs.js';
import {
  type CarriedShardOutcomes,
  type CarriedShardOutcomesInput,
  carriedShardOutcomes,
} from './carried-shard-outcomes.js';
import { diffRun } from './diff-run.js';
import { type FinishAndReportShardInput, finishAndReportShard } from './finish-and-report-shard.js';
import { type OpenedRun, type OpenRunInput, openRun } from './open-run.js';
import type { OrchestratorActivityDeps } from './orchestrator-activity-deps.js';
import { type ReportToCampaignInput, reportToCampaign } from './report-to-campaign.js';
import { type FinishRunInput, finishRun, setRunPaused } from './run-status.js';
import {
  type FinishShardInput,
  finishShard,
  listShardPage,
  type ShardPageInput,
  type ShardRef,
} from './shard-bookkeeping.js';

/** Run and shard bookkeeping on `kiago-orchestrator` (local activities of the workflows). */
export interface OrchestratorActivities {
  openRun(input: OpenRunInput): Promise<OpenedRun>;
  listShardPage(input: ShardPageInput): Promise<ShardRef[]>;
  finishShard(input: FinishShardInput): Promise<void>;
  /** Shards started before FINISH_AND_REPORT_PATCH still call it when they end. */
  reportToCampaign(input: ReportToCampaignInput): Promise<void>;
  finishAndReportShard(input: FinishAndReportShardInput): Promise<void>;
  carriedShardOutcomes(input: CarriedShardOutcomesInput): Promise<CarriedShardOutcomes>;
  setRunPaused(input: { runId: string; paused: boolean }): Promise<void>;
  finishRun(input: FinishRunInput): ReturnType<typeof finishRun>;
  diffRun(input: { runId: string }): ReturnType<typeof diffRun>;
  planNightlyRuns(input: { force: boolean }): Promise<NightlyPlan>;
}

const nightlyInputSchema = z.object({ force: z.boolean() });

export function createOrchestratorActivities(deps: OrchestratorActivityDeps): OrchestratorActivities {
  return {
    openRun: (input) => openRun(deps, input),
    listShardPage: (input) => listShardPage(deps, input),
    finishShard: (input) => finishShard(deps, input),
    reportToCampaign: (input) => reportToCampaign(deps.client, input),
    finishAndReportShard: (input) => finishAndReportShard(deps, input),
    carriedShardOutcomes: (input) => carriedShardOutcomes(deps.client, input),
    setRunPaused: (input) => setRunPaused(deps, input),
    finishRun: (input) => finishRun(deps, input),
    diffRun: (input) => diffRun(deps, input),
    planNightlyRuns: (input) =>
      planNightlyRuns(deps.db, parseOrThrow(nightlyInputSchema, input, 'planNightlyRuns input')),
  };
}
