import { loadMpBinariesHull } from '@kiago/datasets';
import { testDataDir } from '@kiago/datasets/testing';
import { canonicalKey, parseFormula } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { MATBENCH_ID_PREFIX, mpReferenceRows } from './reference-sources.js';

const keyOf = (formula: string) => canonicalKey(parseFormula(formula));

describe('mpReferenceRows on the real data', () => {
  it('holds the stable binaries Roost lacks, taken from Matbench', async () => {
    const dataDir = testDataDir();
    const mp = await mpReferenceRows({ dataDir });
    expect(mp.report).toMatchObject({ rowsKept: 96_278 });
    const byKey = new Map(mp.rows.map((row) => [keyOf(row.formula), row]));
    expect(byKey.size).toBe(96_278);
    // Roost lacks each: without them the hull of Na-Cl, Fe-O, Cu-La-O … misses its best-known compound.
    for (const formula of ['NaCl', 'AgCl', 'BaO', 'BeO', 'AlN', 'Fe2O3', 'La2CuO4', 'SrTiO3']) {
      expect(byKey.get(keyOf(formula))?.sourceId).toBe(`${MATBENCH_ID_PREFIX}${keyOf(formula)}`);
    }
    expect(byKey.get(keyOf('NaCl'))?.dftEfEvPerAtom).toBeCloseTo(-2.105, 3);
    expect(byKey.get(keyOf('CuO'))?.sourceId).toMatch(/^mp-\d+$/);

    // Cross-check against MP's own 2025 stability flags: of its 4,639 stable binaries, only those
    // in neither table are missing (45; Roost alone missed 835).
    const { rows: binaries } = await loadMpBinariesHull({ dataDir });
    const stable = binaries.filter((row) => row.isStable);
    expect(stable).toHaveLength(4_639);
    expect(stable.filter((row) => !byKey.has(row.key))).toHaveLength(45);
  });
});
