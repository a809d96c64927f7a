import type { GpuWorkerProcessEnv } from '@kiago/gpu-worker';
import type { WorkerProcessDeps } from '@kiago/worker-runtime';
import type { AllWorkersOptions } from './start-all-workers.js';

/** The workers of `kiago dev up`, configured like the gpu-worker process (KIAGO_SHUTDOWN_GRACE_S included). */
export function devUpWorkerOptions(env: GpuWorkerProcessEnv, deps: WorkerProcessDeps): AllWorkersOptions {
  return {
    ...deps,
    taskQueues: env.worker.temporal.taskQueues,
    backend: env.tfBackend,
    gpuSlots: env.slots,
    shutdownGraceMs: env.shutdownGraceMs,
    ...(env.modelsDir && { modelsDir: env.modelsDir }),
  };
}
