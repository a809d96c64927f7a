import { ELEMENTS } from './element-lookup.js';

/** Noble gases and short-lived radioactive elements that ElemNet's training data never contained. */
const ELEMNET_EXCLUDED = new Set(['He', 'Ne', 'Ar', 'Po', 'At', 'Rn', 'Fr', 'Ra']);

const ELEMNET_ELEMENTS = ELEMENTS.filter((e) => e.z <= 94 && !ELEMNET_EXCLUDED.has(e.symbol));

/** The 86 ElemNet input elements (H, Li–F, Na–Cl, K–Bi, Ac–Pu) in ascending Z (DESIGN §4). */
export const ELEMNET_SYMBOLS: readonly string[] = ELEMNET_ELEMENTS.map((e) => e.symbol);

/** Index of each ElemNet input in the 118-long composition vector (Z - 1). */
export const ELEMNET_INDICES: readonly number[] = ELEMNET_ELEMENTS.map((e) => e.z - 1);
