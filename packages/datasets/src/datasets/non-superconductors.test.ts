import { canonicalKey, parseFormula } from '@kiago/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { testDataDir, writeMiniDataDir } from '../testing/index.js';
import { loadMatbenchExptIsMetal, loadMpNonMetals } from './non-superconductors.js';

const { dir: miniData, cleanup } = await writeMiniDataDir();
afterAll(cleanup);
const realData = testDataDir();
const keyOf = (formula: string) => canonicalKey(parseFormula(formula));

describe('loadMatbenchExptIsMetal', () => {
  it('calls a composition metallic when any duplicate says so (fixture)', async () => {
    const { rows, report } = await loadMatbenchExptIsMetal({ dataDir: miniData });
    expect(report).toMatchObject({ rowsRead: 5, rowsKept: 4, duplicatesMerged: 1, dropped: {} });
    expect(rows.find((row) => row.key === keyOf('Ag2Se'))).toMatchObject({ isMetal: true, mergedRows: 2 });
    expect(rows.find((row) => row.key === keyOf('Pd(BiSe)2'))?.composition).toEqual(
      new Map([
        ['Pd', 1],
        ['Bi', 2],
        ['Se', 2],
      ]),
    );
  });

  it('loads the real file: ~2,470 experimental non-metals', async () => {
    const { rows, report } = await loadMatbenchExptIsMetal({ dataDir: realData });
    expect(report).toMatchObject({ rowsRead: 4_921, rowsKept: 4_917, duplicatesMerged: 4 });
    const nonMetals = rows.filter((row) => !row.isMetal).length;
    expect(nonMetals).toBeGreaterThan(2_450);
    expect(nonMetals).toBeLessThanOrEqual(2_470);
  });
});

describe('loadMpNonMetals', () => {
  it('keeps the smallest band gap of duplicates and drops a zero gap (fixture)', async () => {
    const { rows, report } = await loadMpNonMetals({ dataDir: miniData });
    expect(report.dropped).toEqual({ 'band_gap:at-or-below-0-eV': 1 });
    expect(rows.find((row) => row.key === keyOf('Y2O3'))).toMatchObject({
      materialId: 'mp-fixture-13',
      bandGapEv: 2.6,
    });
  });

  it('loads the real file with MP ids and PBE gaps', async () => {
    const { rows, report } = await loadMpNonMetals({ dataDir: realData });
    expect(report.rowsRead).toBe(43_921);
    expect(report.rowsKept).toBeGreaterThan(43_800);
    expect(rows.find((row) => row.materialId === 'mp-11107')).toMatchObject({
      key: keyOf('Ac2O3'),
      bandGapEv: 3.5226,
    });
  });
});
