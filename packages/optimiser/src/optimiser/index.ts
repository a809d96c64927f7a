export { type CandidateRowIds, toCandidateRows } from './candidate-rows.js';
export { type CompositionMapTensors, compositionFromLogits, normaliseRows } from './composition-map.js';
export { SUPERCON_ELEMENT_COUNT_ROWS, SUPERCON_ELEMENT_COUNTS } from './element-frequency.gen.js';
export { type ElementSampler, frequencyElementSampler } from './element-sampler.js';
export { type FinalisedCandidates, type FinaliseInput, finaliseCandidates } from './finalise-candidates.js';
export { type InitialisationInput, initialCandidates } from './initialisation.js';
export {
  type IntegerConversion,
  type IntegerForm,
  integerForms,
  integerLossConversion,
  ruleBasedConversion,
} from './integer-conversion.js';
export { bestNUnits, integerLossAt, roundedCounts, roundHalfEven } from './integer-grid.js';
export { integerLoss } from './integer-loss.js';
export {
  type FoldedShardModels,
  foldShardModels,
  type LoadedShardModels,
  loadShardModels,
} from './load-shard-models.js';
export { buildMaxElementMask, type MaxElementMask } from './max-element-mask.js';
export { DEFAULT_MICRO_BATCH, type OptimiseShardInput, optimiseShard } from './optimise-shard.js';
export { OptimisationCancelledError } from './optimiser-errors.js';
export type { ShardModels } from './optimiser-step.js';
export { predictInBatches } from './predict-in-batches.js';
export { resolveShardProblem, type ShardProblem, type ShardProblemOverrides } from './shard-problem.js';
export type {
  CandidateFailure,
  OptimiserProgress,
  ShardCandidate,
  ShardMethod,
  ShardResult,
  ShardTrajectory,
} from './shard-result.js';
export { shardSeed } from './shard-seed.js';
export { fixedPartUnit, substitutionCounts } from './substitution-counts.js';
export { predictTcEnsemble, type TcEnsembleStats } from './tc-ensemble.js';
