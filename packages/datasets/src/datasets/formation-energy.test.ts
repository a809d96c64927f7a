import { canonicalKey, parseFormula } from '@kiago/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { testDataDir, writeMiniDataDir } from '../testing/index.js';
import {
  loadMpFormationEnergyMatbench,
  loadMpFormationEnergyRoost,
  loadOqmdFormationEnergy,
} from './formation-energy.js';

const { dir: miniData, cleanup } = await writeMiniDataDir();
afterAll(cleanup);
const realData = testDataDir();
const keyOf = (formula: string) => canonicalKey(parseFormula(formula));

describe('loadMpFormationEnergyMatbench', () => {
  it('keeps the lowest-energy polymorph per composition (fixture)', async () => {
    const { rows, report } = await loadMpFormationEnergyMatbench({ dataDir: miniData });
    expect(report).toMatchObject({ rowsRead: 6, rowsKept: 3, duplicatesMerged: 3, dropped: {} });
    expect(rows.find((row) => row.key === keyOf('Cr2O3'))).toMatchObject({
      formula: 'Cr16O24',
      efEvPerAtom: -1.7245,
      mergedRows: 3,
    });
    expect(rows.find((row) => row.key === keyOf('ZrC'))?.efEvPerAtom).toBe(-0.912);
  });

  it('loads the real file: 132,752 structures → 95,118 compositions, Fe2O3 ground state', async () => {
    const { rows, report } = await loadMpFormationEnergyMatbench({ dataDir: realData });
    expect(report).toMatchObject({ rowsRead: 132_752, rowsKept: 95_118, dropped: {} });
    const fe2o3 = rows.find((row) => row.key === keyOf('Fe2O3'))!;
    expect(fe2o3.efEvPerAtom).toBe(-1.886165127750001);
    expect(fe2o3.mergedRows).toBeGreaterThanOrEqual(16);
  });
});

describe('loadMpFormationEnergyRoost', () => {
  it('loads the real file with task ids and drops the > 5 eV/atom outliers', async () => {
    const { rows, report } = await loadMpFormationEnergyRoost({ dataDir: realData });
    expect(report.rowsRead).toBe(84_295);
    expect(report.dropped).toEqual({ 'formation_energy_per_atom:above-5-eV-per-atom': 9 });
    expect(rows.find((row) => row.key === keyOf('MgB2'))).toMatchObject({
      materialId: 'mp-763',
      efEvPerAtom: -0.12966081444444436,
    });
  });

  it('drops NaN energies and reads a file without a final newline (fixture)', async () => {
    const { rows, report } = await loadMpFormationEnergyRoost({ dataDir: miniData });
    expect(report.dropped).toEqual({ 'formation_energy_per_atom:not-a-number': 1 });
    expect(rows.map((row) => row.materialId)).toEqual(['mp-fixture-21', 'mp-fixture-22']);
  });
});

describe('loadOqmdFormationEnergy', () => {
  it('reads Roost fractions as integer formulas and merges them with CrabNet rows at the lowest ΔHf (fixture)', async () => {
    const { rows, report } = await loadOqmdFormationEnergy({ dataDir: miniData });
    expect(report).toMatchObject({
      rowsRead: 7,
      rowsKept: 5,
      duplicatesMerged: 1,
      dropped: { 'target:above-5-eV-per-atom': 1 },
    });
    const nd2pd2o5 = rows.find((row) => row.key === keyOf('Nd2Pd2O5'))!;
    expect(nd2pd2o5).toMatchObject({ efEvPerAtom: -1.7815, mergedRows: 2 });
    expect(rows.find((row) => row.key === keyOf('AlSiRu2'))?.composition.get('Ru')).toBe(2);
  });

  it('loads the three real splits into ~120k compositions', async () => {
    const { rows, report } = await loadOqmdFormationEnergy({ dataDir: realData });
    expect(report.rowsRead).toBe(51_255 + 51_255 + 25_662);
    expect(report.dropped).toEqual({ 'target:above-5-eV-per-atom': 17 });
    // PROVENANCE: the Roost split overlaps the CrabNet ones on ~7,659 compositions.
    expect(report.duplicatesMerged).toBeGreaterThan(7_500);
    expect(report.duplicatesMerged).toBeLessThan(7_800);
    expect(rows.find((row) => row.key === keyOf('AlSmTm'))?.efEvPerAtom).toBe(0.500244708);
    expect(rows.every((row) => row.efEvPerAtom <= 5)).toBe(true);
  });
});
