import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { testDataDir } from '@kiago/datasets/testing';
import { describe, expect, it } from 'vitest';
import { buildEfDataset } from './build-ef-dataset.js';
import { buildTcDataset } from './build-tc-dataset.js';
import { elementSetsInSeveralSplits } from './fixtures/dataset-fixtures.js';
import { DEFAULT_SPLIT_FRACTIONS, SPLIT_NAMES, type SplitName } from './split-options.js';

// The shared data sets sit next to the checkout; a machine without them skips this file.
const dataDir = testDataDir();
const haveData =
  existsSync(join(dataDir, 'supercon_superdiff')) && existsSync(join(dataDir, 'mp_formation_energy'));

function expectShares(rowsPerSplit: Record<SplitName, number>): void {
  const total = SPLIT_NAMES.reduce((sum, name) => sum + rowsPerSplit[name], 0);
  for (const name of SPLIT_NAMES) {
    expect(Math.abs(rowsPerSplit[name] / total - DEFAULT_SPLIT_FRACTIONS[name])).toBeLessThan(0.02);
  }
}

describe.skipIf(!haveData)('training sets from the real data', () => {
  it('Tc: ~16k superconductors, as many non-superconductors, split by element set', async () => {
    const dataset = await buildTcDataset({ dataDir, seed: 42 });
    const { overall, nonSuperconductors, supercon } = dataset.report;
    expect(overall.superconductors).toBeGreaterThan(15_500);
    expect(overall.superconductors).toBeLessThan(17_000);
    expect(overall.nonSuperconductors).toBe(overall.superconductors);
    expect(supercon.inBothWithTc).toBeGreaterThan(11_000);
    expect(nonSuperconductors.tiers[0]!.used).toBeGreaterThan(3_500);
    expect(overall.families.cuprate.superconductors).toBeGreaterThan(7_000);
    expect(overall.families['iron-based'].superconductors).toBeGreaterThan(1_000);
    expect(overall.families.hydride.superconductors).toBeGreaterThan(10);
    expectShares({ train: dataset.train.y.length, val: dataset.val.y.length, test: dataset.test.y.length });
    expect(elementSetsInSeveralSplits(dataset)).toEqual([]);
  });

  it('Ef: ~95k MP compositions on one scale, split by element set', async () => {
    const dataset = await buildEfDataset({ dataDir, seed: 42 });
    expect(dataset.report.overall.rows).toBeGreaterThan(90_000);
    expect(dataset.report.overall.rows).toBeLessThan(100_000);
    expect(dataset.train.width).toBe(86);
    expectShares({ train: dataset.train.y.length, val: dataset.val.y.length, test: dataset.test.y.length });
    expect(elementSetsInSeveralSplits(dataset)).toEqual([]);
  });
});
