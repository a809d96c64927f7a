import { type OptimiseShardInput, optimiseShard } from '../optimiser/optimise-shard.js';
import type { ShardResult } from '../optimiser/shard-result.js';
import { conventionalSubstitutionShard } from './ces-shard.js';
import { ruleBasedRoundingShard } from './rule-based-rounding.js';

/** The generators the paper compares, behind one call. */
export type ShardMethodChoice =
  | { kind: 'kiago' }
  | { kind: 'kiago-random-init' }
  | { kind: 'random-init-first-stage'; elementCount: number; learningRate: number }
  | { kind: 'rule-based-rounding'; maxAtoms: number }
  | { kind: 'c-es' };

export type ShardMethodInput = Omit<OptimiseShardInput, 'initialisation' | 'integerConversion' | 'method'>;

/**
 * Runs one shard with the chosen method: KIAGO; KIAGO's whole pipeline from random initial
 * compositions (spec.maxElements random elements; ours, not the paper's); the paper's Fig. 3
 * experiment (elementCount random elements, its own learning rate, first stage only: β = 0, no
 * M_max, stop at T/2); KIAGO without the integer loss and rule-based rounding; or C-ES (no
 * optimisation: steps, progress and cancellation do not apply).
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
    case 'random-init-first-stage':
      return optimiseShard({
        ...input,
        spec: { ...input.spec, learningRate: method.learningRate, beta: { kind: 'constant', value: 0 } },
        initialisation: { kind: 'random', elementCount: method.elementCount },
        stopAfterFirstStage: true,
        method: 'random-init-first-stage',
      });
    case 'rule-based-rounding':
      return ruleBasedRoundingShard({ ...input, maxAtoms: method.maxAtoms });
    case 'c-es':
      return conventionalSubstitutionShard(input);
  }
}
