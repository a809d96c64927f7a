import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { temporalTestAddress } from '../setup/temporal-address.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/temporal-dev.sh', import.meta.url));
const run = promisify(execFile);

describe('scripts/temporal-dev.sh start', () => {
  it('refuses a port that another Temporal server already serves', { timeout: 60_000 }, async () => {
    const address = await temporalTestAddress(); // the test run's server: not started by the script
    const port = address.slice(address.lastIndexOf(':') + 1);
    const { TEMPORAL_ADDRESS: _unset, ...env } = process.env;
    const result = await run('bash', [SCRIPT, 'start'], { env: { ...env, KIAGO_TEMPORAL_PORT: port } }).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `127.0.0.1:${port} is already served by a Temporal server this script did not start`,
    );
  });
});
