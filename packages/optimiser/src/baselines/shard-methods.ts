import { type OptimiseShardInput, optimiseShard } from '../optimiser/optimise-shard.js';
import type { ShardResult } from '../optimiser/shard-result.js';
import { conventionalSubstitutionShard } from './ces-shard.js';
import { ruleBasedRoundingShard } from './rule-based-rounding.js';

/** The generators the paper compares, behind one call. */
export type ShardMethodChoice =
  | { kind: 'kiago' }
  | { kind: 'kiago-random-init' }
  | { kind: 'rule-based-rounding'; maxAtoms: number }
  | { kind: 'c-es' };

export type ShardMethodInput = Omit<OptimiseShardInput, 'initialisation' | 'integerConversion' | 'method'>;

/**
 * Runs one shard with the chosen method: KIAGO; KIAGO from random initial compositions
 * (spec.maxElements random elements); KIAGO without the integer loss and rule-based rounding; or
 * C-ES (no optimisation: steps, progress and cancellation do not apply).
 */
export function runShardMethod(method: ShardMethodChoice, input: ShardMethodInput): Promise<ShardResult> {
  switch (method.kind) {
    case 'kiago':
      return optimiseShard(input);
    case 'kiago-random-init':
      return optimiseShard({
        ...input,
        initialisation: { kind: 'random', elementCount: input.spec.maxElements },
        method: 'kiago-random-init',
      });
    case 'rule-based-rounding':
      return ruleBasedRoundingShard({ ...input, maxAtoms: method.maxAtoms });
    case 'c-es':
      return conventionalSubstitutionShard(input);
  }
}
