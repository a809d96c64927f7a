import { randomUUID } from 'node:crypto';
import { createDb, type Db } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { importReferences, ReferenceSetNotFoundError } from '@kiago/screening';
import { parseFormula, SpecError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandStdout } from './fixtures/run-kiago.js';
import { registerHullCommand } from './hull.js';

const set = `test-cli-hull-${randomUUID().slice(0, 8)}`;
let db: Db;
const run = commandStdout(registerHullCommand, 'hull');

beforeAll(async () => {
  db = createDb({ databaseUrl: testDatabaseUrl() });
  await importReferences(db, {
    set,
    source: 'fixture',
    rows: [
      { sourceId: 'r-FeAl', formula: 'FeAl', composition: parseFormula('FeAl'), dftEfEvPerAtom: -1.0 },
      { sourceId: 'r-Fe2Al', formula: 'Fe2Al', composition: parseFormula('Fe2Al'), dftEfEvPerAtom: -0.5 },
    ],
  });
});
afterAll(() => db?.close());

describe('kiago hull', () => {
  it('prints E_hull, e_above_hull and the decomposition as JSON', async () => {
    const result = JSON.parse(await run('Fe3Al', '--refs', set, '--ef', '-0.3', '--format', 'json'));
    expect(result).toMatchObject({ formula: 'Fe3Al', referenceSet: set, energies: 'dft' });
    expect(result.eHullEvPerAtom).toBeCloseTo(-0.5, 12);
    expect(result.eAboveHullEvPerAtom).toBeCloseTo(0.2, 12);
    expect(result.decomposition.map((p: { id: string | null }) => p.id).sort()).toEqual([null, 'r-FeAl']);
  });

  it('prints a summary and a phase table; CSV repeats the numbers per phase', async () => {
    const table = await run('FeAl3', '--refs', set);
    expect(table).toMatch(/^formula\s+reduced\s+system/);
    expect(table).toMatch(/FeAl3\s+Al3Fe\s+Al-Fe\s+\S+\s+dft\s+2\s+-0\.5\d*\s+-/);
    expect(table).toMatch(/\nFeAl\s+r-FeAl\s+0\.5\d*\s+-1\n/);
    const csv = (await run('FeAl', '--refs', set, '--ef', '-0.9', '--format', 'csv')).trim().split('\n');
    expect(csv[0]).toBe('formula,eHullEvPerAtom,eAboveHullEvPerAtom,phase,id,fraction,efEvPerAtom');
    expect(csv[1]).toMatch(/^FeAl,-1,0\.1\d*,FeAl,r-FeAl,1,-1$/);
  });

  it('says which import to run for a missing set, and refuses a non-numeric Ef', async () => {
    await expect(run('FeAl', '--refs', 'mp-missing')).rejects.toBeInstanceOf(ReferenceSetNotFoundError);
    await expect(run('FeAl', '--refs', 'mp-missing')).rejects.toThrow('run kiago refs import mp-missing');
    await expect(run('FeAl', '--refs', set, '--ef', 'NaN')).rejects.toBeInstanceOf(SpecError);
    await expect(run('FeAl', '--refs', set, '--ef', 'NaN')).rejects.toThrow(/ef: must be a finite number/);
  });
});
