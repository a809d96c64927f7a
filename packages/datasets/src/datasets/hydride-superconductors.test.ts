import { canonicalKey, parseFormula } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { testDataDir } from '../testing/index.js';
import { loadHydrideSuperconductors } from './hydride-superconductors.js';

const keyOf = (formula: string) => canonicalKey(parseFormula(formula));

describe('loadHydrideSuperconductors', () => {
  it('loads the measured hydrides, LaH10 from two groups merged to the median', async () => {
    const { rows, report } = await loadHydrideSuperconductors({ dataDir: testDataDir() });
    expect(report).toMatchObject({ rowsRead: 9, rowsKept: 8, duplicatesMerged: 1, dropped: {} });
    expect(rows.find((row) => row.key === keyOf('LaH10'))).toMatchObject({ tcKelvin: 255, pressureGpa: 179 });
    expect(rows.find((row) => row.key === keyOf('H3S'))).toMatchObject({ tcKelvin: 203, pressureGpa: 155 });
    expect(rows.every((row) => row.tcKelvin > 100 && row.pressureGpa > 50)).toBe(true);
  });
});
