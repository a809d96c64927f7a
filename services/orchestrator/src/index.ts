export {
  createOrchestratorWorker,
  type OrchestratorWorkerOptions,
} from './create-orchestrator-worker.js';
export { type OrchestratorEnv, parseOrchestratorEnv } from './env.js';
