export * from './composition/index.js';
export * from './elements/index.js';
export * from './errors.js';
export * from './formula/index.js';
export * from './random/index.js';
export * from './spec/index.js';
export * from './zod-issues.js';
