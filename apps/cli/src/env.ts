import { resolveDataDir } from '@kiago/datasets';
import { type DbEnv, parseDbEnv } from '@kiago/db';
import { type CampaignPlanSettings, parseCampaignPlanSettings } from '@kiago/orchestration';
import { parseTemporalEnv, type TemporalEnv } from '@kiago/worker-runtime';

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The CLI's one window on the environment: commands read their settings through these functions
 * (validated by the packages' schemas, errors name the variable), never through process.env.
 */
export function cliEnvironment(): Environment {
  return process.env;
}

/** DATABASE_URL. */
export function cliDbEnv(): DbEnv {
  return parseDbEnv(process.env);
}

/** TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_TLS_*, KIAGO_TASK_QUEUE_SUFFIX. */
export function cliTemporalEnv(): TemporalEnv {
  return parseTemporalEnv(process.env);
}

/** The data directory: `--data-dir` when given, else KIAGO_DATA_DIR, else `<repo>/../shared/data`. */
export function cliDataDir(flag?: string): string {
  return resolveDataDir({ dataDir: flag, env: process.env });
}

/**
 * KIAGO_MAX_* (the largest campaign `kiago campaign launch` may start; the API applies the same),
 * KIAGO_PLAN_CANDIDATE_STEPS_PER_S (the plan's throughput figure) and KIAGO_CONFIRM_CANDIDATE_STEPS.
 */
export function cliCampaignPlanSettings(): CampaignPlanSettings {
  return parseCampaignPlanSettings(process.env);
}
