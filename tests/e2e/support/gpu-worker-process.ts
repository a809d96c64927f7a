import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const HOOKS = fileURLToPath(new URL('./ts-source-hooks.mjs', import.meta.url));

export interface GpuWorkerProcess {
  child: ChildProcess;
  /** Everything it printed (shown when a test fails). */
  output(): string;
  /** Resolves with how it ended: its exit code, or the signal that killed it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The real gpu-worker entry point (services/gpu-worker/src/worker.ts) as its own `node` process,
 * configured only through its environment, like a pod.
 */
export function spawnGpuWorker(env: {
  databaseUrl: string;
  temporalAddress: string;
  taskQueueSuffix: string;
  /** KIAGO_HEALTH_PORT; default any free port. */
  healthPort?: number;
}): GpuWorkerProcess {
  const child = spawn(
    process.execPath,
    [
      '--experimental-transform-types',
      '--no-warnings',
      '--conditions=@kiago/source',
      '--import',
      HOOKS,
      'services/gpu-worker/src/worker.ts',
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: env.databaseUrl,
        TEMPORAL_ADDRESS: env.temporalAddress,
        KIAGO_TASK_QUEUE_SUFFIX: env.taskQueueSuffix,
        KIAGO_HEALTH_PORT: String(env.healthPort ?? 0),
        KIAGO_TF_BACKEND: 'auto',
        KIAGO_GPU_SLOTS: '1',
        KIAGO_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  return { child, output: () => output, exited };
}
