import { afterAll, describe, expect, it } from 'vitest';
import { collectDatasetStats } from './catalog.js';
import { writeMiniDataDir } from './testing/index.js';

const { dir: miniData, cleanup } = await writeMiniDataDir();
afterAll(cleanup);

describe('collectDatasetStats', () => {
  it('reports every data set, Alexandria included when its folder exists', async () => {
    const stats = await collectDatasetStats({ dataDir: miniData });
    expect(stats.skipped).toEqual([]);
    expect(stats.datasets.map((d) => d.dataset)).toEqual([
      'supercon-superdiff',
      'supercon-stanev',
      'hydride-superconductors',
      'matbench-expt-is-metal',
      'mp-non-metals',
      'oqmd-formation-energy',
      'mp-formation-energy-matbench',
      'mp-formation-energy-roost',
      'mp-binaries-hull',
      'mp-e-above-hull-crabnet',
      'alexandria-pbe',
    ]);
    for (const report of stats.datasets) {
      const dropped = Object.values(report.dropped).reduce((a, b) => a + b, 0);
      expect(report.rowsKept + dropped + report.duplicatesMerged, report.dataset).toBe(report.rowsRead);
    }
  });
});
