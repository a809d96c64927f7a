// What the end-to-end tests and benches drive without a shell: the single-process dev mode.

export { ensureActiveModels, ensureReferenceSet } from './dev/dev-prerequisites.js';
export { ensureTemporalAddress } from './dev/dev-server.js';
export { devUpWorkerOptions } from './dev/dev-up-options.js';
export { type DemoOptions, type DemoResult, runDemo } from './dev/run-demo.js';
export {
  type AllWorkers,
  type AllWorkersOptions,
  createAllWorkers,
  type RunningWorkers,
  startAllWorkers,
  type WorkerInterceptors,
} from './dev/start-all-workers.js';
