export type { Composition } from './composition.js';
export { CompositionError, type CompositionErrorReason } from './composition-error.js';
export { canonicalKey, elementSetKey, reducedFormula } from './composition-keys.js';
export { compositionToVector, vectorToComposition } from './composition-vector.js';
export { DEFAULT_MAX_DENOMINATOR, toIntegerCounts } from './integer-counts.js';
export { normaliseComposition } from './normalise-composition.js';
