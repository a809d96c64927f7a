import { join } from 'node:path';
import { writeMiniDataDir } from '@kiago/datasets/testing';
import { SpecError } from '@kiago/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { commandStdout } from './fixtures/run-kiago.js';
import { registerRefsCommand } from './refs.js';

const { dir: miniData, cleanup } = await writeMiniDataDir();
afterAll(cleanup);
const run = commandStdout(registerRefsCommand, 'refs');

// The set names are the real ones ("mp", …): this is the only test file that imports them.
describe('kiago refs', () => {
  it('imports mp from the data directory, idempotently, and lists it', async () => {
    const first = JSON.parse(await run('import', 'mp', '--data-dir', miniData, '--format', 'json'));
    expect(first).toMatchObject({
      set: 'mp',
      // Roost's 2 rows (a third has no energy) and Matbench's 3 compositions Roost lacks.
      rows: 5,
      report: { rowsRead: 9, dropped: { 'formation_energy_per_atom:not-a-number': 1 } },
    });
    const again = JSON.parse(await run('import', 'mp', '--data-dir', miniData, '--format', 'json'));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });

    const sets = JSON.parse(await run('list', '--format', 'json'));
    expect(sets.find((s: { name: string }) => s.name === 'mp')).toMatchObject({
      entries: 5,
      entriesWithDftEnergy: 5,
    });
    const table = await run('list');
    expect(table).toMatch(/\nmp\s+5\s+5\s+5\s+-\s+Materials Project via Roost.*and Matbench/);
  });

  it('imports alexandria from a dump file', async () => {
    const file = join(miniData, 'alexandria', 'alexandria_sample.json');
    const table = await run('import', 'alexandria', '--file', file);
    expect(table).toMatch(/^set\s+rowsRead\s+rows\s+inserted/);
    expect(table).toMatch(/\nalexandria\s+\d+\s+\d+\s+\d+\s+0\s+0\s+0\s/);
  });

  it('validates the set name and alexandria-only flags', async () => {
    await expect(run('import', 'oqmd')).rejects.toThrow(/set: must be one of mp, mp-binaries, alexandria/);
    await expect(run('import', 'mp', '--file', 'x.json')).rejects.toBeInstanceOf(SpecError);
  });
});
