import { randomUUID } from 'node:crypto';
import { createDb, type Db } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { ELEMENTS, FormulaError, NotFoundError, parseFormula, SpecError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hullForFormula } from './hull-for-formula.js';
import { importReferences } from './import-references.js';
import { loadReferenceSystems } from './load-reference-systems.js';
import { ReferenceEnergiesMissingError, ReferenceSetNotFoundError } from './reference-errors.js';
import { subsetSystemKeys } from './subset-system-keys.js';

describe('subsetSystemKeys', () => {
  it('lists every non-empty subset once, keys sorted like elementSetKey', () => {
    expect(subsetSystemKeys([['O', 'La', 'Cu']]).sort()).toEqual(
      ['Cu', 'Cu-La', 'Cu-La-O', 'Cu-O', 'La', 'La-O', 'O'].sort(),
    );
    // Shared subsets of two sets are not repeated; a repeated set is expanded once.
    expect(
      subsetSystemKeys([
        ['Fe', 'O'],
        ['O', 'Ti'],
        ['O', 'Fe'],
      ]).sort(),
    ).toEqual(['Fe', 'Fe-O', 'O', 'O-Ti', 'Ti'].sort());
    expect(subsetSystemKeys([['C', 'B', 'Ba', 'Be', 'Bi', 'Br', 'Ca', 'Cd']])).toHaveLength(255);
  });

  it('rejects unknown symbols and oversized sets with typed errors', () => {
    expect(() => subsetSystemKeys([['Fe', 'Xx']])).toThrow(FormulaError);
    const seventeen = ELEMENTS.slice(0, 17).map((element) => element.symbol);
    expect(() => subsetSystemKeys([seventeen])).toThrow(SpecError);
    expect(() => subsetSystemKeys([seventeen])).toThrow(
      /^hull: [A-Za-z-]+ has 17 elements; the hull handles at most 16$/,
    );
  });
});

describe('loadReferenceSystems and hullForFormula', () => {
  let db: Db;
  let referenceSetId: string;
  const set = `test-load-${randomUUID().slice(0, 8)}`;
  const modelVersion = `load-${randomUUID()}`;
  let modelVersionId: string;

  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl() });
    const rows = [
      ['r1', 'FeAl', -1.0],
      ['r2', 'Fe2Al', -0.5],
      ['r3', 'Fe2O3', -1.7],
      ['r4', 'FeAlO3', -2.0],
      ['r5', 'Al2O3', -3.4],
      ['r6', 'NaCl', -2.1],
      ['r7', 'AlN', null],
    ] as const;
    ({ referenceSetId } = await importReferences(db, {
      set,
      source: 'fixture',
      rows: rows.map(([sourceId, formula, dftEfEvPerAtom]) => ({
        sourceId,
        formula,
        composition: parseFormula(formula),
        dftEfEvPerAtom,
      })),
    }));
    ({ id: modelVersionId } = await db.prisma.modelVersion.create({
      data: { kind: 'EF', version: modelVersion, path: '/m', manifest: {} },
    }));
  });
  afterAll(() => db?.close());

  it('reads only references inside some candidate system (DFT energies)', async () => {
    const systems = await loadReferenceSystems(db, {
      referenceSetId,
      energySource: { kind: 'dft' },
      elementSets: [
        ['Fe', 'Al'],
        ['N', 'Al'],
      ],
    });
    expect(systems.references.map((r) => r.id).sort()).toEqual(['r1', 'r2', 'r7']);
    expect(systems.systemKeysQueried).toBe(5); // Al, Fe, Al-Fe, N, Al-N
    expect(systems.withoutEnergy).toBe(1);
    expect(systems.references.find((r) => r.id === 'r7')?.efEvPerAtom).toBeNaN();
    expect(
      systems.index
        .referencesWithin(['Al', 'Fe'])
        .map((r) => r.id)
        .sort(),
    ).toEqual(['r1', 'r2']);
  });

  it('model energies: missing ones are a typed error naming the version; present ones replace DFT', async () => {
    const entries = await db.prisma.referenceEntry.findMany({ where: { referenceSetId } });
    const id = (sourceId: string) => entries.find((e) => e.sourceId === sourceId)!.id;
    await db.prisma.referenceEnergy.create({
      data: { referenceEntryId: id('r1'), modelVersionId, efEvPerAtom: -2.0 },
    });
    const load = () =>
      loadReferenceSystems(db, {
        referenceSetId,
        referenceSetName: set,
        energySource: { kind: 'model', modelVersionId },
        elementSets: [['Fe', 'Al']],
      });
    await expect(load()).rejects.toBeInstanceOf(ReferenceEnergiesMissingError);
    await expect(load()).rejects.toThrow(
      `${modelVersionId} has no predicted energy for 1 reference(s) of set "${set}" (e.g. r2 Fe2Al)`,
    );
    await db.prisma.referenceEnergy.create({
      data: { referenceEntryId: id('r2'), modelVersionId, efEvPerAtom: -0.1 },
    });
    const systems = await load();
    expect(Object.fromEntries(systems.references.map((r) => [r.id, r.efEvPerAtom]))).toEqual({
      r1: -2.0,
      r2: -0.1,
    });
  });

  it('hullForFormula: E_hull, e_above_hull and the decomposition with energies', async () => {
    const result = await hullForFormula(db, { formula: 'Fe3Al', referenceSet: set, efEvPerAtom: -0.3 });
    expect(result).toMatchObject({ reducedFormula: 'AlFe3', elementSetKey: 'Al-Fe', energies: 'dft' });
    expect(result.eHullEvPerAtom).toBeCloseTo(-0.5, 12);
    expect(result.eAboveHullEvPerAtom).toBeCloseTo(0.2, 12);
    expect(
      result.decomposition.map((p) => [p.id, p.formula, Number(p.fraction.toFixed(12)), p.efEvPerAtom]),
    ).toEqual(
      // Equal fractions: either order.
      expect.arrayContaining([
        ['r1', 'FeAl', 0.5, -1.0],
        [null, 'Fe', 0.5, 0],
      ]),
    );
    expect(result.decomposition).toHaveLength(2);
    const model = await hullForFormula(db, {
      formula: 'Fe3Al',
      referenceSet: set,
      efModelVersion: modelVersion,
    });
    expect([model.energies, model.eAboveHullEvPerAtom]).toEqual([`model ${modelVersion}`, null]);
    expect(model.eHullEvPerAtom).toBeCloseTo(-1.0, 12);
  });

  it('hullForFormula: clear errors for a missing set, unknown model version and bad input', async () => {
    await expect(hullForFormula(db, { formula: 'FeAl', referenceSet: 'nope' })).rejects.toBeInstanceOf(
      ReferenceSetNotFoundError,
    );
    await expect(
      hullForFormula(db, { formula: 'FeAl', referenceSet: set, efModelVersion: 'no-such-version' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(hullForFormula(db, { formula: 'FeXx', referenceSet: set })).rejects.toBeInstanceOf(
      FormulaError,
    );
    await expect(
      hullForFormula(db, { formula: 'FeAl', referenceSet: set, efEvPerAtom: Number.NaN }),
    ).rejects.toThrow(/efEvPerAtom/);
    await expect(hullForFormula(db, { formula: '', referenceSet: set })).rejects.toBeInstanceOf(SpecError);
  });
});
