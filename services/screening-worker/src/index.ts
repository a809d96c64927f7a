export {
  createScreeningWorker,
  type ScreeningWorkerOptions,
} from './create-screening-worker.js';
export { parseScreeningWorkerProcessEnv, type ScreeningWorkerProcessEnv } from './env.js';
