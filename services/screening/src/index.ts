export { checkElementCount } from './checks/element-count.js';
export { type CheckOutcome, checkFormationEnergy } from './checks/formation-energy.js';
export {
  checkSubstitution,
  SUBSTITUTION_TOLERANCE_FRACTION,
  type SubstitutionCheckResult,
  type SubstitutionSpec,
} from './checks/substitution.js';
export {
  type BestPerKey,
  bestPerCanonicalKey,
  type DedupeCandidate,
} from './dedupe/best-per-canonical-key.js';
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
