export { type RunSummary, type SummaryCandidate, summariseRun } from '../summary/summarise-run.js';
export {
  createScreeningWorker,
  type ScreeningWorkerActivities,
  type ScreeningWorkerOptions,
} from './create-screening-worker.js';
export { parseScreeningWorkerProcessEnv, type ScreeningWorkerProcessEnv } from './worker-env.js';
