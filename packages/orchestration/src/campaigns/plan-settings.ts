import { type CampaignLimits, parseCampaignLimits, parseOrThrow } from '@kiago/shared';
import { z } from 'zod';

/** The optimiser throughput a plan turns candidate-steps into worker-hours with, and where it comes from. */
export interface PlanThroughput {
  candidateStepsPerSecond: number;
  source: string;
}

/** What `campaign plan` and `POST /campaigns?dryRun=true` need besides the spec. */
export interface CampaignPlanSettings {
  limits: CampaignLimits;
  throughput: PlanThroughput;
  /** `campaign launch` asks (or, off a terminal, refuses without --yes) above this many candidate-steps. */
  confirmAboveCandidateSteps: number;
}

/**
 * The measured figure of the shipped models (Tc w 0.25, Ef w 0.5) on tfjs-node's native CPU backend,
 * micro-batch 1024, one 2-core machine (bench/optimiser/README.md, 2026-11-22). No GPU figure is
 * recorded yet: a deployment sets KIAGO_PLAN_CANDIDATE_STEPS_PER_S from its own
 * `bash scripts/gpu-check.sh` (the node-gpu throughput cell) so plans speak for its hardware.
 */
export const DEFAULT_PLAN_THROUGHPUT: PlanThroughput = {
  candidateStepsPerSecond: 3227,
  source: 'bench/optimiser/README.md: shipped models, tfjs-node CPU, B = 1024, 2 cores (2026-11-22)',
};

/** About 250 shards of the paper's 4096 × 1000: the size above which a launch should be a decision. */
export const DEFAULT_CONFIRM_CANDIDATE_STEPS = 1_000_000_000;

const positiveWhole = (name: string) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number of at least 1`)
    .transform(Number)
    .pipe(
      z
        .int()
        .min(1, `${name} must be at least 1`)
        .max(Number.MAX_SAFE_INTEGER, `${name} must be at most ${Number.MAX_SAFE_INTEGER}`),
    )
    .optional();

const planEnvSchema = z.object({
  KIAGO_PLAN_CANDIDATE_STEPS_PER_S: positiveWhole('KIAGO_PLAN_CANDIDATE_STEPS_PER_S'),
  KIAGO_CONFIRM_CANDIDATE_STEPS: positiveWhole('KIAGO_CONFIRM_CANDIDATE_STEPS'),
});

/** Limits (KIAGO_MAX_*), throughput and confirmation threshold from the environment the caller passes in. */
export function parseCampaignPlanSettings(
  env: Readonly<Record<string, string | undefined>>,
): CampaignPlanSettings {
  const parsed = parseOrThrow(planEnvSchema, env, 'environment');
  const rate = parsed.KIAGO_PLAN_CANDIDATE_STEPS_PER_S;
  return {
    limits: parseCampaignLimits(env),
    throughput:
      rate === undefined
        ? DEFAULT_PLAN_THROUGHPUT
        : { candidateStepsPerSecond: rate, source: 'KIAGO_PLAN_CANDIDATE_STEPS_PER_S' },
    confirmAboveCandidateSteps: parsed.KIAGO_CONFIRM_CANDIDATE_STEPS ?? DEFAULT_CONFIRM_CANDIDATE_STEPS,
  };
}
