import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMiniDataDir } from '@kiago/datasets/testing';
import { ELEMNET_SYMBOLS, SpecError } from '@kiago/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEfDataset } from './build-ef-dataset.js';
import { elementSetsInSeveralSplits, rowsByKey } from './fixtures/dataset-fixtures.js';

const { dir: MINI_DATA_DIR, cleanup } = await writeMiniDataDir();
afterAll(cleanup);

describe('buildEfDataset on the mini data', () => {
  it('keeps the ground state per composition from one source, 86 ElemNet columns', async () => {
    const dataset = await buildEfDataset({ dataDir: MINI_DATA_DIR, seed: 1 });
    const rows = rowsByKey(dataset);
    expect(dataset.report.source).toBe('mp-matbench');
    expect([...rows.keys()].sort()).toEqual(['CW', 'CZr', 'O3Cr2']);
    expect(rows.get('O3Cr2')?.y).toBeCloseTo(-1.7245, 5);
    expect(rows.get('CZr')?.y).toBeCloseTo(-0.912, 5);
    const cr2o3 = rows.get('O3Cr2')!.x;
    expect(cr2o3).toHaveLength(86);
    expect(cr2o3[ELEMNET_SYMBOLS.indexOf('Cr')]).toBeCloseTo(0.4, 6);
    expect(cr2o3[ELEMNET_SYMBOLS.indexOf('O')]).toBeCloseTo(0.6, 6);
    expect(elementSetsInSeveralSplits(dataset)).toEqual([]);
  });

  it('never mixes sources: each gives its own rows and hash', async () => {
    const oqmd = await buildEfDataset({ dataDir: MINI_DATA_DIR, seed: 1, source: 'oqmd' });
    const roost = await buildEfDataset({ dataDir: MINI_DATA_DIR, seed: 1, source: 'mp-roost' });
    expect(oqmd.report.loader.dataset).toBe('oqmd-formation-energy');
    expect(oqmd.report.overall.rows).toBe(5);
    expect([...rowsByKey(roost).keys()].sort()).toEqual(['B2Al', 'Li2AgSb']);
    expect(roost.dataHash).not.toBe(oqmd.dataHash);
  });

  it('rejects an unknown source with a SpecError naming it', async () => {
    await expect(
      buildEfDataset({ dataDir: MINI_DATA_DIR, seed: 1, source: 'jarvis' as 'oqmd' }),
    ).rejects.toThrow(SpecError);
  });
});

describe('buildEfDataset with elements ElemNet cannot read', () => {
  let dataDir = '';
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('drops those rows and counts them by element', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kiago-ef-'));
    await mkdir(join(dataDir, 'mp_formation_energy'));
    await writeFile(
      join(dataDir, 'mp_formation_energy', 'matbench_mp_e_form.csv'),
      'formula,target\nNa1Cl1,-2.1\nRa1O1,-2.5\nHe1Li1Po1,0.3\nXe1F2,-0.5\n',
    );
    const dataset = await buildEfDataset({ dataDir, seed: 1 });
    expect(dataset.report.dropped).toEqual({ 'element-outside-elemnet-inputs': 2 });
    expect(dataset.report.elementsOutsideInputs).toEqual({ He: 1, Po: 1, Ra: 1 });
    expect([...rowsByKey(dataset).keys()].sort()).toEqual(['F2Xe', 'NaCl']);
  });
});
