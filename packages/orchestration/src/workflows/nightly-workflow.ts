import { executeChild, isCancellation } from '@temporalio/workflow';
import { bookkeeping } from './activity-proxies.js';
import { CampaignWorkflow } from './campaign-workflow.js';
import { campaignWorkflowId } from './workflow-ids.js';
import type { NightlyWorkflowInput, NightlyWorkflowResult } from './workflow-types.js';

/**
 * Started by the nightly Schedule: re-runs every campaign marked `nightly` with the latest active
 * model versions (skipping those whose models and spec did not change since their last run, unless
 * forced). Each re-run diffs itself against the campaign's previous run.
 */
export async function NightlyWorkflow(input: NightlyWorkflowInput): Promise<NightlyWorkflowResult> {
  const plan = await bookkeeping().planNightlyRuns({ force: input.force });
  const started = await Promise.all(
    plan.runs.map(async (run) => {
      let status: string;
      try {
        status = (
          await executeChild(CampaignWorkflow, {
            workflowId: campaignWorkflowId(run.runId),
            taskQueue: input.taskQueues.orchestrator,
            args: [
              {
                runId: run.runId,
                campaignId: run.campaignId,
                trigger: 'nightly',
                mode: 'new',
                ...(run.previousRunId && { previousRunId: run.previousRunId }),
                taskQueues: input.taskQueues,
                settings: input.settings,
              },
            ],
          })
        ).status;
      } catch (error) {
        // One campaign's failure must not hide the others' results; cancelling the night cancels all.
        if (isCancellation(error)) throw error;
        status = 'FAILED';
      }
      return { campaignName: run.campaignName, runId: run.runId, previousRunId: run.previousRunId, status };
    }),
  );
  return { started, skipped: plan.skipped };
}
