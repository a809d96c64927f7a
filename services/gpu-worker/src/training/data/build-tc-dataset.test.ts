import { SpecError } from '@kiago/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTcDataset, type TcDataset } from './build-tc-dataset.js';
import { elementSetsInSeveralSplits, MINI_DATA_DIR, rowsByKey } from './fixtures/dataset-fixtures.js';
import { SPLIT_NAMES } from './split-options.js';
import type { TcFamily } from './tc-family.js';

describe('buildTcDataset on the mini data', () => {
  let dataset: TcDataset;
  let rows: ReturnType<typeof rowsByKey>;
  let familyOf: Map<string, TcFamily>;
  beforeAll(async () => {
    dataset = await buildTcDataset({ dataDir: MINI_DATA_DIR, seed: 1 });
    rows = rowsByKey(dataset);
    familyOf = new Map(
      SPLIT_NAMES.flatMap((split) => dataset[split].keys.map((key, i) => [key, dataset[split].families[i]!])),
    );
  });

  it('merges SuperDiff and Stanev into one row per composition', () => {
    // Nb3Sn: SuperDiff median of 18.0/17.0/18.3; Stanev's 17.846 and 18.2 do not add rows.
    expect(rows.get('Nb3Sn')?.y).toBeCloseTo(18, 5);
    expect(rows.get('B2Mg')?.y).toBeCloseTo(39.25, 5);
    expect(rows.get('Mo39Ru61')?.y).toBeCloseTo(6.9, 5);
    expect(dataset.report.supercon).toMatchObject({ inBothWithTc: 1, stanevOnlySuperconductors: 1 });
    expect(dataset.report.overall.superconductors).toBe(5);
  });

  it('adds non-superconductors at Tc = 0 tier by tier up to the ratio', () => {
    // Stanev's La2CuO4; two Matbench non-metals (Cu1.8S is Cu9S5, reported metallic too); MP fills up.
    expect(dataset.report.nonSuperconductors.tiers.map((tier) => tier.used)).toEqual([1, 2, 2]);
    expect(rows.get('O4CuLa2')?.y).toBe(0);
    expect(rows.get('SeTe')?.y).toBe(0);
    expect(dataset.report.overall.rows).toBe(10);
    expect(dataset.report.nonSuperconductors.matbenchMetalsSkipped).toBe(2);
  });

  it('labels families from SuperDiff and from the composition rule', () => {
    expect(familyOf.get('O80Cu20Sr3La37')).toBe('cuprate');
    expect(familyOf.get('O4CuLa2')).toBe('cuprate');
    expect(familyOf.get('K2Fe10As10Ba3')).toBe('iron-based');
    expect(familyOf.get('Nb3Sn')).toBe('other');
    expect(dataset.report.overall.families.cuprate).toEqual({ rows: 2, superconductors: 1 });
  });

  it('encodes each row as 118 atomic fractions in Z order', () => {
    const lsco = rows.get('O80Cu20Sr3La37')!.x;
    expect(lsco).toHaveLength(118);
    expect(lsco[56]).toBeCloseTo(1.85 / 7, 6); // La
    expect(lsco[37]).toBeCloseTo(0.15 / 7, 6); // Sr
    expect(lsco[28]).toBeCloseTo(1 / 7, 6); // Cu
    expect(lsco[7]).toBeCloseTo(4 / 7, 6); // O
    expect(lsco.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 6);
  });

  it('splits by element set', () => {
    expect(elementSetsInSeveralSplits(dataset)).toEqual([]);
    const total = SPLIT_NAMES.reduce((sum, split) => sum + dataset[split].keys.length, 0);
    expect(total).toBe(10);
  });

  it('hashes the data independently of the seed, and the split with it', async () => {
    const again = await buildTcDataset({ dataDir: MINI_DATA_DIR, seed: 1 });
    const reseeded = await buildTcDataset({ dataDir: MINI_DATA_DIR, seed: 2 });
    expect(again.dataHash).toBe(dataset.dataHash);
    expect(again.splitHash).toBe(dataset.splitHash);
    expect(reseeded.dataHash).toBe(dataset.dataHash);
    expect(dataset.dataHash).toMatch(/^[0-9a-f]{64}$/);
    const fewer = await buildTcDataset({ dataDir: MINI_DATA_DIR, seed: 1, nonSuperconductorRatio: 0 });
    expect(fewer.report.overall.rows).toBe(5);
    expect(fewer.dataHash).not.toBe(dataset.dataHash);
  });

  it('rejects bad options with a SpecError naming the field', async () => {
    await expect(buildTcDataset({ dataDir: MINI_DATA_DIR, seed: -3 })).rejects.toThrow(SpecError);
    await expect(
      buildTcDataset({ dataDir: MINI_DATA_DIR, seed: 1, nonSuperconductorRatio: -1 }),
    ).rejects.toThrow(/nonSuperconductorRatio/);
  });
});
