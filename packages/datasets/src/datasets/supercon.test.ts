import { canonicalKey, parseFormula } from '@kiago/shared';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetReport } from '../load/dataset-report.js';
import { testDataDir, writeMiniDataDir } from '../testing/index.js';
import { loadSuperconStanev, loadSuperconSuperdiff } from './supercon.js';

const { dir: miniData, cleanup } = await writeMiniDataDir();
afterAll(cleanup);
const realData = testDataDir();
const keyOf = (formula: string) => canonicalKey(parseFormula(formula));
const droppedTotal = (report: DatasetReport) => Object.values(report.dropped).reduce((a, b) => a + b, 0);

describe('loadSuperconSuperdiff', () => {
  it('merges duplicate compositions to their median Tc and counts every drop by reason (fixture)', async () => {
    const { rows, report } = await loadSuperconSuperdiff({ dataDir: miniData });
    expect(report).toEqual({
      dataset: 'supercon-superdiff',
      files: ['supercon_superdiff/supercon_superdiff.csv'],
      rowsRead: 10,
      rowsKept: 4,
      dropped: { 'non-element-symbol': 1, 'tc_K:at-or-below-0-K': 1, 'tc_K:not-a-number': 1 },
      duplicatesMerged: 3,
    });
    const v3ga = rows.find((row) => row.key === keyOf('V3Ga'))!;
    expect(v3ga).toMatchObject({ formula: 'V3Ga1', tcKelvin: 14.8, mergedRows: 3, elementSetKey: 'Ga-V' });
    expect(rows.find((row) => row.key === keyOf('NbC'))).toMatchObject({ tcKelvin: 11.5, mergedRows: 2 });
    expect(rows.find((row) => row.elementSetKey === 'As-Ca-Fe-Na')?.family).toBe('iron_based_pnictide');
  });

  it('loads the real table: known compounds, non-element symbols dropped, counts add up', async () => {
    const { rows, report } = await loadSuperconSuperdiff({ dataDir: realData });
    expect(report.rowsRead).toBe(16_708);
    expect(report.dropped['non-element-symbol']).toBe(191); // M, D, T, Ph rows (PROVENANCE)
    expect(report.rowsKept).toBeGreaterThan(15_500);
    expect(report.rowsKept).toBeLessThan(16_517);
    expect(report.rowsKept + droppedTotal(report) + report.duplicatesMerged).toBe(report.rowsRead);
    const hg1223 = rows.find((row) => row.key === keyOf('HgBa2Ca2Cu3O8'));
    expect(hg1223).toMatchObject({ tcKelvin: 107, family: 'cuprate', elementSetKey: 'Ba-Ca-Cu-Hg-O' });
    expect(rows.every((row) => row.tcKelvin > 0 && row.tcKelvin <= 143)).toBe(true);
  });
});

describe('loadSuperconStanev', () => {
  it('lets a reported Tc win over Tc = 0 duplicates, keeps all-zero groups at 0 (fixture)', async () => {
    const { rows, report } = await loadSuperconStanev({ dataDir: miniData });
    expect(report).toMatchObject({
      rowsRead: 7,
      rowsKept: 3,
      duplicatesMerged: 3,
      dropped: { 'non-positive-amount': 1 },
    });
    expect(rows.find((row) => row.key === keyOf('V3Ga'))?.tcKelvin).toBeCloseTo((14.1 + 15.3) / 2, 12);
    expect(rows.find((row) => row.key === keyOf('Nd2CuO4'))).toMatchObject({ tcKelvin: 0, mergedRows: 2 });
  });

  it('loads the real table with its Tc = 0 negatives', async () => {
    const { rows, report } = await loadSuperconStanev({ dataDir: realData });
    expect(report.rowsRead).toBe(16_414);
    expect(report.dropped['non-element-symbol']).toBe(31);
    expect(report.rowsKept + droppedTotal(report) + report.duplicatesMerged).toBe(report.rowsRead);
    const zeros = rows.filter((row) => row.tcKelvin === 0).length;
    expect(zeros).toBeGreaterThan(3_700);
    expect(zeros).toBeLessThanOrEqual(3_966);
    expect(rows.find((row) => row.formula === 'Ba0.4K0.6Fe2As2')?.tcKelvin).toBe(31.2);
  });
});
