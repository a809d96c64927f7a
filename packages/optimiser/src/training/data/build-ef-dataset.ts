import { ELEMNET_INDICES, parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import { assembleSplits, splitsReport } from './assemble-splits.js';
import { type EfDatasetReport, summariseEfRows } from './ef-dataset-report.js';
import { DEFAULT_EF_SOURCE, EF_SOURCE_INFO, EF_SOURCES, type EfSource } from './ef-sources.js';
import { OUTSIDE_ELEMNET_REASON, restrictToElemNetInputs } from './elemnet-inputs.js';
import type { EncodedRows } from './encoded-rows.js';
import { type DatasetBuildOptions, datasetBuildOptionsSchema, type SplitName } from './split-options.js';

/** ElemNet splits: `x` is n × 86 atomic fractions in ELEMNET_SYMBOLS order, `y` is Ef in eV/atom. */
export interface EfDataset extends Record<SplitName, EncodedRows> {
  report: EfDatasetReport;
  dataHash: string;
  splitHash: string;
}

export interface BuildEfDatasetOptions extends DatasetBuildOptions {
  /** One DFT source; defaults to `mp-matbench` (see DEFAULT_EF_SOURCE for why). */
  source?: EfSource | undefined;
}

/** Part of the data hash: bump when rows, encoding or labels change meaning. */
export const EF_DATA_FORMAT = 'kiago-ef-dataset/v1 x=fractions86(ELEMNET_SYMBOLS) y=efEvPerAtom';

const optionsSchema = datasetBuildOptionsSchema.extend({
  source: z
    .enum(EF_SOURCES, { error: `source must be one of ${EF_SOURCES.join(', ')}` })
    .default(DEFAULT_EF_SOURCE),
});

/** The ElemNet training set from one formation-energy source, split by element set. */
export async function buildEfDataset(options: BuildEfDatasetOptions): Promise<EfDataset> {
  const startedMs = performance.now();
  const { dataDir, source, ...plan } = parseOrThrow(optionsSchema, options, 'buildEfDataset options');
  const info = EF_SOURCE_INFO[source];
  const loaded = await info.load({ dataDir });
  const restricted = restrictToElemNetInputs(loaded.rows);

  const assembled = assembleSplits(restricted.kept, plan, {
    target: (row) => row.efEvPerAtom,
    label: () => source,
    formatTag: EF_DATA_FORMAT,
    columns: ELEMNET_INDICES,
  });
  const report: EfDatasetReport = {
    kind: 'ef',
    source,
    energyScale: info.energyScale,
    dataDir,
    seed: plan.seed,
    split: plan.split,
    fractions: plan.fractions,
    loader: loaded.report,
    inputWidth: ELEMNET_INDICES.length,
    dropped: restricted.droppedRows > 0 ? { [OUTSIDE_ELEMNET_REASON]: restricted.droppedRows } : {},
    elementsOutsideInputs: restricted.elementsOutsideInputs,
    ...splitsReport(assembled, summariseEfRows, startedMs),
  };
  return { ...assembled.splits, report, dataHash: assembled.dataHash, splitHash: assembled.splitHash };
}
