import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFileError, SpecError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { runKiago } from './fixtures/run-kiago.js';
import { registerScreenCommand } from './screen.js';

const file = join(mkdtempSync(join(tmpdir(), 'kiago-cli-screen-')), 'formulas.csv');
writeFileSync(file, 'formula,ef_ev_per_atom\nLa2CuO4,-1.2\nNaCl2,-0.5\nFeXx,-1\nLaH10,-0.1\n');

const run = (...args: string[]) => runKiago([registerScreenCommand], ['screen', ...args]);

describe('kiago screen', () => {
  it('prints flags per formula as JSON, bad rows with their reason', async () => {
    const output = JSON.parse((await run(file, '--format', 'json')).stdout);
    expect(output.summary).toEqual({ rows: 4, valid: 1, bad: 1 });
    expect(output.rows[0]).toMatchObject({ ok: true, line: 2, formula: 'La2CuO4', flags: { valid: true } });
    expect(output.rows[1].flags).toMatchObject({ valid: false, chargeNeutral: false });
    expect(output.rows[2]).toMatchObject({ ok: false, line: 4, error: expect.stringMatching(/Xx/) });
    // LaH10 is not neutral with one state per element: normal mode fails it.
    expect(output.rows[3].flags.valid).toBe(false);
  });

  it('hydride mode and a table with the reasons; a summary on stderr', async () => {
    const { stdout, stderr } = await run(file, '--mode', 'hydride');
    const line = stdout.split('\n').find((l) => l.includes('LaH10'));
    expect(line).toMatch(/^\s*5\s+LaH10\s+LaH10\s+-0\.10*\s+true\s+true/);
    expect(stdout).toMatch(/unreadable: invalid formula "FeXx"/);
    expect(stderr).toBe('4 rows: 1 valid, 1 unreadable\n');
  });

  it('validates flags and the file with typed errors', async () => {
    await expect(run(file, '--oxidation-states', 'smact99')).rejects.toThrow(
      /oxidationStates: must be smact14 or icsd24/,
    );
    await expect(run(file, '--max-elements', '0')).rejects.toBeInstanceOf(SpecError);
    await expect(run('/nonexistent/formulas.csv')).rejects.toBeInstanceOf(DataFileError);
  });
});
