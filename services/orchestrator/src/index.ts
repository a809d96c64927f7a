export * from './cli/output/format.js';
export * from './autoscaler/index.js';
