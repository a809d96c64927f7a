import { type ApiEnv, parseApiEnv } from '@kiago/api';
import { type AutoscalerEnv, parseAutoscalerEnv } from '@kiago/autoscaler';
import { type CampaignPlanSettings, parseCampaignPlanSettings } from '@kiago/orchestration';
import { parseOrThrow } from '@kiago/shared';
import { parseWorkerEnv, type WorkerEnv } from '@kiago/worker-runtime';
import { z } from 'zod';

const orchestratorEnvSchema = z.object({
  KIAGO_WORKFLOW_BUNDLE_PATH: z
    .string()
    .trim()
    .min(1, 'KIAGO_WORKFLOW_BUNDLE_PATH must not be empty when set')
    .optional(),
});

/** The orchestrator process's settings (workflow worker + optional GPU autoscaler). */
export interface OrchestratorEnv {
  worker: WorkerEnv;
  /** A pre-built workflow bundle (production images); unset bundles the workflow sources at start-up. */
  workflowBundlePath?: string;
  autoscaler: AutoscalerEnv;
  /** The HTTP API; served only when KIAGO_API_TOKEN is set (the deployments always set it). */
  api: ApiEnv | null;
  /** KIAGO_MAX_* (the largest campaign POST /campaigns may launch), the plan's throughput and threshold. */
  campaignPlan: CampaignPlanSettings;
}

/**
 * The one reader of this process's environment: worker, API, autoscaler and limits, each parsed by the
 * library that owns its schema. Throws a SpecError naming every bad variable.
 */
export function parseOrchestratorEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): OrchestratorEnv {
  const parsed = parseOrThrow(orchestratorEnvSchema, env, 'environment');
  return {
    worker: parseWorkerEnv(env),
    ...(parsed.KIAGO_WORKFLOW_BUNDLE_PATH && { workflowBundlePath: parsed.KIAGO_WORKFLOW_BUNDLE_PATH }),
    autoscaler: parseAutoscalerEnv(env),
    api: env.KIAGO_API_TOKEN === undefined ? null : parseApiEnv(env),
    campaignPlan: parseCampaignPlanSettings(env),
  };
}
