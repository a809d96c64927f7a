export type { Block, Element } from './element.js';
export { ELEMENT_COUNT } from './element.js';
export { ELEMENTS, elementBySymbol, requireElement } from './element-lookup.js';
export { ELEMNET_INDICES, ELEMNET_SYMBOLS } from './elemnet.js';
