import type { OrchestratorActivityDeps } from './orchestrator-activity-deps.js';
import { type ReportToCampaignInput, reportToCampaign } from './report-to-campaign.js';
import { type FinishShardInput, finishShard } from './shard-bookkeeping.js';

export interface FinishAndReportShardInput {
  finish: FinishShardInput;
  /** Absent for a shard without a campaign to tell (started on its own, or recorded before the carried window). */
  report?: ReportToCampaignInput;
}

/**
 * A shard's end in one local activity: its row first, so that a campaign which acts on the signal
 * (counts, finishes the run) already reads it, then the signal. Two local activities would cost the
 * shard's last workflow task one more activation. A retry repeats both; each is idempotent.
 */
export async function finishAndReportShard(
  deps: OrchestratorActivityDeps,
  input: FinishAndReportShardInput,
): Promise<void> {
  await finishShard(deps, input.finish);
  if (input.report) await reportToCampaign(deps.client, input.report);
}
