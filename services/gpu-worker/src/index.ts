export { createGpuWorker, type GpuWorker, type GpuWorkerOptions } from './create-gpu-worker.js';
export { type GpuWorkerProcessEnv, parseGpuWorkerProcessEnv } from './env.js';
