import { roundShardByRule, runShardMethod, type ShardMethodChoice, type ShardModels } from '@kiago/optimiser';
import { type CampaignSpec, campaignSpecSchema, planShards } from '@kiago/shared';
import { type ShardScore, scoreShard } from './evaluate.ts';

export interface RunContext {
  models: ShardModels;
  candidates: number;
  steps: number;
  log(line: string): void;
}

/** Runs `method` on the shard of `base` (first seed) in `spec`'s plan, at the context's scale, and scores it. */
async function scored(context: RunContext, spec: CampaignSpec, base: string, method: ShardMethodChoice) {
  const planned = planShards(spec).find((shard) => shard.base === base);
  if (!planned) throw new Error(`${base} is not a base of ${spec.name}`);
  const input = { spec, base, seed: planned.seed, shardIndex: planned.index, models: context.models };
  const result = await runShardMethod(method, {
    ...input,
    candidates: context.candidates,
    steps: context.steps,
  });
  const score = scoreShard(result, spec);
  context.log(
    `${spec.name} ${base} ${method.kind}: ${score.valid}/${score.unique} valid, ${score.seconds.toFixed(1)} s`,
  );
  return { result, score };
}

export interface RoundingRow {
  base: string;
  maxAtoms: number;
  kiago: ShardScore;
  rule: ShardScore;
}

/**
 * Table 1: KIAGO with Nset = {1..M} against one optimisation without the integer loss rounded by
 * rule (x·M) at every M; both scored with the same spec.
 */
export async function integerLossVsRounding(
  context: RunContext,
  spec: CampaignSpec,
  bases: readonly string[],
  maxAtoms: readonly number[],
): Promise<RoundingRow[]> {
  const rows: RoundingRow[] = [];
  for (const base of bases) {
    const first = maxAtoms[0] ?? 15;
    const plain = await scored(context, spec, base, { kind: 'rule-based-rounding', maxAtoms: first });
    for (const m of maxAtoms) {
      const withM = campaignSpecSchema.parse({ ...spec, nUnits: { min: 1, max: m } });
      const kiago = await scored(context, withM, base, { kind: 'kiago' });
      const rule = m === first ? plain.result : roundShardByRule(plain.result, m, context.models);
      rows.push({ base, maxAtoms: m, kiago: kiago.score, rule: scoreShard(rule, withM) });
    }
  }
  return rows;
}

export interface MethodRow {
  base: string;
  scores: Record<string, ShardScore | { unavailable: string }>;
}

/** Every method on every base of one spec (or of several single-base specs). */
export async function compareMethods(
  context: RunContext,
  specsAndBases: readonly { spec: CampaignSpec; base: string }[],
  methods: readonly ShardMethodChoice[],
): Promise<MethodRow[]> {
  const rows: MethodRow[] = [];
  for (const { spec, base } of specsAndBases) {
    const scores: MethodRow['scores'] = {};
    for (const method of methods) {
      try {
        scores[method.kind] = (await scored(context, spec, base, method)).score;
      } catch (error) {
        if (!(error instanceof Error && error.name === 'SubstitutionBaselineError')) throw error;
        context.log(`${base} ${method.kind}: ${error.message}`);
        scores[method.kind] = { unavailable: error.message };
      }
    }
    rows.push({ base, scores });
  }
  return rows;
}
