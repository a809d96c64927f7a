import { randomUUID } from 'node:crypto';
import { writeMiniDataDir } from '@kiago/datasets/testing';
import { createDb, type Db } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { parseFormula, SpecError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReferences } from './import-references.js';
import type { ReferenceRow } from './reference-row.js';
import { listReferenceSets } from './reference-sets.js';
import { mpBinariesReferenceRows, mpReferenceRows } from './reference-sources.js';

const row = (sourceId: string, formula: string, dftEfEvPerAtom: number | null): ReferenceRow => ({
  sourceId,
  formula,
  composition: parseFormula(formula),
  dftEfEvPerAtom,
});
const uniqueSet = (label: string) => `test-${label}-${randomUUID().slice(0, 8)}`;
const { dir: miniData, cleanup } = await writeMiniDataDir();
afterAll(cleanup);

describe('importReferences', () => {
  let db: Db;
  beforeAll(() => {
    db = createDb({ databaseUrl: testDatabaseUrl() });
  });
  afterAll(() => db?.close());

  const entriesOf = (set: string) =>
    db.prisma.referenceEntry.findMany({
      where: { referenceSet: { name: set } },
      orderBy: { sourceId: 'asc' },
    });

  it('writes entries in batches with normalised compositions, element-set keys and elements', async () => {
    const set = uniqueSet('write');
    const rows = [row('mp-1', 'La2CuO4', -2.6), row('mp-2', 'Fe2O3', -1.7), row('mp-3', 'Ag(AuS)2', null)];
    const result = await importReferences(db, { set, source: 'fixture', rows, batchSize: 2 });
    expect(result).toMatchObject({ set, rows: 3, inserted: 3, updated: 0, unchanged: 0 });

    const entries = await entriesOf(set);
    expect(entries.map((e) => [e.sourceId, e.elementSetKey, e.elements, e.dftEfEvPerAtom])).toEqual([
      ['mp-1', 'Cu-La-O', ['Cu', 'La', 'O'], -2.6],
      ['mp-2', 'Fe-O', ['Fe', 'O'], -1.7],
      ['mp-3', 'Ag-Au-S', ['Ag', 'Au', 'S'], null],
    ]);
    expect(entries[0]!.composition).toEqual({ La: 2 / 7, Cu: 1 / 7, O: 4 / 7 });
  });

  it('is idempotent on (set, sourceId): re-import skips, changes update, energies of changed compositions go', async () => {
    const set = uniqueSet('reimport');
    const rows = [row('mp-1', 'FeAl', -1.0), row('mp-2', 'Fe2Al', -0.5)];
    const first = await importReferences(db, { set, source: 'v1', rows });
    expect(await importReferences(db, { set, source: 'v1', rows })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });

    const model = await db.prisma.modelVersion.create({
      data: { kind: 'EF', version: `import-${randomUUID()}`, path: '/m', manifest: {} },
    });
    const ids = (await entriesOf(set)).map((e) => e.id);
    await db.prisma.referenceEnergy.createMany({
      data: ids.map((referenceEntryId) => ({ referenceEntryId, modelVersionId: model.id, efEvPerAtom: -1 })),
    });
    // mp-1 changes energy only (its model energy stays), mp-2 changes composition (its energy is stale).
    const changed = [row('mp-1', 'FeAl', -1.1), row('mp-2', 'FeAl3', -0.4), row('mp-4', 'Al', 0)];
    expect(await importReferences(db, { set, source: 'v2', rows: changed })).toMatchObject({
      referenceSetId: first.referenceSetId,
      inserted: 1,
      updated: 2,
      unchanged: 0,
      staleEnergiesDeleted: 1,
    });
    const entries = await entriesOf(set);
    expect(entries.map((e) => [e.sourceId, e.formula, e.dftEfEvPerAtom])).toEqual([
      ['mp-1', 'FeAl', -1.1],
      ['mp-2', 'FeAl3', -0.4],
      ['mp-4', 'Al', 0],
    ]);
    const energies = await db.prisma.referenceEnergy.findMany({ where: { modelVersionId: model.id } });
    expect(energies.map((e) => e.referenceEntryId)).toEqual([ids[0]]);
    const listed = (await listReferenceSets(db)).find((s) => s.name === set);
    expect(listed).toMatchObject({ source: 'v2', entries: 3, systems: 2, entriesWithDftEnergy: 3 });
    expect(listed?.modelEnergies).toEqual({ [model.version]: 1 });
  });

  it('rejects duplicate ids, bad compositions and NaN energies, naming the rows, and writes nothing', async () => {
    const set = uniqueSet('bad');
    const bad = [
      row('mp-1', 'FeAl', -1.0),
      row('mp-1', 'Fe2Al', -0.5),
      { ...row('mp-3', 'NaCl', Number.NaN) },
      { sourceId: 'mp-4', formula: 'Xx', composition: new Map([['Xx', 1]]), dftEfEvPerAtom: -1 },
      { sourceId: 'mp-5', formula: '', composition: new Map(), dftEfEvPerAtom: -1 },
    ];
    const attempt = importReferences(db, { set, source: 'fixture', rows: bad });
    await expect(attempt).rejects.toBeInstanceOf(SpecError);
    await expect(attempt).rejects.toThrow(/1\.sourceId: duplicate id "mp-1" \(already row 0\)/);
    await expect(attempt).rejects.toThrow(/2\.dftEfEvPerAtom/);
    await expect(attempt).rejects.toThrow(/3\.composition: .*unknown element symbol "Xx"/);
    await expect(attempt).rejects.toThrow(/4\.formula.*4\.composition/);
    expect(await db.prisma.referenceSet.count({ where: { name: set } })).toBe(0);
    await expect(importReferences(db, { set: 'MP!', source: 'x', rows: [] })).rejects.toThrow(/set: must be/);
  });

  it('builds the mp and mp-binaries sets from the MP tables through the dataset loaders', async () => {
    const mp = await mpReferenceRows({ dataDir: miniData });
    // Roost mini data: Li2AgSb, AlB2, and Ar with a NaN energy (dropped by the loader). Matbench
    // fills the compositions Roost lacks with its lowest polymorph: WC, ZrC, Cr2O3 (Cr16O24).
    expect(mp.rows.map((r) => [r.sourceId, r.formula, r.dftEfEvPerAtom])).toEqual([
      ['mp-fixture-21', 'Li2AgSb', -0.3384],
      ['mp-fixture-22', 'AlB2', -0.1152],
      ['matbench:CW', 'W1C1', -0.231],
      ['matbench:CZr', 'Zr1C1', -0.912],
      ['matbench:O3Cr2', 'Cr16O24', -1.7245],
    ]);
    expect(mp.source).toMatch(/Roost.*Matbench.*for the 3 compositions Roost lacks/);
    expect(mp.source).toMatch(/roost_mp_formation\.csv, mp_formation_energy\/matbench_mp_e_form\.csv/);
    expect(mp.report).toMatchObject({ rowsRead: 9, rowsKept: 5, duplicatesMerged: 3 });
    const binaries = await mpBinariesReferenceRows({ dataDir: miniData });
    expect(binaries.rows.map((r) => r.sourceId)).toEqual(['mp-fixture-31', 'mp-fixture-32']);
    const set = uniqueSet('mp');
    expect(await importReferences(db, { set, ...mp })).toMatchObject({ inserted: 5 });
  });
});
