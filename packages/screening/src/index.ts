export {
  DEFAULT_BATCH_SIZE,
  DEFAULT_HULL_REFERENCE_SET,
  type ScreeningActivityDeps,
  type ScreeningLogger,
  type ScreeningProgress,
} from './activities/activity-deps.js';
export {
  createScreeningActivities,
  type ScreeningActivities,
  type ScreeningWorkerActivities,
} from './activities/create-screening-activities.js';
export { type DedupeRunSummary, dedupeRun } from './activities/dedupe-run.js';
export { type HullShardSummary, hullShard } from './activities/hull-shard.js';
export {
  type ScreenAndHullShardSummary,
  screenAndHullShard,
} from './activities/screen-and-hull-shard.js';
export { type ScreenShardSummary, screenShard, type UnreadableCandidate } from './activities/screen-shard.js';
export { checkElementCount } from './checks/element-count.js';
export { type CheckOutcome, checkFormationEnergy } from './checks/formation-energy.js';
export {
  checkSubstitution,
  SUBSTITUTION_TOLERANCE_FRACTION,
  type SubstitutionCheckResult,
  type SubstitutionSpec,
} from './checks/substitution.js';
export { screeningCounts } from './counts/screening-counts.js';
export {
  type BestPerKey,
  bestPerCanonicalKey,
  type DedupeCandidate,
} from './dedupe/best-per-canonical-key.js';
export {
  type FormulaScreenOptions,
  type FormulaScreenRow,
  screenFormulaFile,
} from './formulas/screen-formula-file.js';
export {
  type HullCandidate,
  type HullDecompositionPart,
  type HullDistanceResult,
  type HullReference,
  hullDistance,
} from './hull/hull-distance.js';
export { HullSolveError } from './hull/hull-error.js';
export { type HullLpProblem, type HullLpSolution, solveHullLp } from './hull/hull-lp.js';
export { groupReferencesBySystem, type ReferencesBySystem, systemKey } from './hull/reference-index.js';
export {
  HYDRIDE_DEFAULTS,
  type HydrideScreenOptions,
  type HydrideScreenResult,
  screenHydride,
} from './hydride/screen-hydride.js';
export { OXIDATION_STATE_SETS, type OxidationStateSet } from './oxidation-state-set.js';
export { hullEnergySource } from './references/hull-energy-source.js';
export {
  type HullForFormulaOptions,
  type HullForFormulaResult,
  type HullPhase,
  hullForFormula,
} from './references/hull-for-formula.js';
export {
  type ImportReferencesOptions,
  type ImportReferencesResult,
  importReferences,
  referenceSetNameSchema,
} from './references/import-references.js';
export {
  type LoadReferenceSystemsOptions,
  loadReferenceSystems,
  type ReferenceEnergySource,
  type ReferenceSystems,
  type StoredReference,
} from './references/load-reference-systems.js';
export { ReferenceEnergiesMissingError, ReferenceSetNotFoundError } from './references/reference-errors.js';
export type { ReferenceRow } from './references/reference-row.js';
export {
  findReferenceSet,
  listReferenceSets,
  type ReferenceSetRecord,
  type ReferenceSetSummary,
} from './references/reference-sets.js';
export {
  alexandriaReferenceRows,
  mpBinariesReferenceRows,
  mpReferenceRows,
  type ReferenceSourceRows,
} from './references/reference-sources.js';
export { subsetSystemKeys } from './references/subset-system-keys.js';
export {
  type CandidateScreenFlags,
  type CandidateScreenOptions,
  type CandidateToScreen,
  type ScreeningMode,
  screenCandidate,
} from './screen-candidate.js';
export {
  type SmactPassRule,
  type SmactScreenOptions,
  type SmactScreenResult,
  screenComposition,
} from './smact/screen-composition.js';
export { screenOptionsFromSpec } from './spec/screen-options-from-spec.js';
export { type RunSummary, type SummaryCandidate, summariseRun } from './summary/summarise-run.js';
