import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { canonicalKey, DataFileError, parseFormula } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import type { AlexandriaRow } from './alexandria-entry.js';
import { loadAlexandriaPbe } from './load-alexandria.js';

const miniData = fileURLToPath(new URL('../../fixtures/mini-data', import.meta.url));
const sample = join(miniData, 'alexandria', 'alexandria_sample.json');
const keyOf = (formula: string) => canonicalKey(parseFormula(formula));

function hasBzip2(): boolean {
  try {
    execFileSync('bzip2', ['--help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function expectSampleRows(rows: readonly AlexandriaRow[]): void {
  expect(rows.map((row) => row.matId)).toEqual(['agm002000001', 'agm002000003', 'agm002000004']);
  expect(rows[0]).toMatchObject({
    key: keyOf('Nb3Sn'),
    efEvPerAtom: -0.162,
    eAboveHullEvPerAtom: 0,
    mergedRows: 2,
  });
  const lifepo4 = rows[2]!;
  expect(lifepo4).toMatchObject({ formula: 'LiFePO4', key: keyOf('LiFePO4'), elementSetKey: 'Fe-Li-O-P' });
  expect(lifepo4.energyEvPerAtom).toBeCloseTo((-47.1 - 2.8) / 7, 12);
}

describe('loadAlexandriaPbe', () => {
  it('reads the published dump format: lowest-energy polymorph per composition, bad entries counted', async () => {
    const { rows, report } = await loadAlexandriaPbe({ dataDir: miniData });
    expect(report).toEqual({
      dataset: 'alexandria-pbe',
      files: ['alexandria/alexandria_sample.json'],
      rowsRead: 5,
      rowsKept: 3,
      dropped: { 'data.e_form:not-a-number': 1 },
      duplicatesMerged: 1,
    });
    expectSampleRows(rows);
  });

  it('reads the same dump gzipped, and bzip2-compressed through the system bzip2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kiago-alexandria-'));
    const text = await readFile(sample);
    await writeFile(join(dir, 'alexandria_000.json.gz'), gzipSync(text));
    expectSampleRows((await loadAlexandriaPbe({ files: [join(dir, 'alexandria_000.json.gz')] })).rows);
    if (!hasBzip2()) return;
    await copyFile(sample, join(dir, 'alexandria_001.json'));
    execFileSync('bzip2', [join(dir, 'alexandria_001.json')]);
    expectSampleRows((await loadAlexandriaPbe({ files: [join(dir, 'alexandria_001.json.bz2')] })).rows);
  });

  it('applies the optional hull cutoff as a counted drop', async () => {
    const { report } = await loadAlexandriaPbe({ dataDir: miniData, maxEAboveHullEvPerAtom: 0.01 });
    expect(report.dropped).toEqual({ 'data.e_form:not-a-number': 1, 'e_above_hull:above-cutoff': 1 });
    expect(report.duplicatesMerged).toBe(0);
  });

  it('names the missing dumps folder and the env var', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'kiago-nodata-'));
    const attempt = loadAlexandriaPbe({ dataDir: empty });
    await expect(attempt).rejects.toBeInstanceOf(DataFileError);
    await expect(loadAlexandriaPbe({ dataDir: empty })).rejects.toThrow(
      new RegExp(`${join(empty, 'alexandria')}: directory not found .*KIAGO_DATA_DIR`),
    );
  });
});
