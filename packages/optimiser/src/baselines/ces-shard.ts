import {
  type CampaignSpec,
  compositionToVector,
  ELEMENT_COUNT,
  mulberry32,
  parseFormula,
  requireElement,
} from '@kiago/shared';
import { finaliseCandidates } from '../optimiser/finalise-candidates.js';
import type { IntegerForm } from '../optimiser/integer-conversion.js';
import { DEFAULT_MICRO_BATCH } from '../optimiser/optimise-shard.js';
import type { ShardModels } from '../optimiser/optimiser-step.js';
import type { ShardResult } from '../optimiser/shard-result.js';
import { shardSeed } from '../optimiser/shard-seed.js';
import { SubstitutionBaselineError } from './baseline-errors.js';
import { substitutionPicker } from './ces-targets.js';
import { drawSubstitution } from './substitution-draw.js';

export interface SubstitutionShardInput {
  spec: CampaignSpec;
  base: string;
  seed: number;
  shardIndex: number;
  models: ShardModels;
  candidates?: number;
  microBatch?: number;
}

/** Draws per candidate before the base is declared impossible (the reference retries its target 100 times). */
const ATTEMPTS = 100;

/**
 * Conventional element substitution (C-ES) as a shard: `candidates` random substitutions of the
 * base, predicted like KIAGO's integer outputs (the continuous form is the formula itself).
 * Same seed and shard, same candidates. Throws SubstitutionBaselineError when no draw fits the limits.
 */
export async function conventionalSubstitutionShard(input: SubstitutionShardInput): Promise<ShardResult> {
  const rows = input.candidates ?? input.spec.candidatesPerShard;
  const seed = shardSeed(input.seed, input.shardIndex);
  const random = mulberry32(seed);
  const picker = substitutionPicker(input.spec, input.base);
  const started = performance.now();
  const continuous = new Float32Array(rows * ELEMENT_COUNT);
  const forms: IntegerForm[] = [];
  for (let row = 0; row < rows; row++) {
    let counts: Map<string, number> | null = null;
    for (let attempt = 0; attempt < ATTEMPTS && counts === null; attempt++) {
      const draw = picker(random);
      counts = draw === null ? null : drawSubstitution(draw, random);
    }
    if (counts === null) {
      throw new SubstitutionBaselineError(
        input.base,
        `no substitution within the atom and element limits in ${ATTEMPTS} draws`,
      );
    }
    const byIndex = new Map(
      [...counts].map(([symbol, count]) => [requireElement(symbol).z - 1, count] as const),
    );
    const atoms = [...byIndex.values()].reduce((sum, count) => sum + count, 0);
    for (const [e, count] of byIndex) continuous[row * ELEMENT_COUNT + e] = count / atoms;
    forms.push({ nUnits: atoms, counts: new Map([...byIndex].sort(([a], [b]) => a - b)) });
  }
  const generated = performance.now();
  const finalised = finaliseCandidates({
    continuous,
    rows,
    baseVector: compositionToVector(parseFormula(input.base)),
    forms,
    models: input.models,
    microBatch: input.microBatch ?? input.spec.microBatch ?? DEFAULT_MICRO_BATCH,
  });
  return {
    method: 'c-es',
    mode: input.spec.mode.kind,
    base: input.base,
    seed: input.seed,
    shardIndex: input.shardIndex,
    shardSeed: seed,
    steps: 0,
    ...finalised,
    continuous,
    firstStageContinuous: null,
    nanLossCount: 0,
    trajectory: { step: [], meanLoss: [], meanTcKelvin: [], bestTcKelvin: [] },
    timings: {
      optimiseMs: generated - started,
      finaliseMs: performance.now() - generated,
      candidateStepsPerSecond: Number.NaN,
    },
  };
}
