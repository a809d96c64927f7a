export type { FinishAndReportShardInput } from './activities/finish-and-report-shard.js';
export {
  createOrchestratorActivities,
  type OrchestratorActivities,
} from './activities/orchestrator-activities.js';
export type { OrchestratorActivityDeps } from './activities/orchestrator-activity-deps.js';
export {
  BYTES_PER_CANDIDATE,
  BYTES_PER_SHARD_WITH_ATTEMPTS,
  type CampaignPlan,
  type PlannedLimit,
  planCampaign,
} from './campaigns/campaign-plan.js';
export { type LaunchCampaignInput, type LaunchedRun, launchCampaign } from './campaigns/launch-campaign.js';
export {
  type CampaignPlanSettings,
  DEFAULT_CONFIRM_CANDIDATE_STEPS,
  DEFAULT_PLAN_THROUGHPUT,
  type PlanThroughput,
  parseCampaignPlanSettings,
} from './campaigns/plan-settings.js';
export { type SavedCampaign, saveCampaign } from './campaigns/save-campaign.js';
export { type CampaignDetail, type CampaignRunItem, campaignDetail } from './queries/campaign-detail.js';
export { type CampaignRow, findCampaign } from './queries/find-campaign.js';
export { type CampaignListItem, listCampaigns } from './queries/list-campaigns.js';
export { type MaterialHit, type MaterialHits, materialHits } from './queries/material-hits.js';
export {
  computeRunDiff,
  type DiffMaterial,
  type RunDiffReport,
  type TcChange,
} from './runs/compute-run-diff.js';
export {
  type PinnedModelVersion,
  type PinnedModelVersions,
  resolveModelVersions,
} from './runs/model-versions.js';
export { type NightlyPlan, type PlannedNightlyRun, planNightlyRuns } from './runs/plan-nightly-runs.js';
export {
  cancelRun,
  getRunStatus,
  pauseRun,
  type RetryFailedOptions,
  type RunStatusReport,
  resumeRun,
  retryFailedShards,
  waitForRun,
} from './runs/run-control.js';
export { type RunningShard, type RunProgress, readRunProgress } from './runs/run-progress.js';
export {
  backfillNightlySchedule,
  deleteNightlySchedule,
  describeNightlySchedule,
  NIGHTLY_SCHEDULE_ID,
  type NightlyScheduleInfo,
  pauseNightlySchedule,
  runNightlyNow,
  setNightlySchedule,
  triggerNightlySchedule,
  unpauseNightlySchedule,
} from './schedules/nightly-schedule.js';
export {
  type NightlyScheduleSpec,
  type NightlyScheduleSpecInput,
  parseNightlyScheduleSpec,
} from './schedules/nightly-schedule-spec.js';
export { connectTemporalClient } from './temporal/connect-client.js';
export type { OrchestrationContext } from './temporal/orchestration-context.js';
export { workflowSource, workflowsModulePath } from './temporal/workflow-source.js';
export type { PredictWorkflow, PredictWorkflowInput } from './workflows/predict-workflow.js';
export { campaignWorkflowId } from './workflows/workflow-ids.js';
export {
  DEFAULT_ORCHESTRATION_SETTINGS,
  type OrchestrationSettings,
  orchestrationSettings,
  type StageSettings,
} from './workflows/workflow-settings.js';
export type {
  CampaignProgress,
  CampaignWorkflowInput,
  CampaignWorkflowResult,
  NightlyWorkflowInput,
  NightlyWorkflowResult,
  RunTrigger,
  ShardOutcome,
  ShardStatusCounts,
} from './workflows/workflow-types.js';
