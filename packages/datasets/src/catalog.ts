import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ALEXANDRIA_DIR, loadAlexandriaPbe } from './alexandria/load-alexandria.js';
import { requireDataDir } from './data-dir.js';
import {
  loadMpFormationEnergyMatbench,
  loadMpFormationEnergyRoost,
  loadOqmdFormationEnergy,
} from './datasets/formation-energy.js';
import { loadMpBinariesHull, loadMpEAboveHullCrabnet } from './datasets/hull-references.js';
import { loadHydrideSuperconductors } from './datasets/hydride-superconductors.js';
import { loadMatbenchExptIsMetal, loadMpNonMetals } from './datasets/non-superconductors.js';
import { loadSuperconStanev, loadSuperconSuperdiff } from './datasets/supercon.js';
import type { DatasetReport, LoadedDataset } from './load/dataset-report.js';

type Loader = (options: { dataDir: string }) => Promise<LoadedDataset<unknown>>;

/** Every shipped data set, in the order `kiago data stats` prints them. */
export const SHIPPED_DATASET_LOADERS: readonly Loader[] = [
  loadSuperconSuperdiff,
  loadSuperconStanev,
  loadHydrideSuperconductors,
  loadMatbenchExptIsMetal,
  loadMpNonMetals,
  loadOqmdFormationEnergy,
  loadMpFormationEnergyMatbench,
  loadMpFormationEnergyRoost,
  loadMpBinariesHull,
  loadMpEAboveHullCrabnet,
];

export interface DatasetStats extends DatasetReport {
  elapsedMs: number;
}

export interface DataDirStats {
  dataDir: string;
  datasets: DatasetStats[];
  /** Optional data sets that are not present (Alexandria dumps are not shipped). */
  skipped: { dataset: string; reason: string }[];
}

/** Loads every data set under the data directory (one after another) and returns their reports. */
export async function collectDatasetStats(options: { dataDir: string }): Promise<DataDirStats> {
  const dataDir = await requireDataDir(options.dataDir);
  const loaders: Loader[] = [...SHIPPED_DATASET_LOADERS];
  const skipped: DataDirStats['skipped'] = [];
  if (existsSync(join(dataDir, ALEXANDRIA_DIR))) loaders.push(loadAlexandriaPbe);
  else
    skipped.push({
      dataset: 'alexandria-pbe',
      reason: `no ${join(dataDir, ALEXANDRIA_DIR)} folder with dumps`,
    });

  const datasets: DatasetStats[] = [];
  for (const load of loaders) {
    const started = performance.now();
    const { report } = await load({ dataDir });
    datasets.push({ ...report, elapsedMs: Math.round(performance.now() - started) });
  }
  return { dataDir, datasets, skipped };
}
