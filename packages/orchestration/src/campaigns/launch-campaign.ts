import { randomUUID } from 'node:crypto';
import { campaignSpecSchemaWithin, DEFAULT_CAMPAIGN_LIMITS, parseOrThrow } from '@kiago/shared';
import { type PinnedModelVersions, resolveModelVersions } from '../runs/model-versions.js';
import type { OrchestrationContext } from '../temporal/orchestration-context.js';
import type { CampaignWorkflow } from '../workflows/campaign-workflow.js';
import { campaignWorkflowId } from '../workflows/workflow-ids.js';
import { DEFAULT_ORCHESTRATION_SETTINGS } from '../workflows/workflow-settings.js';
import { type SavedCampaign, saveCampaignUndoably, undoSaveCampaign } from './save-campaign.js';

export interface LaunchCampaignInput {
  /** The spec as parsed from YAML/JSON (validated here) or an already validated CampaignSpec. */
  spec: unknown;
  /** Names the spec in error messages (e.g. its file path). */
  source?: string;
  /** Overwrite a stored spec of the same campaign name (refused otherwise). */
  replaceSpec?: boolean;
}

export interface LaunchedRun {
  runId: string;
  workflowId: string;
  campaign: SavedCampaign;
  /** The versions the run will pin (resolved again, and pinned, when the workflow creates the run). */
  modelVersions: PinnedModelVersions;
}

/**
 * `kiago campaign launch`: validates the spec and resolves its model versions before anything is
 * written (an invalid spec or a missing model is refused with nothing stored), stores the
 * campaign, and starts its CampaignWorkflow; if the start fails the campaign row is put back.
 * Returns at once; the run (its row written by the workflow's first activity) proceeds in Temporal.
 */
export async function launchCampaign(
  ctx: OrchestrationContext,
  input: LaunchCampaignInput,
): Promise<LaunchedRun> {
  const schema = campaignSpecSchemaWithin(ctx.limits ?? DEFAULT_CAMPAIGN_LIMITS);
  const spec = parseOrThrow(schema, input.spec, input.source ?? 'campaign spec');
  const modelVersions = await resolveModelVersions(ctx.db, spec.models);
  const save = await saveCampaignUndoably(ctx.db, spec, input.replaceSpec);
  const campaign = save.saved;
  const runId = randomUUID();
  const workflowId = campaignWorkflowId(runId);
  try {
    await startCampaignWorkflow(ctx, { runId, workflowId, campaignId: campaign.id });
  } catch (error) {
    // No workflow, no run: leave the campaign table as it was, so a failed launch writes nothing.
    await undoSaveCampaign(ctx.db, save);
    throw error;
  }
  return { runId, workflowId, campaign, modelVersions };
}

async function startCampaignWorkflow(
  ctx: OrchestrationContext,
  ids: { runId: string; workflowId: string; campaignId: string },
): Promise<void> {
  const { runId, workflowId, campaignId } = ids;
  await ctx.client.workflow.start<typeof CampaignWorkflow>('CampaignWorkflow', {
    workflowId,
    taskQueue: ctx.taskQueues.orchestrator,
    args: [
      {
        runId,
        campaignId,
        trigger: 'manual',
        mode: 'new',
        taskQueues: ctx.taskQueues,
        settings: ctx.settings ?? DEFAULT_ORCHESTRATION_SETTINGS,
      },
    ],
  });
}
