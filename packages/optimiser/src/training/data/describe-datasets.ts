import { buildEfDataset } from './build-ef-dataset.js';
import { buildTcDataset } from './build-tc-dataset.js';
import type { EfDatasetReport } from './ef-dataset-report.js';
import type { EfSource } from './ef-sources.js';
import type { TcDatasetReport } from './tc-dataset-report.js';

/** The split seed used when none is given (e.g. by a report CLI). */
export const DEFAULT_SPLIT_SEED = 42;

export interface DescribeDatasetsOptions {
  dataDir: string;
  seed?: number | undefined;
  efSource?: EfSource | undefined;
}

export interface DatasetsDescription {
  tc: TcDatasetReport;
  ef: EfDatasetReport;
}

/** Builds both training sets and returns only their reports (sources, merges, counts, hashes). */
export async function describeDatasets(options: DescribeDatasetsOptions): Promise<DatasetsDescription> {
  const seed = options.seed ?? DEFAULT_SPLIT_SEED;
  // One after the other: parsing is CPU-bound on one thread, so overlapping the builds would not
  // finish sooner and would hold both data sets in memory at once.
  const tc = await buildTcDataset({ dataDir: options.dataDir, seed });
  const ef = await buildEfDataset({ dataDir: options.dataDir, seed, source: options.efSource });
  return { tc: tc.report, ef: ef.report };
}
