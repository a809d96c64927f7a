import { randomUUID } from 'node:crypto';
import { campaignSpecSchemaWithin, parseCampaignLimits, parseOrThrow } from '@kiago/shared';
import { type PinnedModelVersions, resolveModelVersions } from '../runs/model-versions.js';
import type { OrchestrationContext } from '../temporal/orchestration-context.js';
import type { CampaignWorkflow } from '../workflows/campaign-workflow.js';
import { campaignWorkflowId } from '../workflows/workflow-ids.js';
import { DEFAULT_ORCHESTRATION_SETTINGS } from '../workflows/workflow-settings.js';
import { type SavedCampaign, saveCampaign } from './save-campaign.js';

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
 * campaign, and starts its CampaignWorkflow. Returns at once; the run proceeds in Temporal.
 */
export async function launchCampaign(
  ctx: OrchestrationContext,
  input: LaunchCampaignInput,
): Promise<LaunchedRun> {
  const schema = campaignSpecSchemaWithin(ctx.limits ?? parseCampaignLimits());
  const spec = parseOrThrow(schema, input.spec, input.source ?? 'campaign spec');
  const modelVersions = await resolveModelVersions(ctx.db, spec.models);
  const campaign = await saveCampaign(ctx.db, spec, input.replaceSpec);
  const runId = randomUUID();
  const workflowId = campaignWorkflowId(runId);
  await ctx.client.workflow.start<typeof CampaignWorkflow>('CampaignWorkflow', {
    workflowId,
    taskQueue: ctx.taskQueues.orchestrator,
    args: [
      {
        runId,
        campaignId: campaign.id,
        trigger: 'manual',
        mode: 'new',
        taskQueues: ctx.taskQueues,
        settings: ctx.settings ?? DEFAULT_ORCHESTRATION_SETTINGS,
      },
    ],
  });
  return { runId, workflowId, campaign, modelVersions };
}
