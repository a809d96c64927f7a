import { type ChildProcess, fork } from 'node:child_process';
import type { FromWorker, ToWorker, WorkerConfig } from './unit-worker.ts';
import type { WorkUnit } from './units.ts';

export interface PoolOptions {
  parallel: number;
  worker: WorkerConfig;
  log(line: string): void;
  onBackend(line: string): void;
  /** After each unit, ok or failed (awaited before the worker gets its next unit). */
  onUnit(ok: boolean): Promise<void>;
}

/**
 * Runs `units` on `parallel` worker processes (each loads the models once), longest first so the
 * pool drains evenly; logs progress with an ETA. Resolves with the number of failed units.
 */
export function runUnits(units: readonly WorkUnit[], options: PoolOptions): Promise<number> {
  const queue = [...units].sort((a, b) => cost(b) - cost(a));
  const total = units.length;
  const workers = Math.min(options.parallel, total);
  if (workers === 0) return Promise.resolve(0);
  const started = Date.now();
  let [finished, failed, exited] = [0, 0, 0];
  return new Promise((resolve, reject) => {
    const next = (child: ChildProcess) => {
      const unit = queue.shift();
      child.send((unit ? { type: 'run', unit } : { type: 'stop' }) satisfies ToWorker);
    };
    for (let i = 0; i < workers; i++) {
      const child = fork(new URL('./unit-worker.ts', import.meta.url), [JSON.stringify(options.worker)], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child.on('message', async (message: FromWorker) => {
        if (message.type === 'ready') {
          if (i === 0) options.onBackend(message.backend);
          return next(child);
        }
        finished += 1;
        const ok = message.type === 'done';
        if (!ok) failed += 1;
        const elapsed = (Date.now() - started) / 1000;
        const eta = ((elapsed / finished) * (total - finished)) / 60;
        options.log(
          ok
            ? `${finished}/${total} ${message.id} (${message.seconds.toFixed(1)} s) — about ${eta.toFixed(0)} min left`
            : `${finished}/${total} ${message.id} FAILED: ${message.message}`,
        );
        await options.onUnit(ok);
        next(child);
      });
      child.on('exit', (code) => {
        exited += 1;
        if (code !== 0)
          reject(new Error(`a worker exited with code ${code} after ${finished} of ${total} units`));
        else if (exited === workers) resolve(failed);
      });
    }
  });
}

/** Candidate-steps of a unit (C-ES optimises nothing), for longest-first scheduling. */
function cost(unit: WorkUnit): number {
  if (unit.method.kind === 'c-es') return unit.candidates;
  return unit.candidates * (unit.method.kind === 'random-init-first-stage' ? unit.steps / 2 : unit.steps);
}
