import { ELEMNET_SYMBOLS } from './elemnet.js';
import { TC_TRAINING_SUPPORT } from './tc-training-support.js';

/** Noble gases among ElemNet's inputs: no superconductor contains one; the models extrapolate. */
export const NOBLE_GASES: readonly string[] = ['He', 'Ne', 'Ar', 'Kr', 'Xe', 'Rn'];

/**
 * ElemNet inputs without a stable isotope: nobody synthesises a bulk superconductor from them. Bi is
 * kept (²⁰⁹Bi's half-life is 2·10¹⁹ years); Th and U are left out although primordial and in the
 * training data, because every one of their compounds is a radiological material, not a candidate.
 */
export const NO_STABLE_ISOTOPE: readonly string[] = ['Tc', 'Pm', 'Ac', 'Th', 'Pa', 'U', 'Np', 'Pu'];

const left = new Set([...NOBLE_GASES, ...NO_STABLE_ISOTOPE]);
const support = new Set(TC_TRAINING_SUPPORT);

/**
 * The project's default optimisable set (a deliberate deviation from the reference's 86 ElemNet
 * inputs): ElemNet inputs inside the Tc model's training support, minus noble gases and elements
 * without a stable isotope. 76 elements, ascending Z.
 */
export const SUPPORTED_ELEMENT_SYMBOLS: readonly string[] = ELEMNET_SYMBOLS.filter(
  (symbol) => support.has(symbol) && !left.has(symbol),
);
