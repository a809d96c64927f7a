export type { Block, Element } from './element.js';
export { ELEMENT_COUNT } from './element.js';
export { ELEMENTS, elementBySymbol, requireElement } from './element-lookup.js';
export { ELEMNET_INDICES, ELEMNET_SYMBOLS } from './elemnet.js';
export { NO_STABLE_ISOTOPE, NOBLE_GASES, SUPPORTED_ELEMENT_SYMBOLS } from './supported-elements.js';
export { isInTcDomain, MIN_TRAINING_SUPERCONDUCTORS, TC_TRAINING_SUPPORT } from './tc-training-support.js';
