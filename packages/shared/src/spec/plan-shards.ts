import type { CampaignSpec } from './campaign-spec-schema.js';

export interface PlannedShard {
  base: string;
  seed: number;
  /** Position in the plan; shard ids and workflow ids derive from it. */
  index: number;
}

/** One shard per base × seed, bases outer and seeds inner, in spec order. */
export function planShards(spec: Pick<CampaignSpec, 'bases' | 'seeds'>): PlannedShard[] {
  return spec.bases.flatMap((base, baseIndex) =>
    spec.seeds.map((seed, seedIndex) => ({ base, seed, index: baseIndex * spec.seeds.length + seedIndex })),
  );
}
