import { describe, expect, test } from 'vitest';
import { SpecError } from '../errors.js';
import { parseOrThrow } from '../zod-issues.js';
import { DEFAULT_CAMPAIGN_LIMITS, INT4_MAX, parseCampaignLimits } from './campaign-limits.js';
import { campaignSpecSchema, campaignSpecSchemaWithin } from './campaign-spec-schema.js';

const MINIMAL = { name: 'limits-test', bases: ['La2CuO4'], seeds: [0] };

function issuesOf(input: unknown, limits = DEFAULT_CAMPAIGN_LIMITS): SpecError['issues'] {
  try {
    parseOrThrow(campaignSpecSchemaWithin(limits), input, 'spec.yaml');
  } catch (error) {
    if (error instanceof SpecError) return error.issues;
    throw error;
  }
  throw new Error('spec was accepted');
}

describe('campaign limits', () => {
  test.each([
    [
      'candidatesPerShard',
      { candidatesPerShard: 65_537 },
      /65,537 exceeds the limit of 65,536 \(KIAGO_MAX_CANDIDATES_PER_SHARD\)/,
    ],
    ['steps', { steps: 100_001 }, /KIAGO_MAX_STEPS/],
    ['microBatch', { candidatesPerShard: 65_536, microBatch: 65_537 }, /KIAGO_MAX_MICRO_BATCH/],
    ['maxParallelShards', { maxParallelShards: 1_000_000_000 }, /1,000,000,000 exceeds the limit of 256/],
    [
      'seeds',
      { seeds: Array.from({ length: 10_001 }, (_, i) => i) },
      /shards per run 10,001 exceeds the limit of 10,000/,
    ],
  ])('%s above the default limit is refused at that field', (path, extra, message) => {
    const issues = issuesOf({ ...MINIMAL, ...extra });
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  test('bases and the candidate-steps of the whole run have limits of their own', () => {
    const limits = { ...DEFAULT_CAMPAIGN_LIMITS, maxBases: 1, maxCandidateStepsPerRun: 1_000_000 };
    const issues = issuesOf(
      { ...MINIMAL, bases: ['La2CuO4', 'MgB2'], candidatesPerShard: 1000, steps: 1000 },
      limits,
    );
    expect(issues.map((issue) => issue.path)).toEqual(['bases', 'candidatesPerShard']);
    expect(issues[1]?.message).toMatch(/candidate-steps per run 2,000,000 exceeds the limit of 1,000,000/);
  });

  test('the default spec is within the default limits', () => {
    expect(campaignSpecSchemaWithin(DEFAULT_CAMPAIGN_LIMITS).safeParse(MINIMAL).success).toBe(true);
  });

  test('every integer fits a database integer even without deployment limits', () => {
    const result = campaignSpecSchema.safeParse({ ...MINIMAL, candidatesPerShard: 1e15, steps: 2 ** 31 });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(paths).toEqual([
      `candidatesPerShard: must be at most ${INT4_MAX} (a database integer)`,
      `steps: must be at most ${INT4_MAX} (a database integer)`,
    ]);
  });

  test('a deployment sets its limits through KIAGO_MAX_* and bad values name the variable', () => {
    expect(parseCampaignLimits({ KIAGO_MAX_STEPS: '500', KIAGO_MAX_BASES: '3' })).toEqual({
      ...DEFAULT_CAMPAIGN_LIMITS,
      maxSteps: 500,
      maxBases: 3,
    });
    expect(() => parseCampaignLimits({ KIAGO_MAX_STEPS: '3000000000' })).toThrow(
      /KIAGO_MAX_STEPS must be at most 2147483647/,
    );
    expect(() => parseCampaignLimits({ KIAGO_MAX_SHARDS_PER_RUN: 'lots' })).toThrow(
      /KIAGO_MAX_SHARDS_PER_RUN must be a whole number/,
    );
  });
});
