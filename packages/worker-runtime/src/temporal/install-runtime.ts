import { DefaultLogger, Runtime, type LogLevel as TemporalLogLevel } from '@temporalio/worker';
import type { LogLevel } from '../env/worker-env.js';

let installed = false;

/**
 * Installs the process-wide Temporal runtime once, logging at `level`. The runtime also owns the
 * shutdown signals: SIGINT/SIGTERM make every worker of the process drain and stop.
 */
export function installTemporalRuntime(level: LogLevel): void {
  if (installed) return;
  installed = true;
  Runtime.install({ logger: new DefaultLogger(level.toUpperCase() as TemporalLogLevel) });
}
