// The gpu and screening workers of a scale run as their own processes (their production entry
// points), so the workflow worker's event loop never waits on TensorFlow or the hull.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

export interface WorkerProcesses {
  stop(): Promise<void>;
}

export function spawnWorkerProcesses(
  env: Record<string, string>,
  gpuSlots: number,
  screeningConcurrency: number,
): WorkerProcesses {
  const common = { ...process.env, ...env, KIAGO_HEALTH_PORT: '0', KIAGO_LOG_LEVEL: 'warn' };
  const children: ChildProcess[] = [
    spawn(process.execPath, ['services/gpu-worker/dist/worker.js'], {
      env: { ...common, KIAGO_GPU_SLOTS: String(gpuSlots), KIAGO_TF_BACKEND: 'auto' },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
    spawn(process.execPath, ['services/screening-worker/dist/worker.js'], {
      env: { ...common, KIAGO_SCREENING_CONCURRENCY: String(screeningConcurrency) },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  ];
  return {
    async stop() {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(children.map((child) => (child.exitCode === null ? once(child, 'exit') : undefined)));
    },
  };
}
