import { z } from 'zod';
import { parseOrThrow } from '../zod-issues.js';
import { addIssue } from './add-issue.js';
import type { ResolvedCampaignSpec } from './resolve-defaults.js';

/** Postgres `integer` (int4): every count the spec writes into a column must fit it. */
export const INT4_MAX = 2_147_483_647;

/** How big one run may be in this deployment; the spec schema refuses anything larger. */
export interface CampaignLimits {
  maxShardsPerRun: number;
  maxCandidatesPerShard: number;
  maxSteps: number;
  maxMicroBatch: number;
  maxParallelShards: number;
  maxBases: number;
  /** candidatesPerShard × steps × shards: the run's optimiser work, what GPU-hours scale with. */
  maxCandidateStepsPerRun: number;
}

/**
 * Sane for one GPU pool: a 10,000-shard run of the reference 4096 × 1000 shard fits
 * (4.1e10 candidate-steps); a deployment raises them through KIAGO_MAX_* (Helm `campaignLimits`).
 */
export const DEFAULT_CAMPAIGN_LIMITS: CampaignLimits = {
  maxShardsPerRun: 10_000,
  maxCandidatesPerShard: 65_536,
  maxSteps: 100_000,
  maxMicroBatch: 65_536,
  maxParallelShards: 256,
  maxBases: 10_000,
  maxCandidateStepsPerRun: 50_000_000_000,
};

function limitVar(name: string, fallback: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number from 1 to ${max}`)
    .transform(Number)
    .pipe(z.int().min(1, `${name} must be at least 1`).max(max, `${name} must be at most ${max}`))
    .default(fallback);
}

const d = DEFAULT_CAMPAIGN_LIMITS;
const campaignLimitsEnvSchema = z.object({
  KIAGO_MAX_SHARDS_PER_RUN: limitVar('KIAGO_MAX_SHARDS_PER_RUN', d.maxShardsPerRun, INT4_MAX),
  KIAGO_MAX_CANDIDATES_PER_SHARD: limitVar(
    'KIAGO_MAX_CANDIDATES_PER_SHARD',
    d.maxCandidatesPerShard,
    INT4_MAX,
  ),
  KIAGO_MAX_STEPS: limitVar('KIAGO_MAX_STEPS', d.maxSteps, INT4_MAX),
  KIAGO_MAX_MICRO_BATCH: limitVar('KIAGO_MAX_MICRO_BATCH', d.maxMicroBatch, INT4_MAX),
  KIAGO_MAX_PARALLEL_SHARDS: limitVar('KIAGO_MAX_PARALLEL_SHARDS', d.maxParallelShards, INT4_MAX),
  KIAGO_MAX_BASES: limitVar('KIAGO_MAX_BASES', d.maxBases, INT4_MAX),
  KIAGO_MAX_CANDIDATE_STEPS_PER_RUN: limitVar(
    'KIAGO_MAX_CANDIDATE_STEPS_PER_RUN',
    d.maxCandidateStepsPerRun,
    Number.MAX_SAFE_INTEGER,
  ),
});

/** The deployment's limits from KIAGO_MAX_* (each a whole number; absent → the default). */
export function parseCampaignLimits(env: Readonly<Record<string, string | undefined>>): CampaignLimits {
  const parsed = parseOrThrow(campaignLimitsEnvSchema, env, 'environment');
  return {
    maxShardsPerRun: parsed.KIAGO_MAX_SHARDS_PER_RUN,
    maxCandidatesPerShard: parsed.KIAGO_MAX_CANDIDATES_PER_SHARD,
    maxSteps: parsed.KIAGO_MAX_STEPS,
    maxMicroBatch: parsed.KIAGO_MAX_MICRO_BATCH,
    maxParallelShards: parsed.KIAGO_MAX_PARALLEL_SHARDS,
    maxBases: parsed.KIAGO_MAX_BASES,
    maxCandidateStepsPerRun: parsed.KIAGO_MAX_CANDIDATE_STEPS_PER_RUN,
  };
}

const count = (n: number) => n.toLocaleString('en-US');

/** One limit as it applies to a spec: the field a refusal names, what is counted, the value and the limit. */
export interface LimitUsage {
  field: string;
  /** What is counted, e.g. `shards per run (bases × seeds)`. */
  quantity: string;
  value: number;
  limit: number;
  envVar: string;
  /** Prefixed to the value in a refusal, e.g. `bases × seeds = shards per run `. */
  refusalPrefix: string;
}

/** Every limit that applies to the spec (microBatch only when set), in the order refusals are listed. */
export function campaignLimitUsage(spec: ResolvedCampaignSpec, limits: CampaignLimits): LimitUsage[] {
  const shards = spec.bases.length * spec.seeds.length;
  const usage = (
    field: string,
    quantity: string,
    value: number,
    limit: number,
    envVar: string,
    refusalPrefix = '',
  ): LimitUsage => ({ field, quantity, value, limit, envVar, refusalPrefix });
  return [
    usage('bases', 'bases', spec.bases.length, limits.maxBases, 'KIAGO_MAX_BASES', 'lists '),
    usage(
      'seeds',
      'shards per run (bases × seeds)',
      shards,
      limits.maxShardsPerRun,
      'KIAGO_MAX_SHARDS_PER_RUN',
      'bases × seeds = shards per run ',
    ),
    usage(
      'candidatesPerShard',
      'candidates per shard',
      spec.candidatesPerShard,
      limits.maxCandidatesPerShard,
      'KIAGO_MAX_CANDIDATES_PER_SHARD',
    ),
    usage('steps', 'steps', spec.steps, limits.maxSteps, 'KIAGO_MAX_STEPS'),
    ...(spec.microBatch === undefined
      ? []
      : [usage('microBatch', 'micro-batch', spec.microBatch, limits.maxMicroBatch, 'KIAGO_MAX_MICRO_BATCH')]),
    usage(
      'maxParallelShards',
      'parallel shards',
      spec.maxParallelShards,
      limits.maxParallelShards,
      'KIAGO_MAX_PARALLEL_SHARDS',
    ),
    usage(
      'candidatesPerShard',
      'candidate-steps per run',
      spec.candidatesPerShard * spec.steps * shards,
      limits.maxCandidateStepsPerRun,
      'KIAGO_MAX_CANDIDATE_STEPS_PER_RUN',
      'candidatesPerShard × steps × shards = candidate-steps per run ',
    ),
  ];
}

/** Refuses a spec above the limits, naming the field, its value and the limit (and its env var). */
export function checkCampaignLimits(
  spec: ResolvedCampaignSpec,
  ctx: z.RefinementCtx,
  limits: CampaignLimits,
): void {
  for (const { field, value, limit, envVar, refusalPrefix } of campaignLimitUsage(spec, limits)) {
    if (value > limit)
      addIssue(
        ctx,
        [field],
        `${refusalPrefix}${count(value)} exceeds the limit of ${count(limit)} (${envVar})`,
      );
  }
}
