export * from './api/index.js';
export * from './autoscaler/index.js';
export { type LaunchCampaignInput, type LaunchedRun, launchCampaign } from './campaigns/launch-campaign.js';
export { type DemoOptions, type DemoResult, runDemo } from './campaigns/run-demo.js';
export { type SavedCampaign, saveCampaign } from './campaigns/save-campaign.js';
export * from './cli/output/format.js';
export { type OrchestratorEnv, parseOrchestratorEnv } from './env.js';
export {
  type BuildRunReportOptions,
  buildRunReport,
  DEFAULT_REPORT_MAX_EHULL_EV_PER_ATOM,
} from './report/build-run-report.js';
export { renderReportHtml } from './report/render-report-html.js';
export type * from './report/report-data.js';
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
export { ensureTemporalAddress } from './temporal/dev-server.js';
export type { OrchestrationContext } from './temporal/orchestration-context.js';
export { countRunningShards } from './workers/count-running-shards.js';
export {
  createOrchestratorWorker,
  type OrchestratorWorkerOptions,
} from './workers/create-orchestrator-worker.js';
export { ensureActiveModels, ensureReferenceSet } from './workers/dev-prerequisites.js';
export {
  type AllWorkers,
  type AllWorkersOptions,
  createAllWorkers,
  type RunningWorkers,
  startAllWorkers,
} from './workers/start-all-workers.js';
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
