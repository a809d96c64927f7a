import { compositionToVector, parseFormula } from '@kiago/shared';
import { finaliseCandidates } from '../optimiser/finalise-candidates.js';
import { integerForms, ruleBasedConversion } from '../optimiser/integer-conversion.js';
import { DEFAULT_MICRO_BATCH, type OptimiseShardInput, optimiseShard } from '../optimiser/optimise-shard.js';
import type { ShardModels } from '../optimiser/optimiser-step.js';
import type { ShardResult } from '../optimiser/shard-result.js';

/**
 * The rule-based integer conversion baseline (paper Table 1): optimise without the integer loss
 * (β = 0), then round x·maxAtoms per element. KIAGO's answer is the same optimisation with the
 * integer loss on and N* chosen from Nset = {1..maxAtoms}.
 */
export function ruleBasedRoundingShard(
  input: OptimiseShardInput & { maxAtoms: number },
): Promise<ShardResult> {
  const { maxAtoms, ...rest } = input;
  return optimiseShard({
    ...rest,
    spec: { ...input.spec, beta: { kind: 'constant', value: 0 } },
    integerConversion: () => ruleBasedConversion(maxAtoms),
    method: 'rule-based-rounding',
  });
}

/**
 * Re-converts a finished shard's continuous compositions by rule-based rounding at `maxAtoms`
 * (and re-predicts), so one β = 0 run serves every maxAtoms of a comparison.
 */
export function roundShardByRule(
  result: ShardResult,
  maxAtoms: number,
  models: ShardModels,
  microBatch = DEFAULT_MICRO_BATCH,
): ShardResult {
  const rows = result.candidates.length;
  const finalised = finaliseCandidates({
    continuous: result.continuous,
    rows,
    baseVector: compositionToVector(parseFormula(result.base)),
    forms: integerForms(result.continuous, rows, ruleBasedConversion(maxAtoms)),
    models,
    microBatch,
  });
  return { ...result, ...finalised, method: 'rule-based-rounding' };
}
