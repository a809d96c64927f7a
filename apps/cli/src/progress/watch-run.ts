import type { Db } from '@kiago/db';
import { type RunProgress, readRunProgress } from '@kiago/orchestration';
import { KiagoError, NotFoundError } from '@kiago/shared';
import { TERMINAL_RUN_STATUSES } from './progress-line.js';
import type { ProgressReporter } from './progress-reporter.js';

/** The run row did not appear: the workflow that creates it is not being worked. */
export class RunNotStartedError extends KiagoError {
  readonly code = 'RUN_NOT_STARTED';
  readonly nonRetryable = false;

  constructor(runId: string, waitedMs: number) {
    super(
      `run ${runId} was not created within ${Math.round(waitedMs / 1000)} s: is a kiago-orchestrator worker ` +
        'polling this task queue? (the workflow keeps waiting; follow it later with kiago run watch)',
    );
  }
}

export interface WatchRunOptions {
  db: Db;
  runId: string;
  reporter: ProgressReporter;
  pollIntervalMs?: number;
  /** How long a just-launched run may take to get its row (the workflow creates it). */
  startTimeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Polls the run's progress in Postgres until it finishes, showing each state. Returns the final
 * state, or null when `signal` aborted the wait first (the run goes on regardless).
 */
export async function watchRun(options: WatchRunOptions): Promise<RunProgress | null> {
  const { db, runId, reporter, pollIntervalMs = 1000, startTimeoutMs = 60_000, signal } = options;
  const startedAtMs = Date.now();
  let last: RunProgress | null = null;
  while (!signal?.aborted) {
    const progress = await readRunProgress(db, runId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (progress) {
      last = progress;
      reporter.update(progress);
      if (TERMINAL_RUN_STATUSES.has(progress.status)) {
        reporter.stop(progress);
        return progress;
      }
    } else if (Date.now() - startedAtMs > startTimeoutMs) {
      reporter.stop(null);
      throw new RunNotStartedError(runId, startTimeoutMs);
    }
    await sleep(pollIntervalMs, signal);
  }
  reporter.stop(last);
  return null;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
