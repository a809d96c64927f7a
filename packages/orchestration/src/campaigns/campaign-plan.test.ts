import { campaignSpecSchema, DEFAULT_CAMPAIGN_LIMITS, SpecError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { BYTES_PER_CANDIDATE, BYTES_PER_SHARD_WITH_ATTEMPTS, planCampaign } from './campaign-plan.js';
import { DEFAULT_PLAN_THROUGHPUT, parseCampaignPlanSettings } from './plan-settings.js';

// examples/demo.yaml: 3 bases × 2 seeds, 32 candidates × 60 steps, 2 shards at a time.
const demo = campaignSpecSchema.parse({
  name: 'demo',
  bases: ['MgB2', 'Nb3Sn', 'La1.85Sr0.15CuO4'],
  seeds: [0, 1],
  candidatesPerShard: 32,
  steps: 60,
  nUnits: { min: 1, max: 30 },
  maxParallelShards: 2,
});

describe('planCampaign', () => {
  it('counts shards, candidate-steps, worker-hours, rows and storage of the demo', () => {
    const plan = planCampaign(demo, parseCampaignPlanSettings({}));
    expect(plan).toMatchObject({
      shards: 6,
      candidateSteps: 6 * 32 * 60,
      rows: { runs: 1, shards: 6, shardAttemptsAtLeast: 12, candidatesAtMost: 192 },
      estimatedStorageBytes: 192 * BYTES_PER_CANDIDATE + 6 * BYTES_PER_SHARD_WITH_ATTEMPTS,
      confirmation: { required: false, envVar: 'KIAGO_CONFIRM_CANDIDATE_STEPS' },
    });
    const seconds = 11_520 / DEFAULT_PLAN_THROUGHPUT.candidateStepsPerSecond;
    expect(plan.gpuTime.workerHours).toBeCloseTo(seconds / 3600, 3);
    expect(plan.gpuTime.wallHoursAtMaxParallel).toBeCloseTo(seconds / 2 / 3600, 3);
    expect(plan.gpuTime.throughputSource).toMatch(/^bench\/optimiser\/README\.md/);
  });

  it('lists every limit with its env var and how close the spec comes', () => {
    const plan = planCampaign(demo, parseCampaignPlanSettings({ KIAGO_MAX_SHARDS_PER_RUN: '8' }));
    expect(plan.limits.find((limit) => limit.envVar === 'KIAGO_MAX_SHARDS_PER_RUN')).toEqual({
      field: 'seeds',
      quantity: 'shards per run (bases × seeds)',
      value: 6,
      limit: 8,
      envVar: 'KIAGO_MAX_SHARDS_PER_RUN',
      usedPercent: 75,
    });
    expect(plan.limits.map((limit) => limit.envVar)).toEqual([
      'KIAGO_MAX_BASES',
      'KIAGO_MAX_SHARDS_PER_RUN',
      'KIAGO_MAX_CANDIDATES_PER_SHARD',
      'KIAGO_MAX_STEPS',
      'KIAGO_MAX_PARALLEL_SHARDS',
      'KIAGO_MAX_CANDIDATE_STEPS_PER_RUN',
    ]);
    expect(plan.limits.at(-1)?.limit).toBe(DEFAULT_CAMPAIGN_LIMITS.maxCandidateStepsPerRun);
  });

  it('asks for confirmation above KIAGO_CONFIRM_CANDIDATE_STEPS; the throughput figure is configurable', () => {
    const settings = parseCampaignPlanSettings({
      KIAGO_CONFIRM_CANDIDATE_STEPS: '11519',
      KIAGO_PLAN_CANDIDATE_STEPS_PER_S: '3200',
    });
    const plan = planCampaign(demo, settings);
    expect(plan.confirmation).toMatchObject({ required: true, aboveCandidateSteps: 11_519 });
    expect(plan.gpuTime).toMatchObject({
      candidateStepsPerSecond: 3200,
      throughputSource: 'KIAGO_PLAN_CANDIDATE_STEPS_PER_S',
      workerHours: 0.001,
    });
    const atThreshold = parseCampaignPlanSettings({ KIAGO_CONFIRM_CANDIDATE_STEPS: '11520' });
    expect(planCampaign(demo, atThreshold).confirmation.required).toBe(false);
  });

  it('refuses bad settings naming the variable', () => {
    expect(() => parseCampaignPlanSettings({ KIAGO_CONFIRM_CANDIDATE_STEPS: '0' })).toThrow(
      /KIAGO_CONFIRM_CANDIDATE_STEPS must be at least 1/,
    );
    expect(() => parseCampaignPlanSettings({ KIAGO_PLAN_CANDIDATE_STEPS_PER_S: '3e3' })).toThrow(SpecError);
  });
});
