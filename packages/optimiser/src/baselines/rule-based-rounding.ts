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
 * Re-converts a finished shard's compositions by rule-based rounding at `maxAtoms` (and
 * re-predicts): its final ones, or with `from: 'first-stage'` those at T/2 — the paper's Table 1
 * baseline, which rounds the composition KIAGO's second stage starts from, with no extra steps.
 * The result's `continuous` is the matrix that was rounded.
 */
export function roundShardByRule(
  result: ShardResult,
  maxAtoms: number,
  models: ShardModels,
  options: { from?: 'final' | 'first-stage'; microBatch?: number } = {},
): ShardResult {
  const rows = result.candidates.length;
  const continuous = options.from === 'first-stage' ? result.firstStageContinuous : result.continuous;
  if (continuous === null) throw new RangeError(`roundShardByRule: ${result.method} has no first stage`);
  const finalised = finaliseCandidates({
    continuous,
    rows,
    baseVector: compositionToVector(parseFormula(result.base)),
    forms: integerForms(continuous, rows, ruleBasedConversion(maxAtoms)),
    models,
    microBatch: options.microBatch ?? DEFAULT_MICRO_BATCH,
  });
  return { ...result, ...finalised, continuous, method: 'rule-based-rounding' };
}
