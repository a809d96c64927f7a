import { type CampaignSpec, campaignLimitUsage } from '@kiago/shared';
import type { CampaignPlanSettings } from './plan-settings.js';

/** Every shard logs at least one attempt per stage: optimise, then screen-hull (one activity). */
const STAGES_PER_SHARD = 2;

/**
 * On-disk bytes per row (heap + indexes, after VACUUM ANALYZE), measured 2026-12-07 on Postgres 15 with
 * this schema: candidates from `node bench/db/candidates.ts --shards 100 --per-shard 1024` (102,400 rows:
 * 31 MiB table + 29 MiB indexes); a finished shard (378 B) with its two attempt rows (253 B each, measured
 * from 10,000 shards and 30,000 attempts in tables LIKE shards / shard_attempts INCLUDING ALL).
 */
export const BYTES_PER_CANDIDATE = 614;
export const BYTES_PER_SHARD_WITH_ATTEMPTS = 378 + STAGES_PER_SHARD * 253;

export interface PlannedLimit {
  field: string;
  quantity: string;
  value: number;
  limit: number;
  envVar: string;
  /** value / limit in per cent, three significant digits (a tiny share stays visible: 0.06). */
  usedPercent: number;
}

/** What a launch of the spec would cost, computed from the spec alone: nothing is read or written. */
export interface CampaignPlan {
  campaign: string;
  bases: number;
  seeds: number;
  shards: number;
  candidatesPerShard: number;
  steps: number;
  /** shards × candidatesPerShard × steps: the optimiser work, what GPU time scales with. */
  candidateSteps: number;
  gpuTime: {
    candidateStepsPerSecond: number;
    throughputSource: string;
    /** Hours of one gpu-worker slot for the whole run. */
    workerHours: number;
    /** Wall-clock hours with maxParallelShards slots busy (the run cannot go faster). */
    wallHoursAtMaxParallel: number;
  };
  /** Rows the run writes: candidates at most (one per candidate), attempts at least (retries add some). */
  rows: { runs: number; shards: number; shardAttemptsAtLeast: number; candidatesAtMost: number };
  estimatedStorageBytes: number;
  limits: PlannedLimit[];
  confirmation: { aboveCandidateSteps: number; envVar: string; required: boolean };
}

// Four significant digits: a demo's 0.0004861 h must not read as 0.
const hours = (seconds: number) => Number((seconds / 3600).toPrecision(4));

/** The cost preview of `kiago campaign plan` and `POST /campaigns?dryRun=true`. */
export function planCampaign(spec: CampaignSpec, settings: CampaignPlanSettings): CampaignPlan {
  const shards = spec.bases.length * spec.seeds.length;
  const candidates = shards * spec.candidatesPerShard;
  const candidateSteps = candidates * spec.steps;
  const rate = settings.throughput.candidateStepsPerSecond;
  const workerSeconds = candidateSteps / rate;
  const parallel = Math.max(1, Math.min(spec.maxParallelShards, shards));
  return {
    campaign: spec.name,
    bases: spec.bases.length,
    seeds: spec.seeds.length,
    shards,
    candidatesPerShard: spec.candidatesPerShard,
    steps: spec.steps,
    candidateSteps,
    gpuTime: {
      candidateStepsPerSecond: rate,
      throughputSource: settings.throughput.source,
      workerHours: hours(workerSeconds),
      wallHoursAtMaxParallel: hours(workerSeconds / parallel),
    },
    rows: {
      runs: 1,
      shards,
      shardAttemptsAtLeast: shards * STAGES_PER_SHARD,
      candidatesAtMost: candidates,
    },
    estimatedStorageBytes: candidates * BYTES_PER_CANDIDATE + shards * BYTES_PER_SHARD_WITH_ATTEMPTS,
    limits: campaignLimitUsage(spec, settings.limits).map(({ refusalPrefix: _, ...usage }) => ({
      ...usage,
      usedPercent: Number(((usage.value / usage.limit) * 100).toPrecision(3)),
    })),
    confirmation: {
      aboveCandidateSteps: settings.confirmAboveCandidateSteps,
      envVar: 'KIAGO_CONFIRM_CANDIDATE_STEPS',
      required: candidateSteps > settings.confirmAboveCandidateSteps,
    },
  };
}
