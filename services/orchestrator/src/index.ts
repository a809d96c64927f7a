export * from './cli/output/format.js';
