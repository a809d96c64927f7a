import { writeMiniDataDir } from '@kiago/datasets/testing';
import { DataFileError, SpecError } from '@kiago/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { registerDataCommand } from './data.js';
import { commandStdout } from './fixtures/run-kiago.js';

const { dir: miniData, cleanup } = await writeMiniDataDir();
afterAll(cleanup);
const run = commandStdout(registerDataCommand, 'data', 'stats');

describe('kiago data stats', () => {
  it('prints every data set report as JSON', async () => {
    const stats = JSON.parse(await run('--data-dir', miniData, '--format', 'json'));
    expect(stats.dataDir).toBe(miniData);
    const superdiff = stats.datasets.find((d: { dataset: string }) => d.dataset === 'supercon-superdiff');
    expect(superdiff).toMatchObject({ rowsRead: 10, rowsKept: 4, duplicatesMerged: 3 });
    expect(stats.datasets).toHaveLength(11);
  });

  it('prints a table with drop reasons', async () => {
    const table = await run('--data-dir', miniData);
    const line = table.split('\n').find((l) => l.startsWith('mp-non-metals'));
    expect(line).toMatch(/^mp-non-metals\s+4\s+2\s+1\s+1\s+\d+\s+band_gap:at-or-below-0-eV=1\s/);
  });

  it('rejects an unknown format and a missing data directory', async () => {
    await expect(run('--format', 'yaml')).rejects.toBeInstanceOf(SpecError);
    await expect(run('--data-dir', '/nonexistent/kiago')).rejects.toBeInstanceOf(DataFileError);
    await expect(run('--data-dir', '/nonexistent/kiago')).rejects.toThrow(/KIAGO_DATA_DIR/);
  });
});
