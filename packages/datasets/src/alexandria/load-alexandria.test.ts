import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { canonicalKey, DataFileError, parseFormula } from '@kiago/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { writeMiniDataDir } from '../testing/index.js';
import type { AlexandriaRow } from './alexandria-entry.js';
import { loadAlexandriaPbe } from './load-alexandria.js';

const { dir: miniData, cleanup } = await writeMiniDataDir();
afterAll(cleanup);
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
  expect(rows.map((row) => row.matId)).toEqual(['agm-fixture-1', 'agm-fixture-3', 'agm-fixture-4']);
  expect(rows[0]).toMatchObject({
    key: keyOf('V3Si'),
    efEvPerAtom: -0.412,
    eAboveHullEvPerAtom: 0,
    mergedRows: 2,
  });
  const licopo4 = rows[2]!;
  expect(licopo4).toMatchObject({ formula: 'LiCoPO4', key: keyOf('LiCoPO4'), elementSetKey: 'Co-Li-O-P' });
  expect(licopo4.energyEvPerAtom).toBeCloseTo((-44.8 - 3.1) / 7, 12);
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
    expectSampleRows(
      (await loadAlexandriaPbe({ dataDir: dir, files: [join(dir, 'alexandria_000.json.gz')] })).rows,
    );
    if (!hasBzip2()) return;
    await copyFile(sample, join(dir, 'alexandria_001.json'));
    execFileSync('bzip2', [join(dir, 'alexandria_001.json')]);
    expectSampleRows(
      (await loadAlexandriaPbe({ dataDir: dir, files: [join(dir, 'alexandria_001.json.bz2')] })).rows,
    );
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
