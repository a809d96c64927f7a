import { writeMiniDataDir } from '@kiago/datasets/testing';
import { SpecError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTcDataset, type TcDataset } from './build-tc-dataset.js';
import { elementSetsInSeveralSplits, rowsByKey } from './fixtures/dataset-fixtures.js';
import { SPLIT_NAMES } from './split-options.js';
import type { TcFamily } from './tc-family.js';

const { dir: MINI_DATA_DIR, cleanup } = await writeMiniDataDir();
afterAll(cleanup);

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
    // V3Ga: SuperDiff median of 14.35/15.1/14.8; Stanev's 14.1 and 15.3 do not add rows.
    expect(rows.get('V3Ga')?.y).toBeCloseTo(14.8, 5);
    expect(rows.get('CNb')?.y).toBeCloseTo(11.5, 5);
    expect(rows.get('Ti2Nb3')?.y).toBeCloseTo(9.3, 5);
    expect(dataset.report.supercon).toMatchObject({ inBothWithTc: 1, stanevOnlySuperconductors: 1 });
    expect(dataset.report.overall.superconductors).toBe(7);
  });

  it('adds the measured hydrides as superconductors, LaH10 once at its median Tc', () => {
    expect(rows.get('H3S')?.y).toBeCloseTo(200, 5);
    expect(rows.get('H10La')?.y).toBeCloseTo(256, 5);
    expect(familyOf.get('H3S')).toBe('hydride');
    expect(familyOf.get('H10La')).toBe('hydride');
  });

  it('adds non-superconductors at Tc = 0 tier by tier up to the ratio', () => {
    // Stanev's Nd2CuO4; two Matbench non-metals (Ag1.6Se0.8 is Ag2Se, reported metallic too); MP
    // fills up as far as it goes (2 of the 7 − 3 still wanted).
    expect(dataset.report.nonSuperconductors.tiers.map((tier) => tier.used)).toEqual([1, 2, 2]);
    expect(rows.get('O4CuNd2')?.y).toBe(0);
    expect(rows.get('GaInSb2')?.y).toBe(0);
    expect(dataset.report.overall.rows).toBe(12);
    expect(dataset.report.nonSuperconductors.matbenchMetalsSkipped).toBe(2);
  });

  it('labels families from SuperDiff and from the composition rule', () => {
    expect(familyOf.get('O20Cu5BaLa9')).toBe('cuprate');
    expect(familyOf.get('O4CuNd2')).toBe('cuprate');
    expect(familyOf.get('Na2Ca3Fe10As10')).toBe('iron-based');
    expect(familyOf.get('V3Ga')).toBe('other');
    expect(dataset.report.overall.families.cuprate).toEqual({ rows: 2, superconductors: 1 });
  });

  it('encodes each row as 118 atomic fractions in Z order', () => {
    const lbco = rows.get('O20Cu5BaLa9')!.x;
    expect(lbco).toHaveLength(118);
    expect(lbco[56]).toBeCloseTo(1.8 / 7, 6); // La
    expect(lbco[55]).toBeCloseTo(0.2 / 7, 6); // Ba
    expect(lbco[28]).toBeCloseTo(1 / 7, 6); // Cu
    expect(lbco[7]).toBeCloseTo(4 / 7, 6); // O
    expect(lbco.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 6);
  });

  it('splits by element set', () => {
    expect(elementSetsInSeveralSplits(dataset)).toEqual([]);
    const total = SPLIT_NAMES.reduce((sum, split) => sum + dataset[split].keys.length, 0);
    expect(total).toBe(12);
  });

  it('hashes the data independently of the seed, and the split with it', async () => {
    const again = await buildTcDataset({ dataDir: MINI_DATA_DIR, seed: 1 });
    const reseeded = await buildTcDataset({ dataDir: MINI_DATA_DIR, seed: 2 });
    expect(again.dataHash).toBe(dataset.dataHash);
    expect(again.splitHash).toBe(dataset.splitHash);
    expect(reseeded.dataHash).toBe(dataset.dataHash);
    expect(dataset.dataHash).toMatch(/^[0-9a-f]{64}$/);
    const fewer = await buildTcDataset({ dataDir: MINI_DATA_DIR, seed: 1, nonSuperconductorRatio: 0 });
    expect(fewer.report.overall.rows).toBe(7);
    expect(fewer.dataHash).not.toBe(dataset.dataHash);
  });

  it('rejects bad options with a SpecError naming the field', async () => {
    await expect(buildTcDataset({ dataDir: MINI_DATA_DIR, seed: -3 })).rejects.toThrow(SpecError);
    await expect(
      buildTcDataset({ dataDir: MINI_DATA_DIR, seed: 1, nonSuperconductorRatio: -1 }),
    ).rejects.toThrow(/nonSuperconductorRatio/);
  });
});
