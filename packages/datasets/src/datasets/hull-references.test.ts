import { canonicalKey, parseFormula } from '@kiago/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { testDataDir, writeMiniDataDir } from '../testing/index.js';
import { loadMpBinariesHull, loadMpEAboveHullCrabnet } from './hull-references.js';

const { dir: miniData, cleanup } = await writeMiniDataDir();
afterAll(cleanup);
const realData = testDataDir();
const keyOf = (formula: string) => canonicalKey(parseFormula(formula));

describe('loadMpBinariesHull', () => {
  it('loads the real file: ids, Ef, E_hull and stability of each binary', async () => {
    const { rows, report } = await loadMpBinariesHull({ dataDir: realData });
    expect(report).toMatchObject({ rowsRead: 10_180, rowsKept: 10_180, dropped: {}, duplicatesMerged: 0 });
    expect(rows.filter((row) => row.isStable)).toHaveLength(4_639);
    expect(rows.find((row) => row.materialId === 'mp-19770')).toMatchObject({
      key: keyOf('Fe2O3'),
      elementSetKey: 'Fe-O',
      efEvPerAtom: -1.7070913529999991,
      eAboveHullEvPerAtom: 0,
      isStable: true,
    });
  });

  it('rejects a non-boolean is_stable (fixture)', async () => {
    const { report } = await loadMpBinariesHull({ dataDir: miniData });
    expect(report).toMatchObject({ rowsRead: 3, rowsKept: 2, dropped: { 'is_stable:not-True-or-False': 1 } });
  });
});

describe('loadMpEAboveHullCrabnet', () => {
  it('tags rows with their split and drops negative E_hull (fixture)', async () => {
    const { rows, report } = await loadMpEAboveHullCrabnet({ dataDir: miniData });
    expect(report.dropped).toEqual({ 'target:below-0-eV-per-atom': 1 });
    expect(rows.find((row) => row.key === keyOf('CaScZn2'))).toMatchObject({
      split: 'val',
      eAboveHullEvPerAtom: 0.8125,
    });
  });

  it('loads the three real splits (56,662 distinct compositions)', async () => {
    const { rows, report } = await loadMpEAboveHullCrabnet({ dataDir: realData });
    expect(report).toMatchObject({ rowsRead: 56_662, rowsKept: 56_662, dropped: {} });
    expect(rows.filter((row) => row.split === 'train')).toHaveLength(39_663);
    expect(rows.find((row) => row.key === keyOf('BaSm2CoO5'))).toMatchObject({
      split: 'test',
      eAboveHullEvPerAtom: 0,
    });
    expect(rows.find((row) => row.key === keyOf('Li(CoO2)2'))?.composition.get('O')).toBe(4);
  });
});
