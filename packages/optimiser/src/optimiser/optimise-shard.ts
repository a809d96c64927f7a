import { type CampaignSpec, type Initialisation, maskStep, mulberry32, parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import { frequencyElementSampler } from './element-sampler.js';
import { finaliseCandidates } from './finalise-candidates.js';
import { initialCandidates } from './initialisation.js';
import { type IntegerConversion, integerForms, integerLossConversion } from './integer-conversion.js';
import { runOptimisation } from './optimisation-loop.js';
import type { ShardModels } from './optimiser-step.js';
import { resolveShardProblem, type ShardProblem } from './shard-problem.js';
import type { OptimiserProgress, ShardMethod, ShardResult } from './shard-result.js';
import { shardSeed } from './shard-seed.js';

/** Candidates per forward/backward pass when neither the call nor the spec says (≈ 0.5 GB of ResNet18 activations). */
export const DEFAULT_MICRO_BATCH = 1024;
const DEFAULT_TRAJECTORY_POINTS = 200;

export interface OptimiseShardInput {
  spec: CampaignSpec;
  /** One of spec.bases. */
  base: string;
  /** The shard's campaign seed (one of spec.seeds). */
  seed: number;
  shardIndex: number;
  models: ShardModels;
  /** Overrides spec.candidatesPerShard / spec.steps / spec.microBatch. */
  candidates?: number;
  steps?: number;
  microBatch?: number;
  /** Overrides spec.initialisation (the random-initialisation baseline). */
  initialisation?: Initialisation;
  /** Final integer conversion; default KIAGO's integer-loss N* (the rule-based baseline swaps it). */
  integerConversion?: (problem: ShardProblem) => IntegerConversion;
  method?: ShardMethod;
  /** Stop at T/2 (first stage only: no M_max, no integer loss); the result's steps say T/2. */
  stopAfterFirstStage?: boolean;
  trajectoryPoints?: number;
  onProgress?: (progress: OptimiserProgress) => void;
  signal?: AbortSignal;
}

const count = (field: string) => z.int(`${field} must be an integer`).min(1, `${field} must be ≥ 1`);
const inputSchema = z.object({
  seed: z
    .int('seed must be an integer')
    .min(0, 'seed must be ≥ 0')
    .max(2 ** 32 - 1, 'seed must be a uint32'),
  shardIndex: z.int('shardIndex must be an integer').min(0, 'shardIndex must be ≥ 0'),
  candidates: count('candidates').max(1_000_000, 'candidates must be ≤ 1,000,000').optional(),
  steps: count('steps').min(2, 'steps must be ≥ 2 (masks start at steps/2)').optional(),
  microBatch: count('microBatch').optional(),
  trajectoryPoints: count('trajectoryPoints').optional(),
});

/**
 * Runs one shard of KIAGO (DESIGN §5): Adam on L through both models with masks and the integer
 * loss, then the integer form of every candidate and predictions on both forms. Reproducible
 * bit for bit for the same (spec, base, seed, shardIndex) on the same backend.
 */
export async function optimiseShard(input: OptimiseShardInput): Promise<ShardResult> {
  const options = parseOrThrow(inputSchema, input, 'optimiseShard');
  const problem = resolveShardProblem(input.spec, input.base, {
    candidates: options.candidates,
    steps: options.steps,
    initialisation: input.initialisation,
  });
  const microBatch = options.microBatch ?? input.spec.microBatch ?? DEFAULT_MICRO_BATCH;
  const seed = shardSeed(options.seed, options.shardIndex);
  const initial = initialCandidates({
    initialisation: problem.initialisation,
    candidates: problem.candidates,
    baseVector: problem.baseVector,
    optimisationMask: problem.optimisationMask,
    sampleElement: frequencyElementSampler(problem.optimisationMask),
    random: mulberry32(seed),
  });
  const started = performance.now();
  const run = await runOptimisation(problem, initial, {
    models: input.models,
    microBatch,
    trajectoryPoints: options.trajectoryPoints ?? DEFAULT_TRAJECTORY_POINTS,
    onProgress: input.onProgress,
    signal: input.signal,
    stopAfterFirstStage: input.stopAfterFirstStage,
  });
  const optimised = performance.now();
  const finalised = finaliseCandidates({
    continuous: run.continuous,
    rows: problem.candidates,
    baseVector: problem.baseVector,
    forms: integerForms(
      run.continuous,
      problem.candidates,
      (input.integerConversion ?? integerLossConversion)(problem),
    ),
    models: input.models,
    microBatch,
  });
  const optimiseMs = optimised - started;
  const steps = input.stopAfterFirstStage ? maskStep(problem.steps) : problem.steps;
  return {
    method: input.method ?? 'kiago',
    mode: problem.mode,
    base: problem.base,
    seed: options.seed,
    shardIndex: options.shardIndex,
    shardSeed: seed,
    steps,
    ...finalised,
    continuous: run.continuous,
    firstStageContinuous: run.firstStage,
    nanLossCount: run.nanLossCount,
    trajectory: run.trajectory,
    timings: {
      optimiseMs,
      finaliseMs: performance.now() - optimised,
      candidateStepsPerSecond: (problem.candidates * steps) / (optimiseMs / 1000),
    },
  };
}
