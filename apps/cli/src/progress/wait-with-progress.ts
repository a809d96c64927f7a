import type { Db } from '@kiago/db';
import type { RunProgress } from '@kiago/orchestration';
import { createProgressReporter } from './progress-reporter.js';
import { watchRun } from './watch-run.js';

export interface WaitWithProgressOptions {
  db: Db;
  runId: string;
  pollIntervalMs?: number;
  /** Where the bar or log lines go; stderr keeps stdout clean for --format json. */
  stream?: NodeJS.WriteStream;
  logIntervalMs?: number;
  startTimeoutMs?: number;
}

/**
 * `--wait`: shows the run's progress until it finishes. Ctrl-C stops waiting (the run goes on in
 * Temporal) and returns null; a second Ctrl-C exits as usual.
 */
export async function waitWithProgress(options: WaitWithProgressOptions): Promise<RunProgress | null> {
  const { runId, stream = process.stderr } = options;
  const stop = new AbortController();
  const onInterrupt = () => stop.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const final = await watchRun({
      db: options.db,
      runId,
      reporter: createProgressReporter({ stream, logIntervalMs: options.logIntervalMs }),
      pollIntervalMs: options.pollIntervalMs,
      startTimeoutMs: options.startTimeoutMs,
      signal: stop.signal,
    });
    if (final === null)
      stream.write(`stopped waiting; run ${runId} goes on (follow it: kiago run watch ${runId})\n`);
    return final;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}
